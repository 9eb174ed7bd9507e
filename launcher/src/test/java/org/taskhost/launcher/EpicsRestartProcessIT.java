package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What outlives a restart (autosave) and what follows other PVs (links), with libca as the client. */
class EpicsRestartProcessIT {

    static final String P = "BEAMLINE:DEFAULT:PROBE:";
    static final String F = "BEAMLINE:DEFAULT:FOLLOWER:";

    @Test
    void inputsSurviveARestartAndLinksFollowAndShowTheirState() throws Exception {
        int ca;
        try (ServerSocket s = new ServerSocket(0)) {
            ca = s.getLocalPort();
        }
        // the links' client looks for PVs where libca would: at this taskhost's own server
        Map<String, String> env = Map.of("TASKHOST_SAMPLES", "false", "EPICS_CAS_SERVER_PORT", String.valueOf(ca),
                "EPICS_CA_SERVER_PORT", String.valueOf(ca), "EPICS_CA_REPEATER_PORT", String.valueOf(ca + 1),
                "EPICS_CA_ADDR_LIST", "127.0.0.1", "EPICS_CA_AUTO_ADDR_LIST", "NO");
        Path data = Files.createTempDirectory("e2e-autosave");
        String probe = EpicsPlugins.probe();
        HttpTaskhost first = HttpTaskhost.start(env, data);
        Path saved = data.resolve("autosave/probe.yaml");
        try {
            CaClient client = new CaClient(ca, Map.of("TH_BASE", first.base, "TH_TOKEN", first.admin));
            for (String[] plugin : new String[][] {{"probe", probe}, {"follower", EpicsPlugins.follower()}}) {
                var added = first.post("/tasks", "{\"name\":\"" + plugin[0] + "\",\"git_url\":\"" + plugin[1] + "\"}");
                assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            }
            Map<String, Object> links = client.one("""
                    conn, src, counter = connect('%2$sSRC_CONN'), connect('%2$sSRC'), connect('%1$sCOUNTER')
                    until(lambda: conn.get(use_monitor=False) == 1, 'SRC_CONN = 1')
                    s0 = src.get(use_monitor=False)
                    until(lambda: src.get(use_monitor=False) > s0 + 20, 'SRC to follow COUNTER')
                    polled = connect('%2$sPOLLED')
                    until(lambda: polled.get(use_monitor=False) == 2.5, 'POLLED = GAIN')
                    epics.caput('%1$sGAIN', 4.0, wait=True)
                    until(lambda: polled.get(use_monitor=False) == 4.0, 'POLLED to follow the new GAIN')
                    try:
                        put = epics.caput('%2$sSRC', 5, wait=True, timeout=5)
                    except Exception as e:
                        put = 'refused: ' + type(e).__name__
                    out(put=put, writable=src.write_access, polled_conn=connect('%2$sPOLLED_CONN').get(use_monitor=False))
                    """.formatted(P, F));
            assertThat(links).containsEntry("put", "refused: CASeverityException").containsEntry("writable", false)
                    .containsEntry("polled_conn", 1);
            assertThat(first.process.lines()).anyMatch(l -> l.contains("[follower] followed POLLED 4.0"));

            Map<String, Object> changed = client.one("""
                    import numpy
                    r = [epics.caput('%1$s' + n, v, wait=True) for n, v in
                         [('LABEL', 'kept'), ('MODE', 2), ('TRACE', numpy.array([1.0, 2.0, 3.0])), ('ENABLE', 0)]]
                    until(lambda: os.path.exists('%2$s') and 'ENABLE: 0' in open('%2$s').read(), 'the autosave file')
                    out(puts=r)
                    """.formatted(P, saved));
            assertThat(changed.get("puts")).isEqualTo(List.of(1, 1, 1, 1));
            assertThat(Files.readString(saved)).contains("GAIN: 4.0", "LABEL: kept", "MODE: 2").doesNotContain("COUNTER", "RUN");
        } finally {
            first.close();
        }

        HttpTaskhost second = HttpTaskhost.start(env, data);
        try {
            CaClient client = new CaClient(ca, Map.of("TH_BASE", second.base, "TH_TOKEN", second.admin));
            Map<String, Object> restored = client.one("""
                    st = connect('%1$sSTATUS')
                    until(lambda: st.get(as_string=True, use_monitor=False) == 'PAUSED', 'STATUS PAUSED after the restart')
                    v = {n: connect('%1$s' + n).get(use_monitor=False) for n in ['GAIN', 'LABEL', 'MODE', 'ENABLE', 'COUNT']}
                    v['TRACE'] = connect('%1$sTRACE').get(use_monitor=False).tolist()[:4]
                    out(**v)
                    """.formatted(P));
            assertThat(restored).containsEntry("GAIN", 4.0).containsEntry("LABEL", "kept").containsEntry("MODE", 2)
                    .containsEntry("ENABLE", 0).containsEntry("COUNT", 7).containsEntry("TRACE", List.of(1.0, 2.0, 3.0, 0.0));

            Map<String, Object> dropped = client.one("""
                    conn = connect('%2$sSRC_CONN')
                    until(lambda: conn.get(use_monitor=False) == 1, 'the link back after the restart')
                    removed = rest('DELETE', '/tasks/probe')
                    until(lambda: conn.get(use_monitor=False) == 0, 'SRC_CONN = 0')
                    msg = connect('%2$sMESSAGE')
                    until(lambda: 'lost' in msg.get(as_string=True, use_monitor=False), 'the MESSAGE of the lost link')
                    out(removed=removed, message=msg.get(as_string=True, use_monitor=False))
                    """.formatted(P, F));
            assertThat(dropped).containsEntry("removed", 200)
                    .containsEntry("message", "Link SRC lost");
            assertThat(second.process.lines()).anyMatch(l -> l.contains("FOLLOWER:SRC: link to BEAMLINE:DEFAULT:PROBE:COUNTER lost"));
            assertThat(saved).as("a removed plugin's autosave goes with it").doesNotExist();
        } finally {
            second.close();
        }
    }

    @Test
    void aBadServerPortIsReportedByNameAndEverythingElseRuns() throws Exception {
        HttpTaskhost th = HttpTaskhost.start(Map.of("EPICS_CAS_SERVER_PORT", "50x"));
        try {
            th.process.awaitLine("the CA server's refusal",
                    l -> l.contains("Channel Access server not started: EPICS_CAS_SERVER_PORT: expected a whole number from 1 to 65535, got '50x'"));
            th.process.awaitLine("the samples running all the same", l -> l.contains("[monitor] STATUS RUN"));
            assertThat(th.get("/plugins/monitor/pvs").body()).contains("BEAMLINE:DEFAULT:MONITOR:READING");
        } finally {
            th.close();
        }
    }
}
