package org.taskhost.rest.internal;

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
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.rest.internal.answers.JobRun;
import org.taskhost.rest.internal.answers.JobRunAnswer;
import org.taskhost.rest.internal.answers.JobRunStarted;
import org.taskhost.rest.internal.answers.Plugin;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What operators do to a plugin: {@code POST /jobs/{name}/run} (iocmng's, waiting or not) and
 * {@code POST /plugins/{name}/start|stop|enable|disable|trigger|clear|reset}. Start and stop are the model's
 * operations; the others act on the running plugin. A view: no state of its own.
 */
@Component(service = PluginOperationsResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PluginOperationsResource {

    static final long RUN_WAIT_SECONDS = 600;

    @Reference
    PluginLoader loader;

    @Reference
    PluginRuntime runtime;

    /** 202 at once; the result appears in the job's runs (and STATUS) when the run ends. */
    private static Response runLater(ManagedPlugin job, String name) {
        job.trigger();
        String runs = "/api/v1/jobs/" + name + "/runs";
        JobRunStarted body = new JobRunStarted(true, "Job '" + name + "' started; its result will be the newest of " + runs, runs);
        return Response.status(202).header("Location", runs).entity(body).build();
    }

    @POST
    @Path("{collection: jobs|plugins}/{name}/run")
    public Response run(@PathParam("name") String name,
            @QueryParam("wait") @DefaultValue("true") String wait) {
        if (!PluginDicts.known(name, runtime, loader)) {
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
            JobRun result = new JobRun(r.success(), r.data() == null ? Map.of() : r.data(),
                    r.message() == null ? "" : r.message(), r.timestamp());
            return Response.ok(new JobRunAnswer(r.success(), result)).build();
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

    /** Start and stop are the model's operations; the others act on the running plugin. Answer: the plugin dict. */
    @POST
    @Path("plugins/{name}/{action: start|stop|enable|disable|trigger|clear|reset}")
    public Response act(@PathParam("name") String name, @PathParam("action") String action) {
        try {
            switch (action) {
                case "start" -> runtime.start(name);
                case "stop" -> runtime.stop(name);
                default -> {
                    if (!PluginDicts.known(name, runtime, loader)) {
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
            return Response.ok(PluginDicts.of(name, runtime, loader)).build();
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

}
