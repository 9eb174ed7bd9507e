package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A credential in a {@code git_url} is used for the clone and then exists nowhere: not in the data directory (Config
 * Admin's files included), not in any answer of the REST API or its events, not in taskhost's output. Over https it
 * reaches the server as Basic credentials, and a refusal is reported without it.
 */
class GitCredentialsProcessIT {

    static final String FILE_SECRET = "s3cr3t-XYZ";
    static final String HTTPS_USER = "alice-e2e";
    static final String HTTPS_SECRET = "s3cr3t-HTTPS-42";
    static final String STORE_PASSWORD = "changeit";

    @Test
    void aCredentialInTheUrlIsUsedAndThenFoundNowhere() throws Exception {
        GitFixture repo = new GitFixture();
        repo.commitTask("v1", 0);
        assertThat(repo.url()).startsWith("file:///");
        String withSecret = "file://user:" + FILE_SECRET + "@" + repo.url().substring("file://".length());

        Path tls = Files.createTempDirectory("e2e-tls");
        makeCertificate(tls);
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpsServer git = gitServerRefusing(tls, authorizations);
        Path data = Files.createTempDirectory("e2e-creds");
        HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_SAMPLES", "false", "TASKHOST_JAVA_OPTS",
                "-Djavax.net.ssl.trustStore=" + tls.resolve("trust.p12") + " -Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD
                        + " -Djavax.net.ssl.trustStoreType=PKCS12"), data);
        try {
            // (1) file:// with a user and password: the clean URL clones; the events of the add are read as it runs
            Events events = Events.open(th);
            HttpResponse<String> added = th.post("/tasks", "{\"name\":\"secretive\",\"git_url\":\"" + withSecret + "\",\"branch\":\"main\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            th.process.awaitLine("the plugin runs", l -> l.contains("[secretive] tick v1"));
            events.await("the added event", l -> l.contains("\"step\":\"added\""));
            events.close();
            assertThat(events.lines).anyMatch(l -> l.contains("\"step\":\"fetching\"") && l.contains("\"detail\":\"" + repo.url() + "\""));
            assertThat(th.get("/plugins/secretive").body()).contains("\"git_url\":\"" + repo.url() + "\"");
            HttpResponse<String> restarted = th.post("/plugins/secretive/restart", "");
            assertThat(restarted.statusCode()).as("a reload clones the clean URL: " + restarted.body()).isEqualTo(200);

            List<String> answers = new ArrayList<>(List.of(added.body(), restarted.body()));
            answers.addAll(events.lines);
            for (String path : List.of("/health", "/whoami", "/mqtt", "/openapi.json", "/tasks", "/jobs", "/plugins", "/tasks/secretive",
                    "/plugins/secretive", "/tasks/secretive/startup", "/plugins/secretive/startup", "/plugins/secretive/pvs",
                    "/plugins/secretive/logs", "/plugins/secretive/display.bob", "/plugins/secretive/runs", "/devices", "/pvs/provider")) {
                HttpResponse<String> r = th.get(path);
                answers.add(path + " " + r.statusCode() + " " + r.body());
            }
            assertThat(answers).as("REST answers and events").noneMatch(a -> a.contains(FILE_SECRET));
            assertThat(filesHolding(data, repo.dir.toString())).as("the clean URL is stored").isNotEmpty();
            assertThat(filesHolding(data, FILE_SECRET)).as("files of the data directory holding the secret").isEmpty();

            // (2) https with a user and password: the server gets them as Basic credentials and refuses
            String url = "https://" + HTTPS_USER + ":" + HTTPS_SECRET + "@127.0.0.1:" + git.getAddress().getPort() + "/private.git";
            HttpResponse<String> refused = th.post("/tasks", "{\"name\":\"private\",\"git_url\":\"" + url + "\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("git clone of https://127.0.0.1:" + git.getAddress().getPort() + "/private.git failed")
                    .doesNotContain(HTTPS_SECRET, HTTPS_USER);
            String basic = "Basic " + Base64.getEncoder().encodeToString((HTTPS_USER + ":" + HTTPS_SECRET).getBytes(StandardCharsets.UTF_8));
            assertThat(authorizations).as("the credential reached the server").contains(basic);
            assertThat(th.get("/plugins/private").statusCode()).isEqualTo(404);

            // (3) a credential in both git_url and pat: refused, not guessed, and not echoed
            HttpResponse<String> both = th.post("/tasks", "{\"name\":\"both\",\"git_url\":\"" + url + "\",\"pat\":\"ghp_other\"}");
            assertThat(both.statusCode()).isEqualTo(400);
            assertThat(both.body()).contains("git_url and pat both carry a credential").doesNotContain(HTTPS_SECRET, "ghp_other");

            assertThat(filesHolding(data, HTTPS_SECRET)).isEmpty();
            assertThat(th.process.lines()).as("taskhost's output").noneMatch(l -> l.contains(FILE_SECRET) || l.contains(HTTPS_SECRET)
                    || l.contains("ghp_other") || l.contains(basic.substring(6)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
        } finally {
            th.close();
            git.stop(0);
        }
        assertThat(filesHolding(data, FILE_SECRET)).as("after the stop too").isEmpty();
    }

    /** Every regular file under the folder whose bytes hold the text, read as bytes (jars, Config Admin's files). */
    static List<Path> filesHolding(Path dir, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(f);
                for (int i = 0; i + needle.length <= b.length && !out.contains(f); i++) {
                    if (java.util.Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    /** A self-signed certificate for 127.0.0.1 (server.p12), and a trust store holding it (trust.p12). */
    static void makeCertificate(Path dir) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "git", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", dir.resolve("server.p12").toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        run(keytool, "-exportcert", "-alias", "git", "-keystore", dir.resolve("server.p12").toString(), "-storepass", STORE_PASSWORD,
                "-file", dir.resolve("server.cer").toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "git", "-file", dir.resolve("server.cer").toString(), "-storetype", "PKCS12",
                "-keystore", dir.resolve("trust.p12").toString(), "-storepass", STORE_PASSWORD);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    /** A git host that records every Authorization header and answers 401 asking for Basic credentials. */
    static HttpsServer gitServerRefusing(Path tls, List<String> authorizations) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(tls.resolve("server.p12").toFile())) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"e2e\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** The lines of {@code GET /api/v1/events}, read on a thread of their own while the test goes on. */
    static final class Events implements AutoCloseable {

        final List<String> lines = new CopyOnWriteArrayList<>();
        private final InputStream body;

        private Events(InputStream body) {
            this.body = body;
            Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    // closed by the test
                }
            });
        }

        static Events open(HttpTaskhost th) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(th.base + "/events")).header("Authorization", "Bearer " + th.admin)
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> r = HttpTaskhost.HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            Events events = new Events(r.body());
            events.await("the hello event", l -> l.contains("hello"));
            return events;
        }

        void await(String what, java.util.function.Predicate<String> match) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (lines.stream().noneMatch(match)) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("timed out waiting for " + what + " in /events: " + lines);
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
