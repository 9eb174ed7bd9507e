package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * iocmng 2.7's REST contract, end to end against the launched taskhost: iocmng's own job and task examples (its
 * README, examples/ and tests/test_api.py) translated to Java, served as git repositories over file://, added through
 * {@code /tasks} and {@code /jobs}, listed and filtered with {@code ?type=}, run, their PluginStartupInfo read, and
 * removed; the kind check that refuses a job posted to {@code /tasks} before anything is installed; JSON answers for
 * paths that do not exist; stop and start over REST (and the shell) through the runtime's model.
 */
class IocmngContractProcessIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEADLINE = Duration.ofSeconds(30);

    static HttpTaskhost th;

    @BeforeAll
    static void start() throws Exception {
        th = HttpTaskhost.start(Map.of("TASKHOST_SAMPLES", "false", "TASKHOST_CONSOLE", "stdin"));
    }

    @AfterAll
    static void stop() throws Exception {
        th.close();
    }

    // ---------------------------------------------------------------- iocmng's examples, in Java

    /** tests/test_api.py JOB_CODE: a job whose execute() returns a JobResult. */
    static final String SIMPLE_JOB = """
            import java.util.Map;
            import org.taskhost.api.JobBase;
            import org.taskhost.api.JobResult;
            public class SimpleJob extends JobBase {
                public void initialize() { }
                public JobResult execute() {
                    return JobResult.ok(Map.of("system", System.getProperty("os.name"), "timeout", parameters().getLong("timeout", 0)), "ok");
                }
            }
            """;

    /** tests/test_api.py JOB_CONFIG, with the timeout of examples/example_job_config.yaml: {@code mode: job} makes it a job. */
    static final String JOB_CONFIG = """
            prefix: MY_JOB
            parameters:
              mode: job
              timeout: 30
            arguments:
              outputs:
                SYSTEM_NAME:
                  type: string
                  value: ""
            """;

    /** examples/example_job.py: no mode in config.yaml, the class extending JobBase makes it a job. */
    static final String EXAMPLE_DIAGNOSTICS = """
            import java.util.LinkedHashMap;
            import java.util.Map;
            import org.taskhost.api.JobBase;
            import org.taskhost.api.JobResult;
            public class ExampleDiagnostics extends JobBase {
                public void initialize() {
                    logger().log(System.Logger.Level.INFO, "ExampleDiagnostics initialized");
                }
                public JobResult execute() {
                    Map<String, Object> info = new LinkedHashMap<>();
                    info.put("java_version", System.getProperty("java.version"));
                    info.put("system", System.getProperty("os.name"));
                    info.put("machine", System.getProperty("os.arch"));
                    pv("SYSTEM_NAME").set(System.getProperty("os.name"));
                    return JobResult.ok(info, "Diagnostics collected");
                }
            }
            """;

    /** examples/example_job_config.yaml. */
    static final String EXAMPLE_JOB_CONFIG = """
            # Parameters passed to the job constructor (override via REST API)
            parameters:
              collect_network: false   # whether to include network info
              timeout: 30              # seconds before the job times out

            # Directional plugin arguments mapped to softIOC PVs
            arguments:
              outputs:
                PYTHON_VERSION:
                  type: string
                  value: ""
                SYSTEM_NAME:
                  type: string
                  value: ""
            """;

    /** tests/test_api.py TASK_CODE. */
    static final String SIMPLE_TASK = """
            import org.taskhost.api.TaskBase;
            public class SimpleTask extends TaskBase {
                public void initialize() { }
                public void execute() { }
                public void cleanup() { }
            }
            """;

    /** tests/test_api.py TASK_CONFIG. */
    static final String TASK_CONFIG = """
            parameters:
              mode: continuous
              interval: 0.1
              threshold: 50.0
            prefix: MY_TASK
            arguments:
              outputs:
                VALUE:
                  type: float
                  value: 0.0
            """;

    /** examples/example_task.py: a continuous task writing a random value each cycle. */
    static final String EXAMPLE_MONITOR = """
            import java.util.concurrent.ThreadLocalRandom;
            import org.taskhost.api.TaskBase;
            public class ExampleMonitor extends TaskBase {
                private double value;
                public void initialize() {
                    logger().log(System.Logger.Level.INFO, "ExampleMonitor initialized");
                    value = 0.0;
                }
                public void execute() {
                    value = ThreadLocalRandom.current().nextDouble(0, 100);
                    logger().log(System.Logger.Level.DEBUG, "Current value: " + value);
                    pv("OUTPUT_RESULT").set(value);
                }
                public void cleanup() {
                    logger().log(System.Logger.Level.INFO, "ExampleMonitor cleaned up");
                }
            }
            """;

    /** examples/example_task_config.yaml. */
    static final String EXAMPLE_TASK_CONFIG = """
            parameters:
              mode: continuous        # "continuous" or "triggered"
              interval: 0.2           # seconds between cycles
              threshold: 75.0         # example application parameter
            arguments:
              inputs:
                SETPOINT:
                  type: float
                  value: 50.0
                  unit: "%"
                  prec: 2
                  low: 0
                  high: 100
              outputs:
                OUTPUT_RESULT:
                  type: float
                  value: 0.0
                  unit: "arb"
                  prec: 3
                  low: 0
                  high: 100
                ALARM:
                  type: bool
                  value: 0
                  znam: "OK"
                  onam: "ALARM"
            """;

    /** A triggered task in iocmng's older form, {@code triggered: true}: each RUN counts once. */
    static final String COUNTER = """
            import org.taskhost.api.TaskBase;
            public class Counter extends TaskBase {
                private long shots;
                public void initialize() { }
                public void execute() { pv("SHOTS").set(++shots); }
                public void cleanup() { }
            }
            """;

    static final String COUNTER_CONFIG = """
            parameters:
              triggered: true
            pvs:
              outputs:
                SHOTS:
                  type: int
                  value: 0
            """;

    /** A task whose initialize() says "connecting..." and then fails while the file named by parameter 'marker' exists. */
    static final String CRATE = """
            import java.nio.file.Files;
            import java.nio.file.Path;
            import org.taskhost.api.TaskBase;
            public class Crate extends TaskBase {
                public void initialize() {
                    setMessage("connecting...");
                    String marker = parameters().getString("marker", "");
                    if (marker.isEmpty() || Files.exists(Path.of(marker))) {
                        throw new IllegalStateException("no crate answers at 10.0.0.7");
                    }
                }
                public void execute() { }
                public void cleanup() { }
            }
            """;

    static final String CRATE_CONFIG = "parameters:\n  interval: 0.5\n  init_timeout: 10\n";

    // ---------------------------------------------------------------- the tests

    @Test
    void iocmngsJobWithModeJobInAFolderIsAddedListedRunDescribedAndRemoved() throws Exception {
        GitFixture repo = new GitFixture();
        Files.createDirectories(repo.dir.resolve("job"));
        repo.write("job/SimpleJob.java", SIMPLE_JOB).write("job/config.yaml", JOB_CONFIG);
        String url = repo.commitAll();

        JsonNode added = expect(201, th.post("/jobs", "{\"name\":\"startup-job\",\"git_url\":\"" + url + "\",\"branch\":\"main\",\"path\":\"job\"}"));
        assertThat(added.path("ok").asBoolean()).isTrue();
        assertThat(added.path("message").asText()).contains("startup-job");
        assertThat(added.path("validation").path("plugin_type").asText()).isEqualTo("job");
        assertThat(added.path("validation").path("class_name").asText()).isEqualTo("SimpleJob");

        assertListed("startup-job", "job");
        JsonNode dict = expect(200, th.get("/jobs/startup-job"));
        assertThat(dict.path("status").asText()).isEqualTo("loaded");
        assertThat(dict.path("phase").asText()).isEqualTo("ready");
        assertThat(dict.path("mode").isNull()).as("iocmng gives a job no mode").isTrue();

        JsonNode run = expect(200, th.post("/jobs/startup-job/run", ""));
        assertThat(run.path("ok").asBoolean()).isTrue();
        assertThat(run.path("result").path("success").asBoolean()).isTrue();
        assertThat(run.path("result").path("message").asText()).isEqualTo("ok");
        assertThat(run.path("result").path("data").path("timeout").asLong()).as("the parameter reached the job").isEqualTo(30);
        assertThat(run.path("result").path("timestamp").asText()).isNotEmpty();
        JsonNode unified = expect(200, th.post("/plugins/startup-job/run", ""));
        assertThat(unified.path("ok").asBoolean()).isTrue();

        // iocmng's test_get_job_startup_info, field by field
        JsonNode d = expect(200, th.get("/jobs/startup-job/startup"));
        assertThat(names(d)).containsExactly("name", "plugin_type", "auto_start", "auto_start_on_boot", "autostart_order", "pv_prefix",
                "plugin_prefix", "mode", "start_parameters", "arguments", "pv_definitions", "base_control_pvs", "additional_input_pvs",
                "additional_output_pvs", "built_pvs");
        assertThat(d.path("name").asText()).isEqualTo("startup-job");
        assertThat(d.path("plugin_type").asText()).isEqualTo("job");
        assertThat(d.path("pv_prefix").asText()).isEqualTo("BEAMLINE:DEFAULT:MY_JOB");
        assertThat(d.path("plugin_prefix").asText()).isEqualTo("MY_JOB");
        assertThat(d.path("mode").isNull()).isTrue();
        assertThat(d.path("start_parameters").path("mode").asText()).isEqualTo("job");
        assertThat(d.path("start_parameters").path("timeout").asInt()).isEqualTo(30);
        assertThat(d.path("arguments").path("outputs").has("SYSTEM_NAME")).isTrue();
        assertThat(d.path("pv_definitions").path("outputs").path("SYSTEM_NAME").path("type").asText()).isEqualTo("string");
        assertThat(texts(d.path("base_control_pvs"))).contains("STATUS", "MESSAGE");
        assertThat(texts(d.path("additional_output_pvs"))).containsExactly("SYSTEM_NAME");
        assertThat(texts(d.path("built_pvs"))).contains("BEAMLINE:DEFAULT:MY_JOB:STATUS", "BEAMLINE:DEFAULT:MY_JOB:SYSTEM_NAME");
        assertThat(d.path("auto_start_on_boot").asBoolean()).as("taskhost keeps every plugin across restarts").isTrue();

        JsonNode wrongKind = expect(404, th.get("/tasks/startup-job/startup"));
        assertThat(wrongKind.path("message").asText()).isEqualTo("Task 'startup-job' not found");
        assertThat(expect(400, th.delete("/tasks/startup-job")).path("message").asText()).isEqualTo("'startup-job' is not a task");
        assertThat(expect(200, th.delete("/jobs/startup-job")).path("ok").asBoolean()).isTrue();
        assertThat(expect(404, th.get("/jobs/startup-job")).path("message").asText()).isEqualTo("Job 'startup-job' not found");
        assertThat(expect(404, th.get("/jobs/startup-job/startup")).path("ok").asBoolean()).isFalse();
        assertNotListed("startup-job");
    }

    @Test
    void iocmngsExampleJobWithoutModeIsAJobBecauseOfItsClass() throws Exception {
        GitFixture repo = new GitFixture();
        String url = repo.write("ExampleDiagnostics.java", EXAMPLE_DIAGNOSTICS).write("config.yaml", EXAMPLE_JOB_CONFIG).commitAll();

        JsonNode added = expect(201, th.post("/jobs", "{\"name\":\"diag\",\"git_url\":\"" + url + "\"}"));
        assertThat(added.path("validation").path("plugin_type").asText()).isEqualTo("job");
        assertListed("diag", "job");

        JsonNode run = expect(200, th.post("/jobs/diag/run", ""));
        assertThat(run.path("ok").asBoolean()).isTrue();
        assertThat(run.path("result").path("message").asText()).isEqualTo("Diagnostics collected");
        assertThat(names(run.path("result").path("data"))).containsExactly("java_version", "system", "machine");
        JsonNode pv = expect(200, th.post("/pvs/get", "{\"pv_name\":\"BEAMLINE:DEFAULT:DIAG:SYSTEM_NAME\"}"));
        assertThat(pv.path("value").asText()).isEqualTo(System.getProperty("os.name"));

        JsonNode d = expect(200, th.get("/jobs/diag/startup"));
        assertThat(d.path("mode").isNull()).isTrue();
        assertThat(d.path("start_parameters").has("mode")).isFalse();
        assertThat(d.path("start_parameters").path("collect_network").asBoolean(true)).isFalse();
        assertThat(d.path("start_parameters").path("timeout").asInt()).isEqualTo(30);
        assertThat(texts(d.path("additional_output_pvs"))).containsExactly("PYTHON_VERSION", "SYSTEM_NAME");
        assertThat(texts(d.path("additional_input_pvs"))).isEmpty();
        assertThat(d.path("plugin_prefix").asText()).isEqualTo("DIAG");

        // a stopped job cannot run; started again, it can
        assertThat(expect(200, th.post("/plugins/diag/stop", "")).path("phase").asText()).isEqualTo("stopped");
        JsonNode refused = expect(409, th.post("/jobs/diag/run", ""));
        assertThat(refused.path("message").asText()).contains("stopped");
        assertThat(expect(200, th.post("/plugins/diag/start", "")).path("phase").asText()).isEqualTo("ready");
        assertThat(expect(200, th.post("/jobs/diag/run", "")).path("ok").asBoolean()).isTrue();
        assertThat(expect(200, th.get("/jobs/diag/runs")).path("count").asInt()).isEqualTo(1);

        expect(200, th.delete("/jobs/diag"));
        assertNotListed("diag");
    }

    @Test
    void iocmngsStartupTaskAnswersItsPluginStartupInfo() throws Exception {
        GitFixture repo = new GitFixture();
        Files.createDirectories(repo.dir.resolve("task"));
        String url = repo.write("task/SimpleTask.java", SIMPLE_TASK).write("task/config.yaml", TASK_CONFIG).commitAll();

        // iocmng's test_get_task_startup_info: the same request, the same answers (built_pvs holds full names here)
        expect(201, th.post("/tasks", "{\"name\":\"startup-task\",\"git_url\":\"" + url + "\",\"branch\":\"main\",\"path\":\"task\","
                + "\"parameters\":{\"threshold\":77.0},\"auto_start\":true,\"auto_start_on_boot\":true,\"autostart_order\":5}"));
        JsonNode d = expect(200, th.get("/tasks/startup-task/startup"));
        assertThat(d.path("name").asText()).isEqualTo("startup-task");
        assertThat(d.path("plugin_type").asText()).isEqualTo("task");
        assertThat(d.path("auto_start").asBoolean()).isTrue();
        assertThat(d.path("auto_start_on_boot").asBoolean()).isTrue();
        assertThat(d.path("autostart_order").asInt()).isEqualTo(5);
        assertThat(d.path("pv_prefix").asText()).isEqualTo("BEAMLINE:DEFAULT:MY_TASK");
        assertThat(d.path("plugin_prefix").asText()).isEqualTo("MY_TASK");
        assertThat(d.path("mode").asText()).isEqualTo("continuous");
        assertThat(d.path("start_parameters").path("threshold").asDouble()).isEqualTo(77.0);
        assertThat(d.path("start_parameters").path("interval").asDouble()).isEqualTo(0.1);
        assertThat(d.path("arguments").has("outputs")).isTrue();
        assertThat(d.path("pv_definitions").has("outputs")).isTrue();
        assertThat(texts(d.path("base_control_pvs"))).as("every control PV, not iocmng's stale list")
                .containsExactly("ENABLE", "STATUS", "MESSAGE", "CYCLE_COUNT", "RUN", "VERSION", "CLEAR", "RESET");
        assertThat(texts(d.path("additional_output_pvs"))).containsExactly("VALUE");
        assertThat(texts(d.path("built_pvs"))).contains("BEAMLINE:DEFAULT:MY_TASK:VALUE", "BEAMLINE:DEFAULT:MY_TASK:ENABLE");

        // iocmng's test_add_and_list: a listed plugin carries the startup fields too
        JsonNode listed = entry(expect(200, th.get("/tasks")), "startup-task");
        assertThat(names(listed)).contains("start_parameters", "pv_definitions", "built_pvs", "base_control_pvs", "phase");
        assertThat(listed.path("parameters").toString()).as("the overrides alone").isEqualTo("{\"threshold\":77.0}");
        assertThat(listed.path("status").asText()).isEqualTo("running");
        assertListed("startup-task", "task");

        // overrides follow config.yaml's rules, on add and on update; a refused one changes nothing
        JsonNode badUpdate = expect(422, th.send("PUT", "/plugins/startup-task/parameters", "{\"interval\":\"fast\"}", th.admin));
        assertThat(badUpdate.path("message").asText()).contains("parameters.interval");
        assertThat(texts(badUpdate.path("validation").path("errors"))).anySatisfy(e -> assertThat(e).contains("parameters.interval"));
        assertThat(expect(200, th.get("/tasks/startup-task/startup")).path("start_parameters").path("interval").asDouble()).isEqualTo(0.1);
        expect(200, th.send("PUT", "/plugins/startup-task/parameters", "{\"threshold\":80.0}", th.admin));
        assertThat(expect(200, th.get("/tasks/startup-task")).path("parameters").toString()).isEqualTo("{\"threshold\":80.0}");
        JsonNode badAdd = expect(422, th.post("/tasks", "{\"name\":\"too-fast\",\"git_url\":\"" + url + "\",\"path\":\"task\","
                + "\"parameters\":{\"interval\":\"fast\"}}"));
        assertThat(texts(badAdd.path("validation").path("errors"))).anySatisfy(e -> assertThat(e).contains("parameters.interval"));
        assertNotListed("too-fast");

        expect(404, th.get("/jobs/startup-task/startup"));
        assertThat(expect(200, th.get("/plugins/startup-task/startup")).path("name").asText()).isEqualTo("startup-task");
        expect(400, th.delete("/jobs/startup-task"));
        expect(200, th.delete("/tasks/startup-task"));
        assertNotListed("startup-task");
    }

    @Test
    void iocmngsExampleMonitorRunsContinuouslyWithItsInputsAndOutputs() throws Exception {
        GitFixture repo = new GitFixture();
        String url = repo.write("ExampleMonitor.java", EXAMPLE_MONITOR).write("config.yaml", EXAMPLE_TASK_CONFIG).commitAll();
        expect(201, th.post("/tasks", "{\"name\":\"example-monitor\",\"git_url\":\"" + url + "\"}"));
        assertListed("example-monitor", "task");

        await("cycles counted", () -> expect(200, th.get("/tasks/example-monitor")), j -> j.path("cycle_count").asLong() >= 3);
        JsonNode first = await("a random value", () -> pvGet("BEAMLINE:DEFAULT:EXAMPLE-MONITOR:OUTPUT_RESULT"),
                j -> j.path("value").asDouble() != 0.0);
        await("another random value", () -> pvGet("BEAMLINE:DEFAULT:EXAMPLE-MONITOR:OUTPUT_RESULT"),
                j -> j.path("value").asDouble() != first.path("value").asDouble());

        JsonNode d = expect(200, th.get("/tasks/example-monitor/startup"));
        assertThat(d.path("mode").asText()).isEqualTo("continuous");
        assertThat(d.path("plugin_prefix").asText()).isEqualTo("EXAMPLE-MONITOR");
        JsonNode setpoint = d.path("pv_definitions").path("inputs").path("SETPOINT");
        assertThat(setpoint.path("type").asText()).isEqualTo("float");
        assertThat(setpoint.path("value").asDouble()).isEqualTo(50.0);
        assertThat(setpoint.path("unit").asText()).isEqualTo("%");
        assertThat(setpoint.path("prec").asInt()).isEqualTo(2);
        assertThat(setpoint.path("low").asDouble()).isEqualTo(0.0);
        assertThat(setpoint.path("high").asDouble()).isEqualTo(100.0);
        JsonNode alarm = d.path("pv_definitions").path("outputs").path("ALARM");
        assertThat(alarm.path("type").asText()).isEqualTo("bool");
        assertThat(alarm.path("znam").asText()).isEqualTo("OK");
        assertThat(alarm.path("onam").asText()).isEqualTo("ALARM");
        assertThat(texts(d.path("additional_input_pvs"))).containsExactly("SETPOINT");
        assertThat(texts(d.path("additional_output_pvs"))).containsExactly("OUTPUT_RESULT", "ALARM");
        assertThat(d.path("arguments")).isEqualTo(d.path("pv_definitions"));

        expect(200, th.delete("/tasks/example-monitor"));
        assertNotListed("example-monitor");
    }

    @Test
    void aTriggeredTaskRunsOncePerTrigger() throws Exception {
        GitFixture repo = new GitFixture();
        String url = repo.write("Counter.java", COUNTER).write("config.yaml", COUNTER_CONFIG).commitAll();
        expect(201, th.post("/plugins", "{\"name\":\"counter\",\"git_url\":\"" + url + "\"}"));
        assertListed("counter", "task");
        JsonNode d = expect(200, th.get("/tasks/counter/startup"));
        assertThat(d.path("mode").asText()).isEqualTo("triggered");
        assertThat(texts(d.path("base_control_pvs"))).contains("RUN");

        expect(200, th.post("/plugins/counter/trigger", ""));
        await("one shot", () -> pvGet("BEAMLINE:DEFAULT:COUNTER:SHOTS"), j -> j.path("value").asLong() == 1);
        expect(200, th.post("/plugins/counter/trigger", ""));
        await("two shots", () -> pvGet("BEAMLINE:DEFAULT:COUNTER:SHOTS"), j -> j.path("value").asLong() == 2);
        assertThat(expect(400, th.post("/jobs/counter/run", "")).path("message").asText()).contains("is a task, not a job");

        expect(200, th.delete("/plugins/counter"));
        assertNotListed("counter");
    }

    @Test
    void typeFiltersKeepToTheirKindAndABadTypeIsNamed() throws Exception {
        GitFixture task = new GitFixture();
        String taskUrl = task.write("SimpleTask.java", SIMPLE_TASK).write("config.yaml", TASK_CONFIG.replace("MY_TASK", "FILTER_T")).commitAll();
        GitFixture job = new GitFixture();
        String jobUrl = job.write("SimpleJob.java", SIMPLE_JOB).write("config.yaml", JOB_CONFIG.replace("MY_JOB", "FILTER_J")).commitAll();
        expect(201, th.post("/plugins", "{\"name\":\"filter-task\",\"git_url\":\"" + taskUrl + "\"}"));
        expect(201, th.post("/plugins", "{\"name\":\"filter-job\",\"git_url\":\"" + jobUrl + "\"}"));

        for (String type : List.of("task", "job")) {
            JsonNode list = expect(200, th.get("/plugins?type=" + type));
            assertThat(list.path("count").asInt()).isEqualTo(list.path("plugins").size());
            assertThat(list.path("plugins")).allSatisfy(p -> assertThat(p.path("plugin_type").asText()).isEqualTo(type));
            assertThat(namesOf(list)).contains("filter-" + type).doesNotContain("filter-" + (type.equals("task") ? "job" : "task"));
        }
        JsonNode all = expect(200, th.get("/plugins"));
        assertThat(namesOf(all)).contains("filter-task", "filter-job");
        JsonNode bad = expect(400, th.get("/plugins?type=tasks"));
        assertThat(bad.path("ok").asBoolean(true)).isFalse();
        assertThat(bad.path("message").asText()).isEqualTo("query parameter 'type' must be task or job, got 'tasks'");
        assertThat(namesOf(expect(200, th.get("/tasks?type=job")))).as("a collection and a filter that disagree").isEmpty();

        expect(200, th.delete("/plugins/filter-task"));
        expect(200, th.delete("/plugins/filter-job"));
    }

    @Test
    void aPluginOfTheOtherKindIsRefusedBeforeAnythingIsInstalled() throws Exception {
        Path marker = Files.createTempDirectory("e2e-kind").resolve("initialized");
        String job = """
                import java.nio.file.Files;
                import java.nio.file.Path;
                import org.taskhost.api.JobBase;
                import org.taskhost.api.JobResult;
                public class Sneaky extends JobBase {
                    public void initialize() throws Exception { Files.writeString(Path.of("%s"), "job"); }
                    public JobResult execute() { return JobResult.ok(null, "ran"); }
                }
                """.formatted(marker);
        String url = new GitFixture().write("Sneaky.java", job).write("config.yaml", "parameters:\n  mode: job\n").commitAll();
        JsonNode refused = expect(422, th.post("/tasks", "{\"name\":\"sneaky\",\"git_url\":\"" + url + "\"}"));
        assertThat(refused.path("ok").asBoolean(true)).isFalse();
        assertThat(refused.path("message").asText()).isEqualTo("Repository contains a job, not a task. Use /api/v1/jobs instead.");
        assertThat(expect(404, th.get("/plugins/sneaky")).path("message").asText()).isEqualTo("Plugin 'sneaky' not found");
        assertNotListed("sneaky");
        assertThat(marker).as("the job was never installed nor started").doesNotExist();
        assertThat(th.process.lines()).noneMatch(l -> l.contains("[sneaky]"));

        String taskUrl = new GitFixture().write("SimpleTask.java", SIMPLE_TASK).write("config.yaml", TASK_CONFIG).commitAll();
        JsonNode other = expect(422, th.post("/jobs", "{\"name\":\"sneaky-task\",\"git_url\":\"" + taskUrl + "\"}"));
        assertThat(other.path("message").asText()).isEqualTo("Repository contains a task, not a job. Use /api/v1/tasks instead.");
        assertNotListed("sneaky-task");

        // the name stays free: the same job through /jobs is added
        expect(201, th.post("/jobs", "{\"name\":\"sneaky\",\"git_url\":\"" + url + "\"}"));
        assertThat(marker).as("added, the job has been initialized: the marker can tell").exists();
        expect(200, th.delete("/jobs/sneaky"));
    }

    @Test
    void everyUnknownPathAnswersJsonNotJettysPage() throws Exception {
        for (String path : List.of("/nothing", "/tasks/x/y/z", "/plugins/x/nothing", "/jobs/x/startup/more", "/v2/tasks")) {
            HttpResponse<String> r = th.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("ok").asBoolean(true)).isFalse();
            assertThat(body.path("message").asText()).contains("/api/v1" + path);
            assertThat(body.has("validation")).isTrue();
        }
        HttpResponse<String> post = th.post("/nothing/here", "{}");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(post.body()).path("message").asText()).contains("/api/v1/nothing/here");

        HttpResponse<String> method = th.send("DELETE", "/health", null, th.admin);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));
        assertThat(method.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(method.body()).path("message").asText()).startsWith("method DELETE is not allowed on /api/v1/health");
        assertThat(expect(405, th.send("PUT", "/tasks", "{}", th.admin)).path("ok").asBoolean(true)).isFalse();

        JsonNode missing = expect(404, th.get("/tasks/ghost/startup"));
        assertThat(missing.path("message").asText()).isEqualTo("Task 'ghost' not found");
        assertThat(expect(404, th.post("/plugins/ghost/start", "")).path("ok").asBoolean(true)).isFalse();
        assertThat(expect(404, th.post("/plugins/ghost/enable", "")).path("message").asText()).isEqualTo("Plugin 'ghost' not found");
    }

    @Test
    void aPluginWhoseInitializeFailsIsRefusedNamingTheFailureAndNothingStays() throws Exception {
        String url = new GitFixture().write("Crate.java", CRATE).write("config.yaml", CRATE_CONFIG).commitAll();
        for (int attempt = 0; attempt < 2; attempt++) {
            JsonNode refused = expect(422, th.post("/plugins", "{\"name\":\"dead-crate\",\"git_url\":\"" + url + "\"}"));
            assertThat(refused.path("ok").asBoolean(true)).isFalse();
            assertThat(refused.path("message").asText()).as("the failure, not the last MESSAGE")
                    .contains("initialize() failed", "no crate answers at 10.0.0.7").doesNotContain("connecting...");
            assertThat(expect(404, th.get("/plugins/dead-crate")).path("ok").asBoolean(true)).isFalse();
            assertNotListed("dead-crate");
        }
        th.process.command("taskhost:add --name dead-crate " + url, "refused in the shell too",
                l -> l.contains("plugin did not start: initialize() failed") && l.contains("no crate answers at 10.0.0.7"));
        assertThat(expect(404, th.get("/plugins/dead-crate")).path("ok").asBoolean(true)).isFalse();
        assertNotListed("dead-crate");
    }

    @Test
    void stopAndStartGoThroughTheModelOverRestAndTheShell() throws Exception {
        Path marker = Files.createTempDirectory("e2e-crate").resolve("unplugged");
        String url = new GitFixture().write("Crate.java", CRATE).write("config.yaml", CRATE_CONFIG).commitAll();
        JsonNode added = expect(201, th.post("/plugins", "{\"name\":\"crate\",\"git_url\":\"" + url + "\",\"parameters\":{\"marker\":\""
                + marker + "\"}}"));
        assertThat(added.path("ok").asBoolean()).isTrue();
        JsonNode ready = expect(200, th.get("/plugins/crate"));
        assertThat(ready.path("phase").asText()).isEqualTo("ready");
        assertThat(ready.path("status").asText()).isEqualTo("running");
        expect(200, pvGetResponse("BEAMLINE:DEFAULT:CRATE:STATUS"));

        // stop: it stays listed, stopped, and its PVs go
        JsonNode stopped = expect(200, th.post("/plugins/crate/stop", ""));
        assertThat(stopped.path("phase").asText()).isEqualTo("stopped");
        assertThat(stopped.path("status").asText()).isEqualTo("stopped");
        assertThat(stopped.path("running").asBoolean(true)).isFalse();
        assertThat(entry(expect(200, th.get("/plugins")), "crate").path("phase").asText()).isEqualTo("stopped");
        assertThat(expect(409, th.get("/plugins/crate/pvs")).path("message").asText()).contains("is stopped");
        assertThat(expect(409, th.post("/plugins/crate/disable", "")).path("message").asText()).contains("is stopped");
        expect(404, pvGetResponse("BEAMLINE:DEFAULT:CRATE:STATUS"));
        assertThat(texts(expect(200, th.get("/tasks/crate/startup")).path("built_pvs"))).as("what it serves when it runs")
                .contains("BEAMLINE:DEFAULT:CRATE:STATUS");
        th.process.command("taskhost:list", "a STOPPED row", l -> l.matches(".*\\bcrate +TASK +CONTINUOUS +STOPPED\\b.*"));

        // a start that fails: 422 with the reason, and the plugin shows it in phase failed
        Files.writeString(marker, "the crate is unplugged");
        JsonNode failed = expect(422, th.post("/plugins/crate/start", ""));
        assertThat(failed.path("message").asText()).contains("crate", "no crate answers at 10.0.0.7").doesNotContain("connecting...");
        JsonNode shown = expect(200, th.get("/plugins/crate"));
        assertThat(shown.path("phase").asText()).isEqualTo("failed");
        assertThat(shown.path("status").asText()).isEqualTo("error");
        assertThat(shown.path("message").asText()).contains("no crate answers at 10.0.0.7");
        th.process.command("taskhost:list", "a FAILED row", l -> l.matches(".*\\bcrate +TASK +CONTINUOUS +FAILED\\b.*no crate answers.*"));
        th.process.command("taskhost:info crate", "the phase", l -> l.matches(".*phase +FAILED.*"));

        // the shell says why a start fails, too
        expect(200, th.post("/plugins/crate/stop", ""));
        th.process.command("taskhost:start crate", "the reason", l -> l.contains("cannot start crate (failed):")
                && l.contains("no crate answers at 10.0.0.7"));
        expect(200, th.post("/plugins/crate/stop", ""));

        // fixed: it starts again and serves its PVs
        Files.delete(marker);
        JsonNode again = expect(200, th.post("/plugins/crate/start", ""));
        assertThat(again.path("phase").asText()).isEqualTo("ready");
        assertThat(again.path("status").asText()).isEqualTo("running");
        expect(200, pvGetResponse("BEAMLINE:DEFAULT:CRATE:STATUS"));
        th.process.command("taskhost:stop crate", "stopped", l -> l.contains("stopped crate"));
        assertThat(expect(200, th.get("/plugins/crate")).path("phase").asText()).isEqualTo("stopped");
        th.process.command("taskhost:start crate", "started", l -> l.contains("started crate: READY"));
        assertThat(expect(200, th.get("/plugins/crate")).path("phase").asText()).isEqualTo("ready");

        expect(200, th.delete("/plugins/crate"));
        assertNotListed("crate");
    }

    // ---------------------------------------------------------------- helpers

    /** Asserts the status code, showing the body when it differs, and parses the body. */
    static JsonNode expect(int status, HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as("JSON: " + r.body()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> pvGetResponse(String pv) throws Exception {
        return th.post("/pvs/get", "{\"pv_name\":\"" + pv + "\"}");
    }

    static JsonNode pvGet(String pv) throws Exception {
        return expect(200, pvGetResponse(pv));
    }

    /** Polls until the answer satisfies the condition, failing with the last answer at the deadline. */
    static JsonNode await(String what, Callable<JsonNode> probe, Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = probe.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + "; last answer: " + last);
    }

    /** The plugin is in its collection, in /plugins and in its ?type= list, with that plugin_type, and not in the others. */
    static void assertListed(String name, String type) throws Exception {
        String other = type.equals("task") ? "job" : "task";
        assertThat(entry(expect(200, th.get("/" + type + "s")), name).path("plugin_type").asText()).isEqualTo(type);
        assertThat(entry(expect(200, th.get("/plugins")), name).path("plugin_type").asText()).isEqualTo(type);
        assertThat(entry(expect(200, th.get("/plugins?type=" + type)), name).path("name").asText()).isEqualTo(name);
        assertThat(namesOf(expect(200, th.get("/" + other + "s")))).doesNotContain(name);
        assertThat(namesOf(expect(200, th.get("/plugins?type=" + other)))).doesNotContain(name);
    }

    static void assertNotListed(String name) throws Exception {
        for (String path : List.of("/plugins", "/tasks", "/jobs")) {
            assertThat(namesOf(expect(200, th.get(path)))).as(path).doesNotContain(name);
        }
    }

    static JsonNode entry(JsonNode list, String name) {
        for (JsonNode p : list.path("plugins")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no plugin " + name + " in " + list);
    }

    static List<String> namesOf(JsonNode list) {
        assertThat(list.path("count").asInt()).isEqualTo(list.path("plugins").size());
        List<String> out = new ArrayList<>();
        list.path("plugins").forEach(p -> out.add(p.path("name").asText()));
        return out;
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
