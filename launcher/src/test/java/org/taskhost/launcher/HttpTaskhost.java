package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The launched taskhost with its REST API up, and requests to it with or without a bearer token. */
final class HttpTaskhost implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final TaskhostProcess process;
    final String base;
    final String admin;
    final Path data;

    private HttpTaskhost(TaskhostProcess process, String base, String admin, Path data) {
        this.process = process;
        this.base = base;
        this.admin = admin;
        this.data = data;
    }

    /** Starts taskhost on a free port with a new data directory, and waits until /health answers 200. */
    static HttpTaskhost start(Map<String, String> extraEnv) throws Exception {
        return start(extraEnv, Files.createTempDirectory("e2e-http"));
    }

    /** Starts taskhost on a free port with the given data directory (kept from an earlier run, or new). */
    static HttpTaskhost start(Map<String, String> extraEnv, Path data) throws Exception {
        return start(null, null, extraEnv, data);
    }

    /**
     * Starts a command line (null: bin/taskhost) in a directory (null: this one) on a free port with the given data
     * directory.
     */
    static HttpTaskhost start(List<String> command, Path directory, Map<String, String> extraEnv, Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("TASKHOST_PORT", String.valueOf(port));
        env.put("TASKHOST_DATA", data.toString());
        TaskhostProcess process = command == null ? new TaskhostProcess(env) : new TaskhostProcess(command, directory, env);
        try {
            process.awaitLine("the loader", l -> l.contains("[loader] ready"));
            process.awaitLine("the admin token's path", l -> l.contains("REST API admin token: " + data.resolve("admin.token")));
        } catch (AssertionError e) {
            process.close();    // no caller has it to close: it would outlive the test
            throw e;
        }
        HttpTaskhost th = new HttpTaskhost(process, "http://127.0.0.1:" + port + "/api/v1",
                Files.readString(data.resolve("admin.token")).trim(), data);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            try {
                int code = th.send("GET", "/health", null, null).statusCode();
                if (code == 200) {
                    return th;
                }
                assertThat(code).as("before it is ready, taskhost answers 503 (or 404 while Jersey registers resources)").isIn(503, 404);
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("REST did not answer; output:\n" + String.join("\n", process.lines()));
    }

    /** A request with a bearer token (none when null). */
    HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, admin);
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, admin);
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null, admin);
    }

    @Override
    public void close() throws Exception {
        assertThat(process.terminate()).isZero();
        process.close();
    }

    /** A condition a test waits for; it may call taskhost. */
    interface Check {
        boolean ok() throws Exception;
    }

    /** Waits until the check holds, 30 s at most. */
    static void until(String what, Check check) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /** @return the body of GET path once it matches, read again until then, 30 s at most */
    String awaitBody(String path, String what, java.util.function.Predicate<String> match) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < end) {
            body = get(path).body();
            if (match.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + " at " + path + "; last: " + body);
    }
}
