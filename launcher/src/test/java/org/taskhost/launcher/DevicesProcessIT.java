package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Devices with the built-in virtual driver, end to end: CRUD over REST while polling runs, field errors, a failing
 * device beside a good one, point events over Server-Sent Events, a plugin whose PVs map points (libca's caget and
 * caput), the plugin's own devices(), the shell commands, and a restart that keeps the devices.
 */
class DevicesProcessIT {

    static final String P = "BEAMLINE:DEFAULT:THERMO:";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AHU1 = """
            {"id": "ahu1", "driver": "virtual", "address": "sim-1", "poll_interval": 0.2,
             "points": [
               {"id": "sp", "address": "hold", "units": "degC", "writable": true, "options": {"initial": "20"}},
               {"id": "t", "address": "ramp:0:100000:1", "units": "degC"},
               {"id": "broken", "address": "error"}]}
            """;

    static String thermo() throws Exception {
        return new GitFixture().write("Thermo.java", """
                import org.taskhost.api.TaskBase;
                import org.taskhost.api.device.PointRef;
                public class Thermo extends TaskBase {
                    public void initialize() {
                        devices().listen(new PointRef("ahu1", "t"), (ref, v) -> pv("HEARD").set(pv("HEARD").getDouble() + 1));
                    }
                    public void execute() {
                        Object v = devices().value("ahu1", "sp").value();
                        if (v != null) {
                            pv("SP_SEEN").set(v);
                        }
                    }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: continuous
                  interval: 0.1
                pvs:
                  inputs:
                    SP: {type: float, point: ahu1/sp, prec: 1}
                  outputs:
                    T: {type: float, point: ahu1/t}
                    BROKEN: {type: float, point: ahu1/broken}
                    SP_SEEN: {type: float}
                    HEARD: {type: int}
                """).commitAll();
    }

    /** A reactive task run by a point trigger: each change of ahu1/t is put into T_IN, which runs it. */
    static String watcher() throws Exception {
        return new GitFixture().write("Watcher.java", """
                import org.taskhost.api.TaskBase;
                public class Watcher extends TaskBase {
                    public void initialize() { }
                    public void execute() {
                        pv("RUNS").set(pv("RUNS").getDouble() + 1);
                        pv("LAST").set(pv("T_IN").getDouble());
                    }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: reactive
                pvs:
                  inputs:
                    T_IN: {type: float}
                  outputs:
                    RUNS: {type: int}
                    LAST: {type: float}
                triggers:
                  - point: ahu1/t
                    input: T_IN
                """).commitAll();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> r) throws Exception {
        return JSON.readValue(r.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(HttpResponse<String> r) throws Exception {
        return JSON.readValue(r.body(), List.class);
    }

    static Map<String, Object> point(HttpTaskhost th, String device, String point) throws Exception {
        HttpResponse<String> r = th.get("/devices/" + device + "/points/" + point);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> health(HttpTaskhost th, String id) throws Exception {
        return (Map<String, Object>) json(th.get("/devices/" + id)).get("health");
    }

    /** Reads an SSE stream on a thread of its own into a list of lines. */
    static List<String> events(HttpTaskhost th) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest req = HttpRequest.newBuilder(URI.create(th.base + "/devices/events"))
                .header("Authorization", "Bearer " + th.admin).header("Accept", "text/event-stream").build();
        HttpTaskhost.HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }

    @Test
    void devicesOverRestPvsShellAndARestart() throws Exception {
        int ca;
        try (ServerSocket s = new ServerSocket(0)) {
            ca = s.getLocalPort();
        }
        Map<String, String> env = Map.of("TASKHOST_SAMPLES", "false", "EPICS_CAS_SERVER_PORT", String.valueOf(ca),
                "TASKHOST_CONSOLE", "stdin");
        Path data = Files.createTempDirectory("e2e-devices");
        String thermo = thermo();
        HttpTaskhost first = HttpTaskhost.start(env, data);
        try {
            List<String> sse = events(first);
            HttpResponse<String> created = first.post("/devices", AHU1);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpTaskhost.until("ahu1 polls", () -> "OK".equals(health(first, "ahu1").get("status")));
            assertThat(point(first, "ahu1", "sp")).containsEntry("value", 20.0).containsEntry("quality", "GOOD");
            assertThat(point(first, "ahu1", "broken")).containsEntry("quality", "BAD").containsEntry("reason", "simulated point error");
            HttpTaskhost.until("a point event on the stream", () -> sse.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"device\":\"ahu1\"")
                    && l.contains("\"point\":\"t\"") && l.contains("\"quality\":\"GOOD\"")));
            assertThat(sse).contains("event: point");

            // refused: field errors, a taken id, a driver's own check; an unknown device
            HttpResponse<String> bad = first.post("/devices", "{\"id\": \"x\", \"driver\": \"virtual\", \"poll_interval\": 0, "
                    + "\"points\": [{\"id\": \"p\"}]}");
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("\"field\":\"poll_interval\"", "\"field\":\"points[0].address\"");
            HttpResponse<String> driverSays = first.post("/devices", "{\"id\": \"x\", \"driver\": \"virtual\", "
                    + "\"points\": [{\"id\": \"p\", \"address\": \"ramp:9:1:1\"}]}");
            assertThat(driverSays.statusCode()).isEqualTo(422);
            assertThat(driverSays.body()).contains("\"field\":\"points[0].address\"", "min < max");
            assertThat(first.post("/devices", AHU1).statusCode()).isEqualTo(409);
            assertThat(first.get("/devices/nosuch").statusCode()).isEqualTo(404);
            assertThat(first.send("POST", "/devices/ahu1/points/sp/write", "{\"value\": 1}", null).statusCode())
                    .as("without a token").isEqualTo(401);

            // a failing device beside ahu1, and one whose driver is not there
            assertThat(first.post("/devices", "{\"id\": \"dead\", \"driver\": \"virtual\", \"poll_interval\": 0.2, \"timeout\": 0.2, "
                    + "\"options\": {\"fail\": true}, \"points\": [{\"id\": \"p\", \"address\": \"hold\"}]}").statusCode()).isEqualTo(201);
            assertThat(first.post("/devices", "{\"id\": \"far\", \"driver\": \"nosuch\", \"points\": []}").statusCode()).isEqualTo(201);
            HttpTaskhost.until("dead is marked", () -> "ERROR".equals(health(first, "dead").get("status")));
            assertThat((String) health(first, "dead").get("last_error")).contains("does not answer");
            assertThat(health(first, "far")).containsEntry("status", "NO_DRIVER").containsEntry("message", "no driver 'nosuch'");
            long polls = ((Number) health(first, "ahu1").get("poll_count")).longValue();
            HttpTaskhost.until("ahu1 keeps polling", () -> ((Number) health(first, "ahu1").get("poll_count")).longValue() > polls + 5);
            assertThat(health(first, "ahu1")).containsEntry("status", "OK").containsEntry("error_count", 0);

            // update while polling, then delete
            HttpResponse<String> updated = first.send("PUT", "/devices/dead", "{\"driver\": \"virtual\", \"poll_interval\": 0.2, "
                    + "\"points\": [{\"id\": \"p\", \"address\": \"hold\", \"options\": {\"initial\": \"5\"}}]}", first.admin);
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            HttpTaskhost.until("dead recovers", () -> "OK".equals(health(first, "dead").get("status")));
            assertThat(first.delete("/devices/far").statusCode()).isEqualTo(200);
            assertThat(first.get("/devices/far").statusCode()).isEqualTo(404);

            // a plugin whose PVs map points: caget shows the point, caput writes it
            var added = first.post("/tasks", "{\"name\":\"thermo\",\"git_url\":\"" + thermo + "\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            CaClient client = new CaClient(ca, Map.of());
            Map<String, Object> shown = client.one("""
                    sp, t = connect('%1$sSP', form='ctrl'), connect('%1$sT', form='ctrl')
                    until(lambda: sp.get(use_monitor=False) == 20.0, 'SP = 20 from the point')
                    t0 = t.get(use_monitor=False)
                    until(lambda: t.get(use_monitor=False) > t0, 'T to follow the ramp')
                    broken = connect('%1$sBROKEN')
                    until(lambda: broken.get(use_monitor=False) is not None and broken.severity == 3, 'BROKEN to be INVALID')
                    put = epics.caput('%1$sSP', 23.5, wait=True)
                    out(put=put, t_units=t.get_ctrlvars()['units'], sp_units=sp.get_ctrlvars()['units'], broken=broken.severity)
                    """.formatted(P));
            assertThat(shown).containsEntry("put", 1).containsEntry("t_units", "degC").containsEntry("sp_units", "degC")
                    .as("a BAD point shows INVALID").containsEntry("broken", 3);
            HttpTaskhost.until("the caput reaches the point", () -> Double.valueOf(23.5).equals(point(first, "ahu1", "sp").get("value")));

            // a write at priority 8 over REST wins over the caput's (16), shows on the PV and in the plugin; relinquished, 23.5 again
            HttpResponse<String> wrote = first.post("/devices/ahu1/points/sp/write", "{\"value\": 26, \"priority\": 8}");
            assertThat(wrote.statusCode()).as(wrote.body()).isEqualTo(200);
            Map<String, Object> afterWrite = client.one("""
                    sp, seen, heard = connect('%1$sSP'), connect('%1$sSP_SEEN'), connect('%1$sHEARD')
                    until(lambda: sp.get(use_monitor=False) == 26.0 and seen.get(use_monitor=False) == 26.0, 'SP and SP_SEEN = 26')
                    until(lambda: heard.get(use_monitor=False) > 3, 'the plugin to hear T')
                    out(sp=sp.get(use_monitor=False))
                    """.formatted(P));
            assertThat(afterWrite).containsEntry("sp", 26.0);
            assertThat(first.post("/devices/ahu1/points/sp/write", "{\"value\": null, \"priority\": 8}").statusCode()).isEqualTo(200);
            assertThat(point(first, "ahu1", "sp")).containsEntry("value", 23.5);
            HttpResponse<String> refused = first.post("/devices/ahu1/points/t/write", "{\"value\": 1}");
            assertThat(refused.statusCode()).isEqualTo(409);
            HttpResponse<String> badPriority = first.post("/devices/ahu1/points/sp/write", "{\"value\": 1, \"priority\": 17}");
            assertThat(badPriority.statusCode()).isEqualTo(422);
            assertThat(badPriority.body()).contains("\"field\":\"priority\"");
            HttpResponse<String> readNow = first.post("/devices/ahu1/read", null);
            assertThat(readNow.statusCode()).as(readNow.body()).isEqualTo(200);

            // a point trigger runs a reactive task with the point's value
            var watcher = first.post("/tasks", "{\"name\":\"watcher\",\"git_url\":\"" + watcher() + "\"}");
            assertThat(watcher.statusCode()).as(watcher.body()).isEqualTo(201);
            Map<String, Object> triggered = client.one("""
                    runs, last = connect('BEAMLINE:DEFAULT:WATCHER:RUNS'), connect('BEAMLINE:DEFAULT:WATCHER:LAST')
                    until(lambda: runs.get(use_monitor=False) >= 3 and last.get(use_monitor=False) > 0, 'the trigger to run WATCHER')
                    out(runs=runs.get(use_monitor=False), last=last.get(use_monitor=False))
                    """);
            assertThat(((Number) triggered.get("last")).doubleValue()).isPositive();

            // the shell
            assertThat(first.process.command("taskhost:devices", "with ahu1", l -> l.matches("(taskhost> )?ahu1\\s+virtual\\s+sim-1\\s+OK.*")))
                    .contains("OK");
            assertThat(first.process.command("taskhost:points ahu1", "with sp", l -> l.matches("(taskhost> )?sp\\s+23\\.5\\s+degC\\s+GOOD.*")))
                    .contains("hold");
            assertThat(first.process.command("taskhost:write ahu1 sp 30 4", "the write", l -> l.contains("wrote 30 to ahu1/sp")))
                    .contains("at priority 4", "it reads 30.0 (GOOD)");
            assertThat(first.process.command("taskhost:write ahu1 sp null 4", "the relinquish", l -> l.contains("relinquished ahu1/sp")))
                    .contains("it reads 23.5 (GOOD)");
        } catch (AssertionError | Exception e) {
            System.out.println(String.join("\n", first.process.lines()));
            throw e;
        } finally {
            first.close();
        }

        HttpTaskhost second = HttpTaskhost.start(env, data);
        try {
            HttpTaskhost.until("the devices are back", () -> list(second.get("/devices")).size() == 2);
            assertThat(list(second.get("/devices"))).extracting(d -> d.get("id")).containsExactly("ahu1", "dead");
            HttpTaskhost.until("ahu1 polls again", () -> "OK".equals(health(second, "ahu1").get("status")));
            assertThat(point(second, "ahu1", "t")).containsEntry("quality", "GOOD").containsEntry("units", "degC");
            assertThat(point(second, "dead", "p")).containsEntry("value", 5.0);
            assertThat(second.process.command("taskhost:devices", "with dead", l -> l.matches("(taskhost> )?dead\\s+virtual.*")))
                    .contains("OK");
        } catch (AssertionError | Exception e) {
            System.out.println(String.join("\n", second.process.lines()));
            throw e;
        } finally {
            second.close();
        }
    }

}
