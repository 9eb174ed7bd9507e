package org.taskhost.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.loader.PluginRequest;
import org.taskhost.api.loader.ValidationReport;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.rest.internal.answers.Plugin;
import org.taskhost.rest.internal.answers.PluginList;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * {@code ?type=}, get, delete), {@code /tasks|jobs/{name}/startup},
 * {@code /plugins/{name}/restart} and uploads; runs and the other operations are in {@link PluginOperationsResource}.
 * A view: it reads the runtime's model ({@link PluginRuntime}) and the loader's records, and calls their operations.
 */
@Component(service = PluginsResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

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
        List<Plugin> out = new ArrayList<>();
        for (String name : PluginDicts.names(plugins, kept)) {
            Plugin d = PluginDicts.of(name, plugins.stream().filter(p -> p.name().equals(name)).findFirst(),
                    kept.stream().filter(p -> p.name().equals(name)).findFirst());
            if ((want == null || label(want).equals(d.pluginType())) && filter.map(k -> label(k).equals(d.pluginType())).orElse(true)) {
                out.add(d);
            }
        }
        return Response.ok(new PluginList(out)).build();
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

    private boolean known(String name) {
        return PluginDicts.known(name, runtime, loader);
    }

    private Plugin dict(String name) {
        return PluginDicts.of(name, runtime, loader);
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
