package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad plugins and bad requests sent over HTTP to the launched taskhost: each gets a 4xx whose body names
 * the problem, while a task added first keeps running.
 */
class BadRequestsProcessIT {

    static HttpTaskhost th;
    static TaskhostProcess taskhost;
    static Path sources;
    static final String BASE = "import org.taskhost.api.TaskBase;\npublic class Plugin extends TaskBase {\n";
    static final String BODY = "    public void initialize() { }\n    public void execute() { }\n    public void cleanup() { }\n";

    @BeforeAll
    static void start() throws Exception {
        th = HttpTaskhost.start(Map.of("TASKHOST_SAMPLES", "false"));
        taskhost = th.process;
        sources = Files.createTempDirectory("e2e-bad-src");
        GitFixture steady = new GitFixture();
        steady.commitTask("steady", 0);
        HttpResponse<String> added = post("{\"name\":\"steady\",\"git_url\":\"" + steady.url() + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        th.close();
    }

    static HttpResponse<String> post(String json) throws Exception {
        return th.post("/tasks", json);
    }

    /** A git repository holding one plugin source and config.yaml. */
    static String repo(String java, String yaml) throws Exception {
        GitFixture g = new GitFixture();
        Files.writeString(g.dir.resolve("Plugin.java"), java);
        Files.writeString(g.dir.resolve("config.yaml"), yaml);
        return g.commitAll();
    }

    static Stream<Arguments> corpus() {
        String ok = "parameters:\n  interval: 0.5\n";
        return Stream.of(
            plugin("syntax error", BASE + "    public void initialize( { }\n}\n", ok, 422, "Plugin.java:3:"),
            plugin("wrong base class", "public class Plugin {\n" + BODY + "}\n", ok, 422, "no class extends org.taskhost.api.TaskBase"),
            plugin("abstract method missing", BASE + "    public void initialize() { }\n    public void execute() { }\n}\n", ok, 422,
                "does not override abstract method cleanup()"),
            plugin("two candidate classes", BASE + BODY + "}\nclass Other extends Plugin { }\n", ok, 422, "several plugin classes [Other, Plugin]"),
            plugin("no public constructor", BASE + BODY + "    private Plugin() { }\n}\n", ok, 422, "public constructor without arguments"),
            plugin("System.exit", BASE + BODY.replace("execute() { }", "execute() { System.exit(1); }") + "}\n", ok, 422, "calls java.lang.System.exit()"),
            plugin("Runtime.halt", BASE + BODY.replace("cleanup() { }", "cleanup() { Runtime.getRuntime().halt(1); }") + "}\n", ok, 422,
                "calls java.lang.Runtime.halt()"),
            plugin("an import that cannot resolve", "import com.acme.Missing;\n" + BASE + BODY + "}\n", ok, 422, "package com.acme does not exist"),
            plugin("initialize() throws", BASE + BODY.replace("initialize() { }", "initialize() { throw new IllegalStateException(\"no crate\"); }") + "}\n",
                ok, 422, "plugin did not start: initialize() failed: no crate"),
            plugin("initialize() hangs", BASE + BODY.replace("initialize() { }", "initialize() throws Exception { Thread.sleep(60000); }") + "}\n",
                "parameters:\n  init_timeout: 0.5\n", 422, "initialize() timed out after 0.5 s"),
            plugin("constructor throws", BASE + BODY + "    public Plugin() { throw new IllegalStateException(\"bad ctor\"); }\n}\n", ok, 422,
                "constructor failed: java.lang.IllegalStateException: bad ctor"),
            plugin("malformed YAML", BASE + BODY + "}\n", "parameters:\n  mode: [continuous\n", 422, "config.yaml:3:1: YAML syntax error"),
            plugin("a wrong type in YAML", BASE + BODY + "}\n", "parameters:\n  interval: soon\n", 422, "field 'parameters.interval': must be a number"),
            plugin("an unknown PV type", BASE + BODY + "}\n", "pvs:\n  inputs:\n    X: {type: complex}\n", 422, "unknown PV type 'complex'"),
            plugin("a reserved PV name", BASE + BODY + "}\n", "pvs:\n  outputs:\n    STATUS: {type: int}\n", 422, "PV name 'STATUS' is reserved"));
    }

    static Arguments plugin(String title, String java, String yaml, int status, String expected) {
        return Arguments.of(title, java, yaml, status, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badPluginsAreRefused(String title, String java, String yaml, int status, String expected) throws Exception {
        HttpResponse<String> r = post("{\"name\":\"bad\",\"git_url\":\"" + repo(java, yaml) + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("\"ok\":false", expected);
        assertNothingKept();
        assertSteadyRuns();
    }

    static Stream<Arguments> requests() throws Exception {
        String good = repo(BASE + BODY + "}\n", "parameters:\n  interval: 0.5\n");
        Path link = Files.createTempDirectory("e2e-link");
        GitFixture withLink = new GitFixture();
        Files.writeString(withLink.dir.resolve("Plugin.java"), BASE + BODY + "}\n");
        Files.createSymbolicLink(withLink.dir.resolve("escape"), Path.of("/etc"));
        String linked = withLink.commitAll();
        return Stream.of(
            Arguments.of("unknown branch", "{\"name\":\"b1\",\"git_url\":\"" + good + "\",\"branch\":\"nope\"}", 422, "branch 'nope' not found"),
            Arguments.of("missing path", "{\"name\":\"b2\",\"git_url\":\"" + good + "\",\"path\":\"sub/none\"}", 422, "path 'sub/none' not found"),
            Arguments.of("a .. path", "{\"name\":\"b3\",\"git_url\":\"" + good + "\",\"path\":\"../x\"}", 422, "must not contain '..'"),
            Arguments.of("a symlink out of the repository", "{\"name\":\"b4\",\"git_url\":\"" + linked + "\",\"path\":\"escape\"}", 422,
                "leads outside the source through a symbolic link"),
            Arguments.of("an ext:: URL", "{\"name\":\"b5\",\"git_url\":\"ext::sh -c touch% /tmp/pwned\"}", 422, "uses a transport that is not allowed"),
            Arguments.of("a file:///etc URL", "{\"name\":\"b6\",\"git_url\":\"file:///etc\"}", 422, "git clone of file:///etc failed"),
            Arguments.of("an http URL", "{\"name\":\"b7\",\"git_url\":\"http://example.org/x.git\"}", 422, "only https, ssh and file are allowed"),
            Arguments.of("a name taken", "{\"name\":\"steady\",\"git_url\":\"" + good + "\"}", 409, "plugin 'steady' already exists"),
            Arguments.of("an invalid name", "{\"name\":\"../etc\",\"git_url\":\"" + good + "\"}", 400, "must be 1 to 128 letters"),
            Arguments.of("malformed JSON", "{\"name\": \"x\", ", 400, "malformed JSON at line 1"),
            Arguments.of("a wrong JSON type", "{\"name\":\"b8\",\"git_url\":\"" + good + "\",\"parameters\":[1,2]}", 400, "malformed JSON"),
            Arguments.of("no source", "{\"name\":\"b9\"}", 400, "Either git_url or local_path must be provided"),
            Arguments.of("a relative local_path", "{\"name\":\"b10\",\"local_path\":\"plugins\"}", 422, "is not an absolute path to a folder"),
            Arguments.of("a job posted to /tasks", "{\"name\":\"b11\",\"local_path\":\"" + job() + "\"}", 422, "Repository contains a job, not a task"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void badRequestsAreRefused(String title, String json, int status, String expected) throws Exception {
        HttpResponse<String> r = post(json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(expected);
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
        assertNothingKept();
        assertSteadyRuns();
    }

    /*
     * Checked right after each refusal, not in a test of its own: JUnit gives test methods no order, so a separate
     * check could run before any bad request had been sent and pass whatever the server kept.
     */
    static void assertNothingKept() throws Exception {
        HttpResponse<String> list = th.get("/plugins");
        assertThat(list.body()).as("only steady is installed").contains("\"count\":1").contains("\"name\":\"steady\"");
    }

    static String job() throws Exception {
        Path dir = Files.createTempDirectory(sources, "job");
        Files.writeString(dir.resolve("J.java"), "public class J extends org.taskhost.api.JobBase {\n"
                + "  public void initialize() { }\n  public org.taskhost.api.JobResult execute() { return null; }\n}\n");
        return dir.toString();
    }

    /** The steady task ticks on: three more ticks after the refused request. */
    static void assertSteadyRuns() throws Exception {
        long before = taskhost.lines().stream().filter(l -> l.contains("[steady] tick")).count();
        taskhost.awaitLine("steady keeps ticking", l -> taskhost.lines().stream().filter(x -> x.contains("[steady] tick")).count() > before + 2);
    }

}
