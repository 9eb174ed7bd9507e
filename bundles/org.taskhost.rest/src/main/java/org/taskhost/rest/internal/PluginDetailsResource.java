package org.taskhost.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.JobResult;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginRuntime;

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
            List<Map<String, Object>> out = p.pvs().stream().map(PluginDetailsResource::pv).toList();
            return Response.ok(Map.of("pvs", out, "count", out.size())).build();
        });
    }

    static Map<String, Object> pv(Pv pv) {
        PvSpec s = pv.spec();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", s.name());
        d.put("pv", pv.fullName());
        d.put("type", s.type().label());
        d.put("access", s.writable() && s.link() == null ? "rw" : "ro");
        d.put("value", pv.value().value());
        d.put("timestamp", pv.value().timestamp().toString());
        d.put("severity", pv.value().severity().name());
        d.put("alarm_status", pv.value().alarmStatus());
        d.put("unit", s.unit());
        d.put("prec", s.precision());
        d.put("low", s.displayLow());
        d.put("high", s.displayHigh());
        d.put("drvl", s.driveLow());
        d.put("drvh", s.driveHigh());
        d.put("labels", s.labels());
        d.put("description", s.description());
        d.put("alarm", alarm(s.alarms()));
        d.put("length", s.length());
        d.put("link", s.link() == null ? null : Map.of("target", s.link().target(),
                "mode", s.link().mode().name().toLowerCase(java.util.Locale.ROOT), "poll_rate", s.link().pollSeconds()));
        return d;
    }

    private static Map<String, Object> alarm(org.taskhost.api.pv.AlarmLimits a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lolo", a.lolo());
        d.put("low", a.low());
        d.put("high", a.high());
        d.put("hihi", a.hihi());
        d.put("lolo_severity", a.loloSeverity().name());
        d.put("low_severity", a.lowSeverity().name());
        d.put("high_severity", a.highSeverity().name());
        d.put("hihi_severity", a.hihiSeverity().name());
        return d;
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
        return about("Plugin", name, p -> Response.ok(Map.of("name", name, "lines", p.log())).build());
    }

    @GET
    @Path("{collection: jobs|plugins}/{name}/runs")
    public Response runs(@PathParam("name") String name) {
        return about("Job", name, p -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (JobResult r : p.results()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("success", r.success());
                d.put("data", r.data());
                d.put("message", r.message());
                d.put("timestamp", r.timestamp().toString());
                out.add(d);
            }
            return Response.ok(Map.of("runs", out, "count", out.size())).build();
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
            return Response.ok(Map.of("ok", true, "message", "parameters of '" + name + "' updated", "parameters", parameters)).build();
        } catch (LoaderException e) {
            return Answers.of(e);
        }
    }
}
