package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The REST API fails closed: a token setting taskhost cannot read, an admin token it cannot write and a body too large
 * never open it or stop what runs. Each test fails against a build whose authentication filter can fail to start.
 */
class FailClosedProcessIT {

    static final String PUT_SETPOINT = "{\"pv_name\":\"BEAMLINE:DEFAULT:MONITOR:SETPOINT\",\"value\":77}";

    /** What a stranger tries: read, run a job, change a PV, list devices, add a plugin, look at MQTT. */
    static final List<String[]> DOORS = List.of(new String[] {"GET", "/plugins", null}, new String[] {"POST", "/jobs/diagnostics/run", "{}"},
            new String[] {"POST", "/pvs/put", PUT_SETPOINT}, new String[] {"GET", "/devices", null},
            new String[] {"POST", "/tasks", "{\"name\":\"x\",\"local_path\":\"/tmp\"}"}, new String[] {"GET", "/mqtt", null});

    @Test
    void aMalformedTaskhostTokensEntryIsLeftOutAndEveryDoorStaysShut() throws Exception {
        Map<String, String> env = Map.of("TASKHOST_TOKENS", "bogus-secret-1,operate:op-token-1");
        try (HttpTaskhost th = HttpTaskhost.start(env)) {
            th.process.awaitLine("the bad entry named", l -> l.contains("REST API tokens: TASKHOST_TOKENS entry 1: no role: prefix"));
            assertShut(th, "bogus-secret-1");
            assertThat(th.send("POST", "/jobs/diagnostics/run", "{}", "op-token-1").statusCode()).as("the good entry works").isEqualTo(200);
            assertThat(th.process.lines()).noneMatch(l -> l.contains("bogus-secret-1"));
        }
    }

    @Test
    void aMalformedTokensEntryInEtcIsLeftOutAndEveryDoorStaysShut() throws Exception {
        Path top = Files.createTempDirectory("e2e-fail-closed-etc");
        Path etc = EtcCopy.of(top.resolve("etc"));
        Files.writeString(etc.resolve("org.taskhost.rest.cfg"), "tokens=admn:adm-secret-2,read:read-token-2\n");
        try (HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_ETC", etc.toString()), top.resolve("data"))) {
            th.process.awaitLine("the bad entry named", l -> l.contains("REST API tokens: tokens entry 1: unknown role 'admn'"));
            assertShut(th, "adm-secret-2");
            assertThat(th.send("GET", "/plugins", null, "read-token-2").statusCode()).as("the good entry works").isEqualTo(200);
            assertThat(th.process.lines()).noneMatch(l -> l.contains("adm-secret-2"));
        }
    }

    @Test
    void anAdminTokenThatCannotBeWrittenClosesTheApiWithTheReason() throws Exception {
        Path data = Files.createTempDirectory("e2e-fail-closed-data");
        Files.createDirectory(data.resolve("admin.token"));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = Map.of("TASKHOST_DATA", data.toString(), "TASKHOST_TOKENS", "admin:other-admin-1",
                "TASKHOST_PORT", String.valueOf(port));
        try (TaskhostProcess th = new TaskhostProcess(env)) {
            th.awaitLine("the loader", l -> l.contains("[loader] ready"));
            th.awaitLine("the reason", l -> l.contains("REST API closed: every request but /health is refused: the admin token "
                    + data.resolve("admin.token")));
            String base = "http://127.0.0.1:" + port + "/api/v1";
            HttpTaskhost.until("/health answers", () -> status(base, "GET", "/health", null, null) == 200);
            assertThat(send(base, "GET", "/health", null, null).body()).contains("\"auth\":\"closed\"");
            HttpResponse<String> refused = send(base, "GET", "/plugins", null, "other-admin-1");
            assertThat(refused.statusCode()).as("even a valid token").isEqualTo(401);
            assertThat(refused.body()).contains("the REST API is closed: the admin token " + data.resolve("admin.token"));
            for (String[] door : DOORS) {
                assertThat(status(base, door[0], door[1], door[2], null)).as(door[0] + " " + door[1]).isEqualTo(401);
            }
            th.awaitLine("the plugins still run", l -> l.contains("[monitor] STATUS RUN"));
            assertThat(th.terminate()).isZero();
        }
    }

    @Test
    void bodiesOverTheLimitsAre413AndNothingStops() throws Exception {
        try (HttpTaskhost th = HttpTaskhost.start(Map.of())) {
            String big = "{\"name\":\"big\",\"local_path\":\"" + "x".repeat(1 << 20) + "\"}";
            HttpResponse<String> declared = th.post("/tasks", big);
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(declared.body()).contains("a request body of " + big.length() + " bytes is over the limit of 1048576 bytes (maxBodyBytes");

            HttpRequest chunked = HttpRequest.newBuilder(URI.create(th.base + "/tasks")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + th.admin)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build();
            HttpResponse<String> streamed = HttpTaskhost.HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
            assertThat(streamed.statusCode()).as("a body without a length is cut at the limit").isEqualTo(413);
            assertThat(streamed.body()).contains("a request body is over the limit of 1048576 bytes");

            String deep = "{\"pv_name\":\"BEAMLINE:DEFAULT:MONITOR:SETPOINT\",\"value\":" + "[".repeat(100) + "]".repeat(100) + "}";
            HttpResponse<String> nested = th.post("/pvs/put", deep);
            assertThat(nested.statusCode()).isEqualTo(413);
            assertThat(nested.body()).contains("JSON nested deeper than 32 levels is not accepted");

            byte[] jar = new byte[(64 << 20) + 1];
            HttpRequest upload = HttpRequest.newBuilder(URI.create(th.base + "/plugins/upload/huge")).header("Content-Type", "application/java-archive")
                    .header("Authorization", "Bearer " + th.admin).POST(HttpRequest.BodyPublishers.ofByteArray(jar)).build();
            HttpResponse<String> huge = HttpTaskhost.HTTP.send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.body()).contains("a plugin jar of " + jar.length + " bytes is over the limit of 67108864 bytes (maxJarBytes");

            assertThat(th.get("/plugins").statusCode()).isEqualTo(200);
            assertThat(th.get("/tasks/monitor").body()).contains("\"state\":\"RUN\"");
        }
    }

    private static void assertShut(HttpTaskhost th, String badToken) throws Exception {
        String before = th.post("/pvs/get", "{\"pv_name\":\"BEAMLINE:DEFAULT:MONITOR:SETPOINT\"}").body();
        for (String[] door : DOORS) {
            assertThat(th.send(door[0], door[1], door[2], null).statusCode()).as("no token: " + door[0] + " " + door[1]).isEqualTo(401);
            assertThat(th.send(door[0], door[1], door[2], badToken).statusCode()).as("the bad entry: " + door[0] + " " + door[1]).isEqualTo(401);
        }
        assertThat(th.post("/pvs/get", "{\"pv_name\":\"BEAMLINE:DEFAULT:MONITOR:SETPOINT\"}").body()).as("the PV unchanged").isEqualTo(before);
        assertThat(th.get("/jobs/diagnostics/runs").body()).as("the job never ran").doesNotContain("success");
    }

    private static HttpResponse<String> send(String base, String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpTaskhost.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String base, String method, String path, String json, String token) throws Exception {
        try {
            return send(base, method, path, json, token).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
