package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskhost.launcher.DevicesProcessIT.health;
import static org.taskhost.launcher.DevicesProcessIT.json;
import static org.taskhost.launcher.DevicesProcessIT.point;
import static org.taskhost.launcher.HttpTaskhost.until;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.driver.bacnet.internal.SimulatedDevice;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The BACnet/IP driver in the launched taskhost against three simulated devices of an independent stack
 * (node-bacnet): discovery over REST, polling by ReadPropertyMultiple, a point the device lacks, a killed device
 * beside two that keep answering, COV, writes with priority over REST, and a point mapped to a PV (caget, caput).
 */
class BacnetProcessIT {
    static final String P = "BEAMLINE:DEFAULT:AHU:";

    /** A slot (1..16) of an object's priority array in the device: its value, or null when the slot is empty. */
    static Double priority(SimulatedDevice device, String object, int slot) throws Exception {
        JsonNode v = device.objects().get("objects").get(object).get("priorityArray").get(slot - 1);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    static String device(String id, SimulatedDevice sim, String extraPoints) {
        return """
                {"id": "%s", "driver": "bacnet", "address": "%s", "poll_interval": 0.5, "timeout": 0.2, "retries": 1,
                 "options": {"max_per_request": "4"},
                 "points": [
                   {"id": "t0", "address": "AI:0"}, {"id": "t1", "address": "analog-input:1/present-value"},
                   {"id": "bi", "address": "BI:1", "type": "bool"}, {"id": "ms", "address": "MSI:0", "type": "int"},
                   {"id": "units", "address": "AI:1/units", "type": "string"},
                   {"id": "ao", "address": "AO:0", "writable": true, "units": "kW"}%s]}
                """.formatted(id, sim.hostPort(), extraPoints);
    }

    static String plugin() throws Exception {
        return new GitFixture().write("Ahu.java", """
                import org.taskhost.api.TaskBase;
                public class Ahu extends TaskBase {
                    public void initialize() { }
                    public void execute() { }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: continuous
                  interval: 0.5
                pvs:
                  inputs:
                    SP: {type: float, point: ahu1/sp, prec: 1}
                  outputs:
                    T: {type: float, point: ahu1/t0}
                """).commitAll();
    }

    /** A reactive task run by a point trigger on covdev/v. */
    static String watcher() throws Exception {
        return new GitFixture().write("Covwatch.java", """
                import org.taskhost.api.TaskBase;
                public class Covwatch extends TaskBase {
                    public void initialize() { }
                    public void execute() {
                        pv("LAST").set(pv("V_IN").getDouble());
                    }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: reactive
                pvs:
                  inputs:
                    V_IN: {type: float}
                  outputs:
                    LAST: {type: float}
                triggers:
                  - point: covdev/v
                    input: V_IN
                """).commitAll();
    }

    @Test
    void pollsWritesFollowsAndSurvivesAKilledDevice() throws Exception {
        int ca;
        try (ServerSocket s = new ServerSocket(0)) {
            ca = s.getLocalPort();
        }
        int clientPort = SimulatedDevice.freeUdpPort();
        try (SimulatedDevice s1 = SimulatedDevice.start(SimulatedDevice.freeUdpPort(), 3001, clientPort);
                SimulatedDevice s2 = SimulatedDevice.start(SimulatedDevice.freeUdpPort(), 3002, clientPort);
                SimulatedDevice s3 = SimulatedDevice.start(SimulatedDevice.freeUdpPort(), 3003, clientPort)) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_SAMPLES", "false", "EPICS_CAS_SERVER_PORT", String.valueOf(ca),
                    "TASKHOST_CONSOLE", "stdin", "TASKHOST_BACNET_PORT", String.valueOf(clientPort),
                    "TASKHOST_BACNET_BIND", "127.0.0.1"), Files.createTempDirectory("e2e-bacnet"));
            try {
                HttpResponse<String> found = th.post("/devices/discover?driver=bacnet&timeout=2&address="
                        + s1.hostPort() + "," + s2.hostPort() + "," + s3.hostPort(), null);
                assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                assertThat(found.body()).contains("\"address\":\"" + s1.hostPort() + "\"", "\"name\":\"sim-3001\"",
                        "\"device_instance\":\"3002\"", "\"device_instance\":\"3003\"", "\"vendor_id\":\"260\"");

                String extra = """
                        , {"id": "sp", "address": "AV:2", "writable": true, "write_priority": 8, "units": "degC"},
                          {"id": "cov", "address": "AV:0", "cov": true}, {"id": "missing", "address": "AI:99"}""";
                assertThat(th.post("/devices", device("ahu1", s1, extra)).statusCode()).isEqualTo(201);
                assertThat(th.post("/devices", device("ahu2", s2, "")).statusCode()).isEqualTo(201);
                assertThat(th.post("/devices", device("ahu3", s3, "")).statusCode()).isEqualTo(201);
                HttpResponse<String> bad = th.post("/devices", device("bad", s1, ", {\"id\": \"x\", \"address\": \"AI:5000000\"}")
                        .replace("\"max_per_request\": \"4\"", "\"max_per_request\": \"0\""));
                assertThat(bad.statusCode()).isEqualTo(422);
                assertThat(bad.body()).contains("\"field\":\"options.max_per_request\"", "\"field\":\"points[6].address\"",
                        "instance 5000000 of object 'AI:5000000' is out of range");
                for (String id : List.of("ahu1", "ahu2", "ahu3")) {
                    until(id + " polls", () -> "OK".equals(health(th, id).get("status")));
                }
                assertThat(point(th, "ahu1", "t0")).containsEntry("value", 300.6).containsEntry("quality", "GOOD");
                assertThat(point(th, "ahu2", "t1")).containsEntry("value", 301.7);
                assertThat(point(th, "ahu3", "bi")).containsEntry("value", true);
                assertThat(point(th, "ahu3", "ms")).containsEntry("value", 2);
                assertThat(point(th, "ahu1", "units")).containsEntry("value", "percent");
                assertThat(point(th, "ahu1", "missing")).containsEntry("quality", "BAD").containsEntry("reason", "object: unknown-object");
                assertThat(health(th, "ahu1")).containsEntry("status", "OK");

                // COV: the device pushes the new value into the cache and it runs a reactive task, between two polls
                until("ahu1 is subscribed", () -> s1.objects().get("subscriptions").asInt() == 1);
                assertThat(th.post("/devices", """
                        {"id": "covdev", "driver": "bacnet", "address": "%s", "poll_interval": 20,
                         "points": [{"id": "v", "address": "AV:1", "cov": true}]}""".formatted(s2.hostPort())).statusCode()).isEqualTo(201);
                until("covdev polls", () -> "OK".equals(health(th, "covdev").get("status")));
                until("covdev is subscribed", () -> s2.objects().get("subscriptions").asInt() == 1);
                var watcher = th.post("/tasks", "{\"name\":\"covwatch\",\"git_url\":\"" + watcher() + "\"}");
                assertThat(watcher.statusCode()).as(watcher.body()).isEqualTo(201);
                until("covwatch is ready", () -> th.get("/plugins/covwatch").body().contains("\"phase\":\"ready\""));
                long polls = ((Number) health(th, "covdev").get("poll_count")).longValue();
                s2.set("analog-value:1", 88.25);
                until("the COV value in the cache", () -> Double.valueOf(88.25).equals(point(th, "covdev", "v").get("value")));
                assertThat(((Number) health(th, "covdev").get("poll_count")).longValue()).as("no poll in between").isEqualTo(polls);
                Map<String, Object> ran = new CaClient(ca, Map.of()).one("""
                        last = connect('BEAMLINE:DEFAULT:COVWATCH:LAST')
                        until(lambda: last.get(use_monitor=False) == 88.25, 'the reactive task to run with 88.25')
                        out(last=last.get(use_monitor=False))
                        """);
                assertThat(ran).containsEntry("last", 88.25);

                // write at priority 8, then relinquish: the device's priority array shows it
                HttpResponse<String> wrote = th.post("/devices/ahu2/points/ao/write", "{\"value\": 42.5, \"priority\": 8}");
                assertThat(wrote.statusCode()).as(wrote.body()).isEqualTo(200);
                assertThat(priority(s2, "analog-output:0", 8)).isEqualTo(42.5);
                assertThat(th.post("/devices/ahu2/points/ao/write", "{\"value\": null, \"priority\": 8}").statusCode()).isEqualTo(200);
                assertThat(priority(s2, "analog-output:0", 8)).isNull();

                // a killed device is marked, the others keep polling, and it recovers by itself after a restart
                s3.kill();
                long killedAt = ((Number) health(th, "ahu3").get("poll_count")).longValue();
                Map<String, Object> marked = new java.util.HashMap<>();
                until("ahu3 is marked", () -> {
                    marked.putAll(health(th, "ahu3"));
                    return "ERROR".equals(marked.get("status"));
                });
                assertThat((String) marked.get("last_error")).contains("no answer from device /" + s3.hostPort());
                assertThat(((Number) marked.get("poll_count")).longValue() - killedAt).as("marked within two poll intervals")
                        .isLessThanOrEqualTo(2);
                // a write it does not answer is a 504, as a read is: the driver's timeout, not a refusal
                HttpResponse<String> unanswered = th.post("/devices/ahu3/points/ao/write", "{\"value\": 7.5, \"priority\": 8}");
                assertThat(unanswered.statusCode()).as(unanswered.body()).isEqualTo(504);
                assertThat(unanswered.body()).contains("device ahu3 did not answer: no answer from device /" + s3.hostPort()
                        + " to WriteProperty analog-output:0/present-value");
                HttpResponse<String> unread = th.post("/devices/ahu3/read", null);
                assertThat(unread.statusCode()).as(unread.body()).isEqualTo(504);
                assertThat(unread.body()).contains("device ahu3 did not answer: no answer from device /" + s3.hostPort());
                long polls1 = ((Number) health(th, "ahu1").get("poll_count")).longValue();
                until("ahu1 keeps polling", () -> ((Number) health(th, "ahu1").get("poll_count")).longValue() > polls1 + 3);
                assertThat(health(th, "ahu1")).containsEntry("status", "OK");
                assertThat(health(th, "ahu2")).containsEntry("status", "OK");
                s3.start();
                until("ahu3 recovers", () -> "OK".equals(health(th, "ahu3").get("status")));

                // a point mapped to a PV: caget shows it, caput writes it to the device at the point's priority 8
                var added = th.post("/tasks", "{\"name\":\"ahu\",\"git_url\":\"" + plugin() + "\"}");
                assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
                Map<String, Object> shown = new CaClient(ca, Map.of()).one("""
                        sp, t = connect('%1$sSP', form='ctrl'), connect('%1$sT', form='ctrl')
                        until(lambda: sp.get(use_monitor=False) == 102.0, 'SP = 102 from the device')
                        until(lambda: t.get(use_monitor=False) == 300.6, 'T = 300.6 from the device')
                        put = epics.caput('%1$sSP', 23.5, wait=True)
                        out(put=put, sp_units=sp.get_ctrlvars()['units'])
                        """.formatted(P));
                assertThat(shown).containsEntry("put", 1).containsEntry("sp_units", "degC");
                until("the caput reaches the device", () -> Double.valueOf(23.5).equals(priority(s1, "analog-value:2", 8)));

                assertThat(th.process.command("taskhost:bacnet discover " + s2.hostPort() + " 1", "the discovery",
                        l -> l.contains("device(s)"))).contains("1 device(s)");
                assertThat(String.join("\n", th.process.lines())).contains("3002", s2.hostPort(), "sim-3002");
                assertThat(json(th.get("/devices/ahu1"))).containsKey("health");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }
}
