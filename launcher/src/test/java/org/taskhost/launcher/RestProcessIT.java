package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end over real HTTP: iocmng's REST paths and bodies against the launched taskhost. */
class RestProcessIT {

    static HttpTaskhost th;
    static TaskhostProcess taskhost;
    static String base;
    static String admin;
    static final String READ = "r3ad-only-token";
    static final String OPERATE = "0perate-token";
    static final HttpClient HTTP = HttpTaskhost.HTTP;

    @BeforeAll
    static void start() throws Exception {
        th = HttpTaskhost.start(Map.of("TASKHOST_SAMPLES", "false", "TASKHOST_TOKENS", "read:" + READ + ",operate:" + OPERATE));
        taskhost = th.process;
        base = th.base;
        admin = th.admin;
    }

    @AfterAll
    static void stop() throws Exception {
        th.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return th.get(path);
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return th.post(path, json);
    }

    static HttpResponse<String> delete(String path) throws Exception {
        return th.delete(path);
    }

    static HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        return th.send(method, path, json, token);
    }

    @Test
    void everyMutatingEndpointNeedsATokenWithALargeEnoughRole() throws Exception {
        String[][] deploy = {{"POST", "/tasks", "{}"}, {"POST", "/jobs", "{}"}, {"POST", "/plugins", "{}"},
            {"DELETE", "/tasks/x", null}, {"DELETE", "/jobs/x", null}, {"DELETE", "/plugins/x", null}, {"POST", "/plugins/x/restart", ""}};
        String[][] operate = {{"POST", "/jobs/x/run", ""}, {"POST", "/plugins/x/start", ""}, {"POST", "/plugins/x/stop", ""},
            {"POST", "/plugins/x/enable", ""}, {"POST", "/plugins/x/disable", ""}, {"POST", "/plugins/x/trigger", ""},
            {"POST", "/pvs/put", "{\"pv_name\":\"NOT:SERVED\",\"value\":1}"}};
        for (String[] r : deploy) {
            assertThat(send(r[0], r[1], r[2], null).statusCode()).as(r[0] + " " + r[1] + " without a token").isEqualTo(401);
            assertThat(send(r[0], r[1], r[2], "not-a-token").statusCode()).as(r[0] + " " + r[1] + " unknown token").isEqualTo(401);
            assertThat(send(r[0], r[1], r[2], READ).statusCode()).as(r[0] + " " + r[1] + " read").isEqualTo(403);
            assertThat(send(r[0], r[1], r[2], OPERATE).statusCode()).as(r[0] + " " + r[1] + " operate").isEqualTo(403);
        }
        for (String[] r : operate) {
            assertThat(send(r[0], r[1], r[2], null).statusCode()).as(r[0] + " " + r[1] + " without a token").isEqualTo(401);
            assertThat(send(r[0], r[1], r[2], READ).statusCode()).as(r[0] + " " + r[1] + " read").isEqualTo(403);
            assertThat(send(r[0], r[1], r[2], OPERATE).statusCode()).as(r[0] + " " + r[1] + " operate gets through").isEqualTo(404);
        }
        assertThat(send("GET", "/tasks", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/tasks", null, READ).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> openapi = send("GET", "/openapi.json", null, null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("\"openapi\": \"3.1.0\"", "/api/v1/jobs/{name}/run");
        HttpResponse<String> forbidden = send("POST", "/tasks", "{}", READ);
        assertThat(forbidden.body()).contains("this needs the deploy role; the token has read");
    }

    @Test
    void aRefusedRequestWithABodyLeavesTheKeptAliveConnectionUsable() throws Exception {
        // Before the body was drained, about one in thirty of these met a connection Jetty had dropped after answering.
        for (int i = 0; i < 300; i++) {
            assertThat(send("POST", "/tasks", "{\"name\":\"n" + i + "\"}", i % 2 == 0 ? null : READ).statusCode())
                    .as("refused request " + i).isEqualTo(i % 2 == 0 ? 401 : 403);
        }
    }

    @Test
    void neitherTheGitTokenNorTheAdminTokenIsEverLoggedOrReturned() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String pat = "ghp_SuperSecretToken0123456789";
        HttpResponse<String> r = post("/tasks", "{\"name\":\"private\",\"git_url\":\"https://127.0.0.1:" + closed
                + "/lab/private.git\",\"pat\":\"" + pat + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).doesNotContain(pat);
        assertThat(get("/plugins").body()).doesNotContain(pat);
        assertThat(taskhost.lines()).noneMatch(l -> l.contains(pat)).noneMatch(l -> l.contains(admin));
    }

    @Test
    void addRunRestartAndRemoveOverHttp() throws Exception {
        GitFixture repo = new GitFixture();
        repo.commitTask("v1", 0);
        HttpResponse<String> added = post("/tasks", "{\"name\":\"web\",\"git_url\":\"" + repo.url() + "\",\"parameters\":{\"greeting\":\"hi\"}}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"ok\":true", "\"class_name\":\"Ticker\"", "\"plugin_type\":\"task\"");
        taskhost.awaitLine("ticks with the parameter", l -> l.contains("[web] tick v1 hi"));
        assertThat(get("/tasks/web").body()).contains("\"status\":\"running\"", "\"parameters\":{\"greeting\":\"hi\"}");
        assertThat(get("/tasks").body()).contains("\"count\":1");

        HttpResponse<String> params = send("PUT", "/plugins/web/parameters", "{\"greeting\":\"bonjour\"}", admin);
        assertThat(params.statusCode()).as(params.body()).isEqualTo(200);
        taskhost.awaitLine("the new parameter, live", l -> l.contains("[web] tick v1 bonjour"));
        assertThat(get("/plugins/web/pvs").body()).contains("\"pv\":\"BEAMLINE:DEFAULT:WEB:STATUS\"", "\"labels\":[\"INIT\",\"RUN\"");
        assertThat(get("/plugins/web/logs").body()).contains("tick v1 bonjour");

        String v2 = repo.commitTask("v2", 0);
        HttpResponse<String> restarted = post("/plugins/web/restart", "");
        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(200);
        taskhost.awaitLine("v2 ticks, with the kept parameter", l -> l.contains("[web] tick v2 bonjour"));
        assertThat(get("/plugins/web").body()).contains("\"commit\":\"" + v2 + "\"");

        assertThat(delete("/tasks/web").body()).isEqualTo("{\"ok\":true,\"message\":\"Plugin 'web' removed\",\"validation\":null}");
        assertThat(get("/tasks/web").statusCode()).isEqualTo(404);
    }

    @Test
    void eventsStreamInstallProgressAndStateChanges() throws Exception {
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpRequest sse = HttpRequest.newBuilder(URI.create(base + "/events")).header("Authorization", "Bearer " + admin)
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = HTTP.sendAsync(sse, HttpResponse.BodyHandlers.ofLines());
        java.util.stream.Stream<String> lines = stream.get(10, java.util.concurrent.TimeUnit.SECONDS).body();
        Thread.ofVirtual().start(() -> lines.forEach(received::add));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.stream().noneMatch(l -> l.contains("event:hello") || l.contains("event: hello")) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        GitFixture repo = new GitFixture();
        repo.commitTask("ev", 0);
        assertThat(post("/tasks", "{\"name\":\"evented\",\"git_url\":\"" + repo.url() + "\"}").statusCode()).isEqualTo(201);
        end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end && !(has(received, "\"step\":\"added\"") && has(received, "\"state\":\"RUN\""))) {
            Thread.sleep(20);
        }
        assertThat(String.join("\n", received)).contains("\"plugin\":\"evented\",\"step\":\"fetching\"",
                "\"step\":\"building\"", "\"step\":\"installing\"", "\"step\":\"added\"",
                "\"plugin\":\"evented\",\"type\":\"STATE_CHANGED\",\"status\":\"running\",\"phase\":\"ready\"",
                "\"state\":\"RUN\"");
        assertThat(delete("/tasks/evented").statusCode()).isEqualTo(200);
        lines.close();
    }

    private static boolean has(java.util.List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Test
    void aPrebuiltPluginJarCanBeUploaded() throws Exception {
        GitFixture repo = new GitFixture();
        repo.commitTask("built", 0);
        assertThat(post("/tasks", "{\"name\":\"original\",\"git_url\":\"" + repo.url() + "\"}").statusCode()).isEqualTo(201);
        Path jar;
        try (var jars = Files.list(th.data.resolve("plugins/original"))) {
            jar = jars.findFirst().orElseThrow();
        }
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/plugins/upload/copy"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(jar))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        taskhost.awaitLine("the uploaded copy runs under its own name", l -> l.contains("[copy] tick built"));
        HttpResponse<String> garbage = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/plugins/upload/junk"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("the uploaded file is not a plugin bundle");
        assertThat(delete("/plugins/copy").statusCode()).isEqualTo(200);
        assertThat(delete("/plugins/original").statusCode()).isEqualTo(200);
    }

    @Test
    void aJobRunsOverHttpAndAnswersWithItsResult() throws Exception {
        Path dir = Files.createTempDirectory("e2e-job");
        Files.writeString(dir.resolve("Count.java"), """
                import java.util.Map;
                import org.taskhost.api.JobBase;
                import org.taskhost.api.JobResult;
                public class Count extends JobBase {
                    public void initialize() { }
                    public JobResult execute() { return JobResult.ok(Map.of("n", 7), "counted"); }
                }
                """);
        assertThat(post("/jobs", "{\"name\":\"counter\",\"local_path\":\"" + dir + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> run = post("/jobs/counter/run", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(run.body()).contains("\"ok\":true", "\"data\":{\"n\":7}", "\"message\":\"counted\"");
        assertThat(get("/jobs/counter/runs").body()).contains("\"count\":1", "\"message\":\"counted\"");

        HttpResponse<String> later = post("/jobs/counter/run?wait=false", "");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(202);
        assertThat(later.headers().firstValue("Location")).hasValue(base + "/jobs/counter/runs");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!get("/jobs/counter/runs").body().contains("\"count\":2") && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(get("/jobs/counter/runs").body()).as("the second run's result, polled").contains("\"count\":2");
        assertThat(post("/jobs/counter/run?wait=soon", "").statusCode()).isEqualTo(400);
        assertThat(delete("/jobs/counter").statusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsGetA4xxThatNamesTheProblemWhileRunningTasksCarryOn() throws Exception {
        GitFixture good = new GitFixture();
        good.commitTask("steady", 0);
        assertThat(post("/tasks", "{\"name\":\"steady\",\"git_url\":\"" + good.url() + "\"}").statusCode()).isEqualTo(201);
        int before = ticks();

        assertThat(post("/tasks", "{\"name\":\"x\",\"git_url\":").statusCode()).isEqualTo(400);
        HttpResponse<String> badName = post("/tasks", "{\"name\":\"no spaces\",\"git_url\":\"" + good.url() + "\"}");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("name 'no spaces' must be 1 to 128 letters");
        assertThat(post("/tasks", "{\"name\":\"nothing\"}").body()).contains("Either git_url or local_path must be provided");
        assertThat(post("/tasks", "{\"name\":\"steady\",\"git_url\":\"" + good.url() + "\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> ext = post("/tasks", "{\"name\":\"ext\",\"git_url\":\"ext::sh -c id\"}");
        assertThat(ext.statusCode()).isEqualTo(422);
        assertThat(ext.body()).contains("uses a transport that is not allowed");
        HttpResponse<String> dots = post("/tasks", "{\"name\":\"dots\",\"git_url\":\"" + good.url() + "\",\"path\":\"../..\"}");
        assertThat(dots.body()).contains("path '../..' must not contain '..'");

        Path broken = Files.createTempDirectory("e2e-broken");
        Files.writeString(broken.resolve("Broken.java"), "public class Broken extends org.taskhost.api.TaskBase {\n  void x( }\n}\n");
        Files.writeString(broken.resolve("config.yaml"), "parameters:\n  interval: fast\n");
        HttpResponse<String> invalid = post("/tasks", "{\"name\":\"broken\",\"local_path\":\"" + broken + "\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"validation\":{\"ok\":false", "config.yaml:2:13: field 'parameters.interval'", "Broken.java:2:");

        taskhost.awaitLine("steady kept ticking", l -> ticks() > before + 3);
        assertThat(get("/tasks/steady").body()).contains("\"status\":\"running\"");
        assertThat(delete("/tasks/steady").statusCode()).isEqualTo(200);
    }

    @Test
    void healthAnswersWhileAnAddIsUnderWay() throws Exception {
        GitFixture slow = new GitFixture();
        slow.commitTask("slow", 3000);
        CompletableFuture<HttpResponse<String>> adding = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/tasks"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"slowpoke\",\"git_url\":\"" + slow.url() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        taskhost.awaitLine("the add is in initialize()", l -> l.contains("[slowpoke] STATUS INIT: Initializing"));
        HttpResponse<String> health = send("GET", "/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(adding).isNotDone();
        assertThat(adding.get().statusCode()).isEqualTo(201);
        assertThat(delete("/tasks/slowpoke").statusCode()).isEqualTo(200);
    }

    private static int ticks() {
        return (int) taskhost.lines().stream().filter(l -> l.contains("[steady] tick")).count();
    }
}
