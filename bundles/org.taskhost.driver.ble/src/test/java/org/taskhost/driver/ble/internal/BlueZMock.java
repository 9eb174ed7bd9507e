package org.taskhost.driver.ble.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * BlueZ mocked on a private D-Bus by src/test/python/bluez_mock.py (python-dbusmock): adapter hci0 and device
 * C0:FF:EE:00:00:01 with the GATT characteristics listed in bluez_gatt.py. Commands go to the harness's stdin.
 */
public final class BlueZMock implements AutoCloseable {
    public static final String ADDRESS = "C0:FF:EE:00:00:01";
    public static final String TEMPERATURE = "00002a6e-0000-1000-8000-00805f9b34fb";
    public static final String SETPOINT = "12345678-1234-5678-1234-56789abcdef1";
    public static final String STREAM = "12345678-1234-5678-1234-56789abcdef2";
    public static final String TLV = "12345678-1234-5678-1234-56789abcdef3";

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String busAddress;
    private final Path dir;

    private BlueZMock(Process process, Path dir) throws IOException {
        this.process = process;
        this.dir = dir;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the BlueZ mock did not start: " + ready + "; log: " + log());
        }
        this.busAddress = ready.substring(6).trim();
    }

    /** @param harness the path of bluez_mock.py */
    public static BlueZMock start(Path harness, Path dir) throws IOException {
        Files.createDirectories(dir);
        // setsid: a test runner that kills its process group must not take the bus with it; the harness stops
        // the bus and the mock when its stdin closes
        Process p = new ProcessBuilder("setsid", "/usr/bin/python3", harness.toString(), dir.toString())
                .redirectError(dir.resolve("harness.err").toFile()).start();
        return new BlueZMock(p, dir);
    }

    public static Path harness() {
        for (Path p : new Path[] {Path.of("src/test/python/bluez_mock.py"),
                Path.of("bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py"),
                Path.of("../bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py")}) {
            if (Files.exists(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("bluez_mock.py not found from " + Path.of("").toAbsolutePath());
    }

    public String busAddress() {
        return busAddress;
    }

    /** @return the answer after "OK " */
    public synchronized String command(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null || !answer.startsWith("OK")) {
            throw new IOException("mock: " + line + " -> " + answer + "; log: " + log());
        }
        return answer.length() > 3 ? answer.substring(3) : "";
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("harness.err"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            in.write("quit\n");
            in.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
