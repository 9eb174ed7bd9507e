package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;
import org.taskhost.launcher.MqttProcessIT.Message;
import org.taskhost.launcher.MqttProcessIT.Subscriber;

/**
 * config.yaml's mqtt triggers and a plugin's own messaging, against mosquitto: mosquitto_pub sends, the plugins run,
 * REST shows their PVs and mosquitto_sub sees what they publish.
 */
class MqttTriggersProcessIT {

    static final String ROOT = "th-trg";

    /** A triggered task: each run counts up RUNS. */
    static String counter() throws Exception {
        return new GitFixture().write("Counter.java", """
                import org.taskhost.api.TaskBase;
                public class Counter extends TaskBase {
                    public void initialize() { }
                    public void execute() { pv("RUNS").set(pv("RUNS").getDouble() + 1); }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: triggered
                pvs:
                  outputs:
                    RUNS: {type: int}
                triggers:
                  - mqtt: e2e-in/+/tick
                """).commitAll();
    }

    /** A reactive task: DOUBLE is twice LEVEL, which a trigger fills from a JSON field. */
    static String doubler() throws Exception {
        return new GitFixture().write("Doubler.java", """
                import org.taskhost.api.TaskBase;
                public class Doubler extends TaskBase {
                    public void initialize() { }
                    public void execute() { pv("DOUBLE").set(pv("LEVEL").getDouble() * 2); }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: reactive
                pvs:
                  inputs:
                    LEVEL: {type: float, drvl: 0, drvh: 100}
                  outputs:
                    DOUBLE: {type: float}
                triggers:
                  - mqtt: e2e-in/sensor/level
                    input: LEVEL
                    field: reading.value
                """).commitAll();
    }

    /** A job that says on MQTT, through its context, how many times it ran. */
    static String reporter() throws Exception {
        return new GitFixture().write("Reporter.java", """
                import org.taskhost.api.JobBase;
                import org.taskhost.api.JobResult;
                public class Reporter extends JobBase {
                    private int runs;
                    public void initialize() { }
                    public JobResult execute() {
                        runs++;
                        context().messaging().publish("e2e-out/reporter", "run " + runs);
                        return JobResult.ok(runs, "run " + runs);
                    }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: job
                triggers:
                  - mqtt: e2e-in/jobs/report
                """).commitAll();
    }

    /** A task that answers every message on e2e-in/echo with one on e2e-out/echo, through its own subscription. */
    static String echo() throws Exception {
        return new GitFixture().write("Echo.java", """
                import org.taskhost.api.TaskBase;
                public class Echo extends TaskBase {
                    public void initialize() {
                        context().messaging().subscribe("e2e-in/echo", m ->
                                context().messaging().publish("e2e-out/echo", "echo " + m.text()));
                    }
                    public void execute() { }
                    public void cleanup() { }
                }
                """).write("config.yaml", "parameters:\n  mode: triggered\n").commitAll();
    }

    @Test
    void messagesRunTasksAndJobsAndPluginsPublishAndSubscribe() throws Exception {
        String node = "trg" + ProcessHandle.current().pid();
        try (Broker broker = Broker.start(); Subscriber live = broker.subscribe("#")) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node, "TASKHOST_SAMPLES", "false"), Files.createTempDirectory("e2e-mqtt-trg"));
            try {
                add(th, "/tasks", "counter", counter());
                add(th, "/tasks", "doubler", doubler());
                add(th, "/jobs", "reporter", reporter());
                add(th, "/tasks", "echo", echo());
                th.process.awaitLine("the trigger subscription", l -> l.contains("[mqtt] subscribed to e2e-in/+/tick"));

                // a triggered task runs once per message, on any topic the wildcard matches
                MqttCommandsProcessIT.publish(broker, "e2e-in/a/tick", "1");
                MqttCommandsProcessIT.publish(broker, "e2e-in/b/tick", "2");
                awaitPv(th, "counter", "RUNS", "2");

                // a reactive task gets the JSON field as its input, which runs it
                MqttCommandsProcessIT.publish(broker, "e2e-in/sensor/level", "{\"reading\": {\"value\": 21.5}}");
                awaitPv(th, "doubler", "DOUBLE", "43.0");
                // beyond the drive limits, not JSON, or without the field: refused, nothing changes
                MqttCommandsProcessIT.publish(broker, "e2e-in/sensor/level", "{\"reading\": {\"value\": 150}}");
                MqttCommandsProcessIT.publish(broker, "e2e-in/sensor/level", "not json");
                MqttCommandsProcessIT.publish(broker, "e2e-in/sensor/level", "{\"other\": 1}");
                th.process.awaitLine("the refusal of the value out of limits", l -> l.contains("doubler: trigger e2e-in/sensor/level")
                        && l.contains("not used") && l.contains("150"));
                th.process.awaitLine("the refusal of the missing field", l -> l.contains("the payload has no field 'reading.value'"));
                awaitBody(th, "/mqtt", "\"triggers_refused\":3,");
                assertThat(pv(th, "doubler", "LEVEL")).isEqualTo("21.5");
                assertThat(pv(th, "doubler", "DOUBLE")).isEqualTo("43.0");

                // a job runs from a topic and publishes through its context
                int from = live.size();
                MqttCommandsProcessIT.publish(broker, "e2e-in/jobs/report", "");
                Message report = live.awaitAfter(from, "the job's own message", m -> m.topic().equals("e2e-out/reporter"));
                assertThat(report.payload()).isEqualTo("run 1");

                // a plugin's own subscription
                from = live.size();
                MqttCommandsProcessIT.publish(broker, "e2e-in/echo", "hello");
                assertThat(live.awaitAfter(from, "the echo", m -> m.topic().equals("e2e-out/echo")).payload()).isEqualTo("echo hello");

                // the view lists the triggers; a stopped plugin's trigger and subscription are closed
                assertThat(th.get("/mqtt").body()).contains("\"counter\":[\"e2e-in/+/tick\"]", "\"triggers_fired\":");
                assertThat(th.post("/plugins/counter/stop", "").statusCode()).isEqualTo(200);
                assertThat(th.post("/plugins/echo/stop", "").statusCode()).isEqualTo(200);
                awaitBodyLacks(th, "/mqtt", "e2e-in/+/tick");
                awaitBodyLacks(th, "/mqtt", "\"e2e-in/echo\"");
                from = live.size();
                MqttCommandsProcessIT.publish(broker, "e2e-in/echo", "anyone?");
                MqttCommandsProcessIT.publish(broker, "e2e-in/jobs/report", "");
                live.awaitAfter(from, "the job's second message", m -> m.topic().equals("e2e-out/reporter") && m.payload().equals("run 2"));
                List<Message> after = List.copyOf(live.messages);
                assertThat(after.subList(from, after.size())).noneMatch(m -> m.topic().equals("e2e-out/echo"));

                // a trigger that config.yaml's rules refuse: nothing is installed
                String continuous = new GitFixture().write("Busy.java", """
                        import org.taskhost.api.TaskBase;
                        public class Busy extends TaskBase {
                            public void initialize() { }
                            public void execute() { }
                            public void cleanup() { }
                        }
                        """).write("config.yaml", "triggers:\n  - mqtt: e2e-in/x\n").commitAll();
                HttpResponse<String> refused = th.post("/tasks", "{\"name\":\"busy\",\"git_url\":\"" + continuous + "\"}");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
                assertThat(refused.body()).contains("triggers", "a continuous task runs every interval");
                assertThat(th.get("/plugins/busy").statusCode()).isEqualTo(404);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    static void add(HttpTaskhost th, String path, String name, String url) throws Exception {
        HttpResponse<String> r = th.post(path, "{\"name\":\"" + name + "\",\"git_url\":\"" + url + "\"}");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    static String pv(HttpTaskhost th, String plugin, String name) throws Exception {
        String body = th.get("/plugins/" + plugin + "/pvs").body();
        Matcher m = Pattern.compile("\\{\"name\":\"" + name + "\",[^{]*?\"value\":(\"[^\"]*\"|[^,]+),").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1).replace("\"", "");
    }

    static void awaitPv(HttpTaskhost th, String plugin, String name, String value) throws Exception {
        long end = System.nanoTime() + MqttProcessIT.DEADLINE.toNanos();
        String last = null;
        while (System.nanoTime() < end) {
            last = pv(th, plugin, name);
            if (last.equals(value)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(plugin + " " + name + " never became " + value + "; last " + last);
    }

    static void awaitBody(HttpTaskhost th, String path, String part) throws Exception {
        th.awaitBody(path, "it to hold " + part, b -> b.contains(part));
    }

    static void awaitBodyLacks(HttpTaskhost th, String path, String part) throws Exception {
        th.awaitBody(path, "it to lose " + part, b -> !b.contains(part));
    }
}
