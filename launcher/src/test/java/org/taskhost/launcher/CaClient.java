package org.taskhost.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * EPICS base's own Channel Access client (libca, through Debian's python3-pyepics) run against the launched
 * taskhost over the loopback. A script prints one JSON object per result with {@code out(...)}.
 */
final class CaClient {

    static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String PRELUDE = """
            import epics, json, sys, time, os, urllib.request
            def connect(name, form='time', monitor=False, timeout=10, on_connection=None):
                p = epics.PV(name, form=form, auto_monitor=monitor, connection_callback=on_connection)
                if not p.wait_for_connection(timeout):
                    raise SystemExit('no CA connection to ' + name)
                return p
            def await_pv(name, timeout=60):
                # a PV served only once the first start has built the samples: a new channel until it connects
                end = time.time() + timeout
                while True:
                    p = epics.PV(name, auto_monitor=False)
                    if p.wait_for_connection(2):
                        return p
                    if time.time() > end:
                        raise SystemExit('no CA connection to ' + name)
            def until(cond, what, timeout=30):
                end = time.time() + timeout
                while time.time() < end:
                    if cond():
                        return
                    time.sleep(0.01)
                raise SystemExit('timed out waiting for ' + what)
            def out(**kw):
                print(json.dumps(kw, default=str), flush=True)
            def field_type(p):
                return epics.ca.field_type(p.chid)
            def raw_put(name, ftype, data):
                # a put with callback of a chosen DBR type, as a C client sends it; returns libca's completion status
                import ctypes
                from epics import ca, dbr
                ch = ca.create_channel(name)
                ca.connect_channel(ch)
                status = []
                @ctypes.CFUNCTYPE(None, dbr.event_handler_args)
                def done(args):
                    status.append(args.status)
                ca.libca.ca_array_put_callback(ftype, 1, ch, data, done, None)
                ca.flush_io()
                end = time.time() + 10
                while not status and time.time() < end:
                    ca.poll(0.01)
                return ca.message(status[0]) if status else 'no completion'
            def rest(method, path, body=None):
                req = urllib.request.Request(os.environ['TH_BASE'] + path, method=method,
                        data=None if body is None else json.dumps(body).encode(),
                        headers={'Authorization': 'Bearer ' + os.environ['TH_TOKEN'], 'Content-Type': 'application/json'})
                with urllib.request.urlopen(req, timeout=60) as r:
                    return r.status
            """;

    private final int port;
    private final Map<String, String> extraEnv;

    CaClient(int port, Map<String, String> extraEnv) {
        this.port = port;
        this.extraEnv = extraEnv;
    }

    /** Runs a script and returns what it printed with out(...), one map per line; fails with its error output. */
    List<Map<String, Object>> run(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-c", PRELUDE + script);
        pb.environment().putAll(Map.of("EPICS_CA_ADDR_LIST", "127.0.0.1", "EPICS_CA_AUTO_ADDR_LIST", "NO",
                "EPICS_CA_SERVER_PORT", String.valueOf(port), "EPICS_CA_REPEATER_PORT", String.valueOf(port + 1)));
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String stdout = read(p.getInputStream());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CA client did not finish in 120 s; it printed:\n" + stdout);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the CA client failed (exit " + p.exitValue() + "):\n" + stdout + err.join());
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("{")) {
                results.add(JSON.readValue(line, Map.class));
            }
        }
        return results;
    }

    /** Runs a script that prints exactly one result. */
    Map<String, Object> one(String script) throws IOException, InterruptedException {
        List<Map<String, Object>> all = run(script);
        if (all.size() != 1) {
            throw new AssertionError("expected one result, got " + all);
        }
        return all.get(0);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
