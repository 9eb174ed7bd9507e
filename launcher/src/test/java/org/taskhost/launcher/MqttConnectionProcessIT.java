package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;
import org.taskhost.launcher.MqttProcessIT.Subscriber;

/**
 * A broker taskhost cannot use: a wrong password, nothing listening, a TLS certificate it does not trust. Each time
 * taskhost says why in its log and in {@code GET /api/v1/mqtt}, retries with a growing delay, and everything else
 * (REST, the shell, the plugins, Channel Access) runs; once the cause is gone it connects by itself.
 */
class MqttConnectionProcessIT {

    static final String ROOT = "th-conn";
    static final String USER = "e2e-user";

    @Test
    void aWrongPasswordIsReportedAndRetriedAndTheRestRuns() throws Exception {
        String node = "pw" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("e2e-mosquitto-pw");
        Path passwords = dir.resolve("passwords");
        passwd(passwords, "brokers-pw");
        try (Broker broker = Broker.start(Broker.freePort(), dir, "allow_anonymous false\npassword_file " + passwords + "\n")) {
            HttpTaskhost th = HttpTaskhost.start(env(broker.url(), node, "TASKHOST_MQTT_USERNAME", USER, "TASKHOST_MQTT_PASSWORD",
                    "taskhosts-pw", "TASKHOST_CONSOLE", "stdin"), Files.createTempDirectory("e2e-mqtt-pw"));
            try {
                // the rest is checked while the retries go on: between the second and the third
                List<String> refusals = awaitRetries(th.process, broker.url(), l -> l.contains("not authorized"), () -> othersRun(th));
                assertThat(refusals.get(0)).as("the user is named").contains("user '" + USER + "'");
                assertThat(th.process.lines()).noneMatch(l -> l.contains("taskhosts-pw"));
                String mqtt = th.get("/mqtt").body();
                assertThat(mqtt).contains("\"connected\":false", "\"connection\":\"connecting (retry in ").containsIgnoringCase("not authorized")
                        .doesNotContain("taskhosts-pw");

                // the broker now accepts taskhost's password (mosquitto reads its password file again at SIGHUP): taskhost's next
                // retry connects, without a restart
                passwd(passwords, "taskhosts-pw");
                assertThat(new ProcessBuilder("kill", "-HUP", String.valueOf(broker.process.pid())).start().waitFor()).isZero();
                th.process.awaitLine("the connect once the password is accepted", l -> l.contains("[mqtt] connected to " + broker.url()));
                try (Subscriber live = new Subscriber(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port),
                        "-u", USER, "-P", "taskhosts-pw", "-q", "1", "-t", ROOT + "/" + node + "/#", "-F", "%t %r %p"))) {
                    live.await("the online status", m -> m.topic().equals(ROOT + "/" + node + "/status") && m.payload().contains("\"online\":true"));
                    live.await("the monitor's state", m -> m.topic().equals(ROOT + "/" + node + "/plugins/monitor/state"));
                }
                assertThat(th.get("/mqtt").body()).contains("\"connected\":true", "\"connection\":\"connected\"");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    @Test
    void anUnreachableBrokerIsRetriedAndConnectedOnceItListens() throws Exception {
        String node = "down" + ProcessHandle.current().pid();
        int port = Broker.freePort();
        String url = "tcp://127.0.0.1:" + port;
        HttpTaskhost th = HttpTaskhost.start(env(url, node, "TASKHOST_CONSOLE", "stdin"), Files.createTempDirectory("e2e-mqtt-down"));
        try {
            awaitRetries(th.process, url, l -> l.contains("connection refused: nothing listens at " + url), () -> othersRun(th));
            assertThat(th.get("/mqtt").body()).contains("\"connected\":false", "\"last_error\":\"cannot connect to " + url);

            // a broker on that port now: the next retry connects
            try (Broker broker = Broker.start(port, Files.createTempDirectory("e2e-mosquitto-late"), "allow_anonymous true\n");
                    Subscriber live = broker.subscribe(ROOT + "/" + node + "/#")) {
                live.await("the online status once the broker listens", m -> m.topic().equals(ROOT + "/" + node + "/status")
                        && m.payload().contains("\"online\":true"));
                live.await("the monitor's state", m -> m.topic().equals(ROOT + "/" + node + "/plugins/monitor/state"));
                th.process.awaitLine("the connect", l -> l.contains("[mqtt] connected to " + url));
                assertThat(th.get("/mqtt").body()).contains("\"connected\":true");
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
        } finally {
            th.close();
        }
    }

    @Test
    void tlsWithoutTrustIsReportedAndATrustStoreConnects() throws Exception {
        String node = "tls" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("e2e-mosquitto-tls");
        // a self-signed certificate for 127.0.0.1, and a PKCS12 trust store that holds it
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        run(dir, "keytool", "-importcert", "-noprompt", "-alias", "broker", "-file", "cert.pem", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", "trust-pw");
        int tls = Broker.freePort();
        String url = "ssl://127.0.0.1:" + tls;
        // the tests' subscriber on the plain listener, taskhost on the TLS one
        try (Broker broker = Broker.start(Broker.freePort(), dir, "allow_anonymous true\nlistener %d 127.0.0.1\ncertfile %s\nkeyfile %s\n"
                .formatted(tls, dir.resolve("cert.pem"), dir.resolve("key.pem")));
                Subscriber live = broker.subscribe(ROOT + "/" + node + "/#")) {
            Path data = Files.createTempDirectory("e2e-mqtt-tls");
            HttpTaskhost untrusting = HttpTaskhost.start(env(url, node, "TASKHOST_SAMPLES", "false"), data);
            try {
                List<String> errors = awaitRetries(untrusting.process, url, l -> l.contains("certif"), () -> { });
                assertThat(errors.get(0)).as("the certificate problem, and the setting that solves it")
                        .contains("certificate is not trusted", "TASKHOST_MQTT_TRUSTSTORE");
                assertThat(untrusting.get("/mqtt").body()).contains("\"connected\":false").containsIgnoringCase("certif");
                assertThat(untrusting.get("/health").statusCode()).isEqualTo(200);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", untrusting.process.lines()), e);
            } finally {
                untrusting.close();
            }
            assertThat(live.messages).as("nothing published without trust").isEmpty();

            HttpTaskhost trusting = HttpTaskhost.start(env(url, node, "TASKHOST_SAMPLES", "false", "TASKHOST_MQTT_TRUSTSTORE",
                    dir.resolve("trust.p12").toString(), "TASKHOST_MQTT_TRUSTSTORE_PASSWORD", "trust-pw"), data);
            try {
                live.await("the online status over TLS", m -> m.topic().equals(ROOT + "/" + node + "/status")
                        && m.payload().contains("\"online\":true"));
                assertThat(trusting.get("/mqtt").body()).contains("\"connected\":true", "\"url\":\"" + url + "\"")
                        .doesNotContain("trust-pw");
                assertThat(trusting.process.lines()).noneMatch(l -> l.contains("trust-pw"));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", trusting.process.lines()), e);
            } finally {
                trusting.close();
            }
        }
    }

    private static Map<String, String> env(String url, String node, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("TASKHOST_MQTT_URL", url, "TASKHOST_MQTT_ROOT", ROOT, "TASKHOST_MQTT_NODE", node));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    /** A check run while taskhost retries. */
    interface Check {
        void run() throws Exception;
    }

    /**
     * Waits for three failed connects that match, each logged once at WARN with its retry delay (1, 2, 4 s), runs a
     * check between the second and the third, and checks the delays between them grow.
     *
     * @return the three lines
     */
    private static List<String> awaitRetries(TaskhostProcess process, String url, Predicate<String> reason, Check between)
            throws Exception {
        List<String> lines = new ArrayList<>();
        for (int s : new int[] {1, 2, 4}) {
            if (s == 4) {
                between.run();
            }
            lines.add(process.awaitLine("a failed connect, retried in " + s + " s", l -> l.contains(" WARN ") && l.contains("[mqtt]")
                    && l.contains("cannot connect to " + url) && reason.test(l) && l.endsWith("retrying in " + s + " s")));
        }
        Instant first = time(lines.get(0));
        Instant second = time(lines.get(1));
        Instant third = time(lines.get(2));
        assertThat(Duration.between(first, second)).as("the first retry waits about 1 s").isGreaterThan(Duration.ofMillis(900));
        assertThat(Duration.between(second, third)).as("the second retry waits longer, about 2 s").isGreaterThan(Duration.ofMillis(1900));
        return lines;
    }

    /** A log line's time; the shell's prompt may come before it on the same line. */
    private static Instant time(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z").matcher(line);
        assertThat(m.find()).as("a time in " + line).isTrue();
        return Instant.parse(m.group());
    }

    /** REST answers, the shell lists the running samples, and Channel Access serves their PVs. */
    private static void othersRun(HttpTaskhost th) throws Exception {
        assertThat(th.get("/health").statusCode()).isEqualTo(200);
        assertThat(th.get("/plugins/monitor").body()).contains("\"state\":\"RUN\"");
        th.process.command("taskhost:list", "with the running monitor", l -> l.contains("monitor") && l.contains("RUN"));
        String setpoint = MqttCommandsProcessIT.fullName(th);
        Map<String, Object> r = new CaClient(th.process.caPort, Map.of()).one("""
                p = connect('%s')
                out(value=p.get(use_monitor=False))
                """.formatted(setpoint));
        assertThat(r.get("value")).as("SETPOINT over Channel Access").isInstanceOf(Number.class);
    }

    /** Writes a password file with the one user (mosquitto_passwd -c -b). */
    private static void passwd(Path file, String password) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        run(file.getParent(), "mosquitto_passwd", "-c", "-b", file.toString(), USER, password);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
