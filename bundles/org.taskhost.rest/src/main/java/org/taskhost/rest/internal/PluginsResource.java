package org.taskhost.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.JobResult;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.loader.PluginRequest;
import org.taskhost.api.loader.ValidationReport;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginRuntime;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * iocmng's plugin endpoints under {@code /api/v1}: {@code /tasks}, {@code /jobs} and {@code /plugins} (add, list with
 * {@code ?type=}, get, delete), {@code /tasks|jobs/{name}/startup}, {@code /jobs/{name}/run},
 * {@code /plugins/{name}/restart}, plus start, stop, enable, disable, trigger, clear and reset. A view: it reads the
 * runtime's model ({@link PluginRuntime}) and the loader's records, and calls their operations.
 */
@Component(service = PluginsResource.class)
@JakartarsResource
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

    static final long RUN_WAIT_SECONDS = 600;

    @Reference
    PluginLoader loader;

    @Reference
    PluginRuntime runtime;

    /** Which kind a collection path holds: null for /plugins (both). */
    static PluginKind kindOf(String collection) {
        return switch (collection) {
            case "tasks" -> PluginKind.TASK;
            case "jobs" -> PluginKind.JOB;
            default -> null;
        };
    }

    /**
     * @param type the {@code type} query parameter, or null
     * @return the kind it names, empty for none
     * @throws IllegalArgumentException naming the parameter when it is neither task nor job
     */
    static Optional<PluginKind> typeFilter(String type) {
        if (type == null || type.isEmpty()) {
            return Optional.empty();
        }
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "task" -> Optional.of(PluginKind.TASK);
            case "job" -> Optional.of(PluginKind.JOB);
            default -> throw new IllegalArgumentException("query parameter 'type' must be task or job, got '" + type + "'");
        };
    }

    static String label(PluginKind kind) {
        return kind == null ? "plugin" : kind.name().toLowerCase(Locale.ROOT);
    }

    @GET
    @Path("{collection: tasks|jobs|plugins}")
    public Response list(@PathParam("collection") String collection, @QueryParam("type") String type) {
        Optional<PluginKind> filter;
        try {
            filter = typeFilter(type);
        } catch (IllegalArgumentException e) {
            return Answers.error(400, e.getMessage());
        }
        PluginKind want = kindOf(collection);
        List<PluginInfo> plugins = runtime.plugins();
        List<InstalledPlugin> kept = loader.installed();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : PluginDicts.names(plugins, kept)) {
            Map<String, Object> d = PluginDicts.of(name, plugins.stream().filter(p -> p.name().equals(name)).findFirst(),
                    kept.stream().filter(p -> p.name().equals(name)).findFirst());
            if ((want == null || label(want).equals(d.get("plugin_type"))) && filter.map(k -> label(k).equals(d.get("plugin_type"))).orElse(true)) {
                out.add(d);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plugins", out);
        body.put("count", out.size());
        return Response.ok(body).build();
    }

    @GET
    @Path("{collection: tasks|jobs|plugins}/{name}")
    public Response get(@PathParam("collection") String collection, @PathParam("name") String name) {
        if (!known(name)) {
            return notFound(collection, name);
        }
        return Response.ok(dict(name)).build();
    }

    /** iocmng's PluginStartupInfo; 404 for an unknown name and for a plugin of the other kind. */
    @GET
    @Path("{collection: tasks|jobs|plugins}/{name}/startup")
    public Response startup(@PathParam("collection") String collection, @PathParam("name") String name) {
        if (!known(name)) {
            return notFound(collection, name);
        }
        Optional<PluginInfo> info = runtime.plugin(name);
        Optional<InstalledPlugin> kept = loader.installed(name);
        PluginKind want = kindOf(collection);
        if (want != null && !label(want).equals(PluginDicts.type(info, kept))) {
            return notFound(collection, name);
        }
        return Response.ok(PluginDicts.startup(name, info, kept)).build();
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
        // the loader refuses a plugin of the other kind before it installs anything
        PluginRequest request = new PluginRequest(body.name(), body.gitUrl(), body.branch(), body.path(), body.pat(),
                body.localPath(), body.parameters(), body.autoStart() == null || body.autoStart(), body.autostartOrder(),
                Boolean.TRUE.equals(body.keepPat()), kindOf(collection));
        try {
            InstalledPlugin p = loader.add(request);
            return Answers.of(201, true, "Plugin '" + p.name() + "' added (" + p.pluginType() + " " + p.className()
                    + " at " + p.commit() + ")", new ValidationReport(true, p.className(), p.pluginType(), List.of()));
        } catch (LoaderException e) {
            return Answers.of(e);
        }
    }

    @DELETE
    @Path("{collection: tasks|jobs|plugins}/{name}")
    public Response remove(@PathParam("collection") String collection, @PathParam("name") String name) {
        PluginKind want = kindOf(collection);
        if (want != null && known(name)) {
            String type = PluginDicts.type(runtime.plugin(name), loader.installed(name));
            if (type != null && !label(want).equals(type)) {
                return Answers.error(400, "'" + name + "' is not a " + label(want));
            }
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
        job.trigger();
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
        if (!known(name)) {
            return Answers.error(404, "Job '" + name + "' not found");
        }
        if (!"job".equals(PluginDicts.type(runtime.plugin(name), loader.installed(name)))) {
            return Answers.error(400, "'" + name + "' is a task, not a job; use /api/v1/plugins/" + name + "/trigger");
        }
        if (!wait.equals("true") && !wait.equals("false")) {
            return Answers.error(400, "query parameter 'wait' must be true or false, got '" + wait + "'");
        }
        Optional<ManagedPlugin> job = runtime.running(name);
        if (job.isEmpty()) {
            return notRunning(name);
        }
        try {
            if (wait.equals("false")) {
                return runLater(job.get(), name);
            }
            JobResult r = job.get().trigger().toCompletableFuture().get(RUN_WAIT_SECONDS, TimeUnit.SECONDS);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("success", r.success());
            result.put("data", r.data() == null ? Map.of() : r.data());
            result.put("message", r.message() == null ? "" : r.message());
            result.put("timestamp", r.timestamp().toString());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", r.success());
            body.put("result", result);
            return Response.ok(body).build();
        } catch (IllegalStateException e) {
            // JobBusyException included: a run is under way
            return Answers.error(409, e.getMessage());
        } catch (PluginOperationException e) {
            return refused(e);
        } catch (ExecutionException e) {
            return e.getCause() instanceof IllegalStateException busy ? Answers.error(409, busy.getMessage())
                    : Answers.error(500, "job " + name + " did not finish: " + e.getCause());
        } catch (TimeoutException e) {
            return Answers.error(500, "job " + name + " did not finish within " + RUN_WAIT_SECONDS + " s");
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
                    + ", uploaded)", new ValidationReport(true, p.className(), p.pluginType(), List.of()));
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
                    new ValidationReport(true, p.className(), p.pluginType(), List.of()));
        } catch (LoaderException e) {
            return Answers.of(e);
        }
    }

    /** Start and stop are the model's operations; the others act on the running plugin. Answer: the plugin dict. */
    @POST
    @Path("plugins/{name}/{action: start|stop|enable|disable|trigger|clear|reset}")
    public Response act(@PathParam("name") String name, @PathParam("action") String action) {
        try {
            switch (action) {
                case "start" -> runtime.start(name);
                case "stop" -> runtime.stop(name);
                default -> {
                    if (!known(name)) {
                        return Answers.error(404, "Plugin '" + name + "' not found");
                    }
                    Optional<ManagedPlugin> p = runtime.running(name);
                    if (p.isEmpty()) {
                        return notRunning(name);
                    }
                    switch (action) {
                        case "enable" -> p.get().enable();
                        case "disable" -> p.get().disable();
                        case "clear" -> p.get().clear();
                        case "reset" -> p.get().reset();
                        default -> p.get().trigger();
                    }
                }
            }
            return Response.ok(dict(name)).build();
        } catch (PluginOperationException e) {
            return refused(e);
        } catch (IllegalStateException e) {
            return Answers.error(409, e.getMessage());
        }
    }

    /** The runtime refused: 404 unknown, 409 not now, 422 it was started and failed (the message says why). */
    static Response refused(PluginOperationException e) {
        return Answers.error(statusOf(e), e.getMessage());
    }

    static int statusOf(PluginOperationException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FAILED -> 422;
        };
    }

    /** 409 for a plugin that exists but has no running instance, saying what to do. */
    private Response notRunning(String name) {
        String phase = PluginDicts.phase(runtime.plugin(name)).name().toLowerCase(Locale.ROOT);
        return Answers.error(409, "Plugin '" + name + "' is " + phase + ", not running; start it with POST /api/v1/plugins/" + name + "/start");
    }

    private boolean known(String name) {
        return runtime.plugin(name).isPresent() || loader.installed(name).isPresent();
    }

    private Map<String, Object> dict(String name) {
        return PluginDicts.of(name, runtime.plugin(name), loader.installed(name));
    }

    private static Response notFound(String collection, String name) {
        String label = switch (collection) {
            case "tasks" -> "Task";
            case "jobs" -> "Job";
            default -> "Plugin";
        };
        return Answers.error(404, label + " '" + name + "' not found");
    }
}
