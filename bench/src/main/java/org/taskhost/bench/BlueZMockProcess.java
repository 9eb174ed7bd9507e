package org.taskhost.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BlueZ mocked by python-dbusmock on a private D-Bus: the BLE driver's test harness
 * (bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py, which lists its commands).
 */
final class BlueZMockProcess implements AutoCloseable {
    static final String ADDRESS = "C0:FF:EE:00:00:01";
    static final String STREAM = "12345678-1234-5678-1234-56789abcdef2";

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    final String busAddress;

    BlueZMockProcess(Path top) throws IOException {
        Path dir = Files.createTempDirectory("bench-ble");
        process = new ProcessBuilder("setsid", "/usr/bin/python3",
                top.resolve("bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py").toString(),
                dir.resolve("bus").toString()).redirectError(dir.resolve("harness.err").toFile()).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            throw new IOException("the BlueZ mock did not start: " + ready);
        }
        busAddress = ready.substring(6).trim();
    }

    /** @return the answer after "OK" */
    String command(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null || !answer.startsWith("OK")) {
            throw new IOException(line + " -> " + answer);
        }
        return answer.substring(2).trim();
    }

    @Override
    public void close() throws Exception {
        in.write("quit\n");
        in.close();
        process.waitFor();
    }
}
