package org.taskhost.launcher;

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
 * BlueZ mocked by python-dbusmock on a private D-Bus, through the BLE driver's harness
 * (bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py, which documents its commands): adapter hci0 and
 * device C0:FF:EE:00:00:01 with GATT characteristics.
 */
final class BleMock implements AutoCloseable {
    static final String ADDRESS = "C0:FF:EE:00:00:01";
    static final String SETPOINT = "12345678-1234-5678-1234-56789abcdef1";
    static final String STREAM = "12345678-1234-5678-1234-56789abcdef2";

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    final String busAddress;

    BleMock() throws IOException {
        Path dir = Files.createTempDirectory("e2e-ble");
        Path harness = TaskhostProcess.TOP.resolve("bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py");
        // setsid: the bus outlives no test, as the harness stops it when its stdin closes
        process = new ProcessBuilder("setsid", "/usr/bin/python3", harness.toString(), dir.resolve("bus").toString())
                .redirectError(dir.resolve("harness.err").toFile()).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the BlueZ mock did not start: " + ready + " " + Files.readString(dir.resolve("harness.err")));
        }
        busAddress = ready.substring(6).trim();
    }

    /** @return the answer after "OK " */
    synchronized String command(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null || !answer.startsWith("OK")) {
            throw new IOException("BlueZ mock: " + line + " -> " + answer);
        }
        return answer.length() > 3 ? answer.substring(3) : "";
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
