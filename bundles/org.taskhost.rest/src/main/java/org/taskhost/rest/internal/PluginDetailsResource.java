package org.taskhost.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.JobResult;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.rest.internal.answers.JobRun;
import org.taskhost.rest.internal.answers.JobRuns;
import org.taskhost.rest.internal.answers.LogLines;
import org.taskhost.rest.internal.answers.ParametersAnswer;
import org.taskhost.rest.internal.answers.Plugin;
import org.taskhost.rest.internal.answers.PluginPv;
import org.taskhost.rest.internal.answers.PvList;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A plugin's PVs, log lines, job runs, and its parameters (a live update, also kept for later starts). */
@Component(service = PluginDetailsResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PluginDetailsResource {

    @Reference
    PluginLoader loader;

    @Reference
    PluginRuntime runtime;

    /**
     * The answer about a running plugin; 404 naming it ("Plugin" or "Job") when there is no such plugin, 409 when it
     * is installed but has no running instance (stopped, or still installing).
     */
    private Response about(String kind, String name, Function<ManagedPlugin, Response> answer) {
        Optional<ManagedPlugin> p = runtime.running(name);
        if (p.isPresent()) {
            return answer.apply(p.get());
        }
        Optional<PluginInfo> info = runtime.plugin(name);
        if (info.isEmpty() && loader.installed(name).isEmpty()) {
            return Answers.error(404, kind + " '" + name + "' not found");
        }
        return Answers.error(409, kind + " '" + name + "' is " + PluginDicts.phase(info).name().toLowerCase(java.util.Locale.ROOT)
                + ", not running; start it with POST /api/v1/plugins/" + name + "/start");
    }

    @GET
    @Path("plugins/{name}/pvs")
    public Response pvs(@PathParam("name") String name) {
        return about("Plugin", name, p -> {
            return Response.ok(new PvList(p.pvs().stream().map(PluginDetailsResource::pv).toList())).build();
        });
    }

    static PluginPv pv(Pv pv) {
        PvSpec s = pv.spec();
        PvValue v = pv.value();
        AlarmLimits a = s.alarms();
        PluginPv.PvAlarmLimits alarm = new PluginPv.PvAlarmLimits(a.lolo(), a.low(), a.high(), a.hihi(), a.loloSeverity().name(),
                a.lowSeverity().name(), a.highSeverity().name(), a.hihiSeverity().name());
        PluginPv.PvInputLink link = s.link() == null ? null : new PluginPv.PvInputLink(s.link().target(),
                s.link().mode().name().toLowerCase(java.util.Locale.ROOT), s.link().pollSeconds());
        return new PluginPv(s.name(), pv.fullName(), s.type().label(), s.writable() && s.link() == null ? "rw" : "ro",
                v.value(), v.timestamp(), v.severity().name(), v.alarmStatus(), s.unit(), s.precision(), s.displayLow(),
                s.displayHigh(), s.driveLow(), s.driveHigh(), s.labels(), s.description(), alarm, s.length(), link);
    }

    @GET
    @Path("plugins/{name}/display.bob")
    @Produces("application/xml")
    public Response display(@PathParam("name") String name) {
        return about("Plugin", name, p -> Response.ok(PhoebusDisplay.of(name, p.kind().name().toLowerCase(java.util.Locale.ROOT), p.pvs()),
                "application/xml").header("Content-Disposition", "attachment; filename=\"" + name + ".bob\"").build());
    }

    @GET
    @Path("plugins/{name}/logs")
    public Response logs(@PathParam("name") String name) {
        return about("Plugin", name, p -> Response.ok(new LogLines(name, p.log())).build());
    }

    @GET
    @Path("{collection: jobs|plugins}/{name}/runs")
    public Response runs(@PathParam("name") String name) {
        return about("Job", name, p -> {
            List<JobRun> out = new ArrayList<>();
            for (JobResult r : p.results()) {
                out.add(new JobRun(r.success(), r.data(), r.message(), r.timestamp()));
            }
            return Response.ok(new JobRuns(out)).build();
        });
    }

    @PUT
    @Path("plugins/{name}/parameters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response parameters(@PathParam("name") String name, Map<String, Object> parameters) {
        if (parameters == null) {
            return Answers.error(400, "a JSON object of parameters is required");
        }
        try {
            loader.updateParameters(name, parameters);
            return Response.ok(new ParametersAnswer(true, "parameters of '" + name + "' updated", parameters)).build();
        } catch (LoaderException e) {
            return Answers.of(e);
        }
    }
}
