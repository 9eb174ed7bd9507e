package org.taskhost.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.JobResult;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.loader.PluginRequest;
import org.taskhost.api.runtime.JobBusyException;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginKind;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * iocmng's plugin endpoints under {@code /api/v1}: {@code /tasks}, {@code /jobs} and {@code /plugins} (add, list,
 * get, delete), {@code /jobs/{name}/run}, {@code /plugins/{name}/restart}, plus start, stop, enable, disable and
 * trigger. A view: it asks the loader and reads the ManagedPlugin services.
 */
@Component(service = PluginsResource.class)
@JakartarsResource
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

    static final long RUN_WAIT_SECONDS = 600;

    @Reference
    PluginLoader loader;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<ManagedPlugin> plugins = new CopyOnWriteArrayList<>();

    private final BundleContext context;

    @Activate
    public PluginsResource(BundleContext context) {
        this.context = context;
    }

    /** Which kind a collection path holds: null for /plugins (both). */
    private static String kindOf(String collection) {
        return switch (collection) {
            case "tasks" -> "task";
            case "jobs" -> "job";
            default -> null;
        };
    }

    @GET
    @Path("{collection: tasks|jobs|plugins}")
    public Map<String, Object> list(@PathParam("collection") String collection) {
        String kind = kindOf(collection);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names()) {
            Map<String, Object> d = dict(name);
            if (kind == null || kind.equals(d.get("plugin_type"))) {
                out.add(d);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plugins", out);
        body.put("count", out.size());
        return body;
    }

    @GET
    @Path("{collection: tasks|jobs|plugins}/{name}")
    public Response get(@PathParam("collection") String collection, @PathParam("name") String name) {
        if (!names().contains(name)) {
            return Answers.error(404, label(collection) + " '" + name + "' not found");
        }
        return Response.ok(dict(name)).build();
    }

    @POST
    @Path("{collection: tasks|jobs|plugins}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("collection") String collection, AddPluginRequest body) {
        if (body == null) {
            return Answers.error(400, "a JSON body with name and git_url (or local_path) is required");
        }
        if ((body.gitUrl() == null || body.gitUrl().isBlank()) && (body.localPath() == null || body.localPath().isBlank())) {
            return Answers.error(400, "Either git_url or local_path must be provided");
        }
        PluginRequest request = new PluginRequest(body.name(), body.gitUrl(), body.branch(), body.path(), body.pat(),
                body.localPath(), body.parameters(), body.autoStart() == null || body.autoStart(), body.autostartOrder(),
                Boolean.TRUE.equals(body.keepPat()));
        try {
            InstalledPlugin p = loader.add(request);
            String want = kindOf(collection);
            if (want != null && !want.equals(p.pluginType())) {
                loader.remove(p.name());
                String other = want.equals("task") ? "job" : "task";
                return Answers.error(422, "Repository contains a " + other + ", not a " + want + ". Use /api/v1/" + other + "s instead.");
            }
            return Answers.of(201, true, "Plugin '" + p.name() + "' added (" + p.pluginType() + " " + p.className()
                    + " at " + p.commit() + ")", loader.installed(p.name()).map(x -> new org.taskhost.api.loader.ValidationReport(
                            true, x.className(), x.pluginType(), List.of())).orElse(null));
        } catch (LoaderException e) {
            return Answers.of(e);
        }
    }

    @DELETE
    @Path("{collection: tasks|jobs|plugins}/{name}")
    public Response remove(@PathParam("collection") String collection, @PathParam("name") String name) {
        String want = kindOf(collection);
        if (want != null && names().contains(name) && !want.equals(dict(name).get("plugin_type"))) {
            return Answers.error(400, "'" + name + "' is not a " + want);
        }
        try {
            loader.remove(name);
            return Answers.of(200, true, "Plugin '" + name + "' removed", null);
        } catch (LoaderException e) {
            return e.reason() == LoaderException.Reason.NOT_FOUND ? Answers.error(404, "Plugin '" + name + "' not found") : Answers.of(e);
        }
    }

    /** 202 at once; the result appears in the job's runs (and STATUS) when the run ends. */
    private static Response runLater(ManagedPlugin job, String name) {
        try {
            job.trigger();
        } catch (IllegalStateException e) {
            return Answers.error(409, e.getMessage());
        }
        String runs = "/api/v1/jobs/" + name + "/runs";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("message", "Job '" + name + "' started; its result will be the newest of " + runs);
        body.put("runs", runs);
        return Response.status(202).header("Location", runs).entity(body).build();
    }

    @POST
    @Path("{collection: jobs|plugins}/{name}/run")
    public Response run(@PathParam("collection") String collection, @PathParam("name") String name,
            @QueryParam("wait") @DefaultValue("true") String wait) {
        Optional<ManagedPlugin> p = live(name);
        if (p.isEmpty()) {
            return Answers.error(404, "Job '" + name + "' not found");
        }
        if (p.get().kind() != PluginKind.JOB) {
            return Answers.error(400, "'" + name + "' is a task, not a job; use /api/v1/plugins/" + name + "/trigger");
        }
        if (!wait.equals("true") && !wait.equals("false")) {
            return Answers.error(400, "query parameter 'wait' must be true or false, got '" + wait + "'");
        }
        if (wait.equals("false")) {
            return runLater(p.get(), name);
        }
        try {
            JobResult r = p.get().trigger().toCompletableFuture().get(RUN_WAIT_SECONDS, TimeUnit.SECONDS);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", r.success());
            body.put("result", Map.of("success", r.success(), "data", r.data() == null ? Map.of() : r.data(),
                    "message", r.message() == null ? "" : r.message(), "timestamp", r.timestamp().toString()));
            return Response.ok(body).build();
        } catch (JobBusyException e) {
            return Answers.error(409, e.getMessage());
        } catch (IllegalStateException e) {
            return Answers.error(409, e.getMessage());
        } catch (ExecutionException | TimeoutException e) {
            return Answers.error(500, "job " + name + " did not finish: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answers.error(503, "interrupted");
        }
    }

    @POST
    @Path("plugins/upload/{name}")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/java-archive"})
    public Response upload(@PathParam("name") String name, byte[] jar) {
        if (jar == null || jar.length == 0) {
            return Answers.error(400, "the request body must be the plugin jar");
        }
        try {
            InstalledPlugin p = loader.addJar(name, jar, Map.of());
            return Answers.of(201, true, "Plugin '" + p.name() + "' added (" + p.pluginType() + " " + p.className()
                    + ", uploaded)", new org.taskhost.api.loader.ValidationReport(true, p.className(), p.pluginType(), List.of()));
        } catch (LoaderException e) {
            return Answers.of(e);
        }
    }

    @POST
    @Path("plugins/{name}/restart")
    public Response restart(@PathParam("name") String name) {
        try {
            InstalledPlugin p = loader.reload(name);
            return Answers.of(200, true, "Plugin '" + name + "' restarted at " + p.commit(),
                    new org.taskhost.api.loader.ValidationReport(true, p.className(), p.pluginType(), List.of()));
        } catch (LoaderException e) {
            return Answers.of(e);
        }
    }

    @POST
    @Path("plugins/{name}/{action: start|stop|enable|disable|trigger}")
    public Response act(@PathParam("name") String name, @PathParam("action") String action) {
        try {
            switch (action) {
                case "start", "stop" -> {
                    Bundle b = context.getBundle("taskhost:plugin:" + name);
                    if (b == null) {
                        return Answers.error(404, "Plugin '" + name + "' not found");
                    }
                    if (action.equals("start")) {
                        b.start();
                    } else {
                        b.stop();
                    }
                }
                default -> {
                    ManagedPlugin p = live(name).orElse(null);
                    if (p == null) {
                        return Answers.error(404, "Plugin '" + name + "' not found or not running");
                    }
                    switch (action) {
                        case "enable" -> p.enable();
                        case "disable" -> p.disable();
                        default -> p.trigger();
                    }
                }
            }
            return Response.ok(dict(name)).build();
        } catch (BundleException e) {
            return Answers.error(422, "cannot " + action + " '" + name + "': " + e.getMessage());
        } catch (IllegalStateException e) {
            return Answers.error(409, e.getMessage());
        }
    }

    private TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>();
        loader.installed().forEach(p -> names.add(p.name()));
        plugins.forEach(p -> names.add(p.name()));
        return names;
    }

    private Optional<ManagedPlugin> live(String name) {
        return plugins.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private Map<String, Object> dict(String name) {
        return PluginDicts.of(name, loader.installed(name), live(name));
    }

    private static String label(String collection) {
        return switch (collection) {
            case "tasks" -> "Task";
            case "jobs" -> "Job";
            default -> "Plugin";
        };
    }
}
