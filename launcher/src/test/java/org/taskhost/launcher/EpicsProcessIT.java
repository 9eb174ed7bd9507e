package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugins' PVs over Channel Access, checked with EPICS base's own client (libca via pyepics). */
class EpicsProcessIT {

    static final String P = "BEAMLINE:DEFAULT:PROBE:";
    static final String R = "BEAMLINE:DEFAULT:RUNNER:";
    static final String W = "BEAMLINE:DEFAULT:WITNESS:";

    static HttpTaskhost th;
    static CaClient ca;

    @BeforeAll
    static void start() throws Exception {
        th = HttpTaskhost.start(Map.of("TASKHOST_SAMPLES", "false"));
        ca = new CaClient(th.process.caPort, Map.of("TH_BASE", th.base, "TH_TOKEN", th.admin));
        for (String[] plugin : new String[][] {{"probe", EpicsPlugins.probe()}, {"runner", EpicsPlugins.runner()},
            {"witness", EpicsPlugins.witness()}, {"tally", EpicsPlugins.tally()}}) {
            var added = th.post(plugin[0].equals("tally") ? "/jobs" : "/tasks", "{\"name\":\"" + plugin[0] + "\",\"git_url\":\"" + plugin[1] + "\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        th.close();
    }

    @Test
    void ctrlMetadataOfEveryDefaultPvAndEveryType() throws Exception {
        Map<String, Object> r = ca.one("""
                r = {}
                for n in ['ENABLE', 'STATUS', 'MESSAGE', 'CYCLE_COUNT', 'RUN', 'VERSION', 'CLEAR', 'RESET',
                          'GAIN', 'COUNT', 'LABEL', 'SWITCH', 'MODE', 'TRACE', 'COUNTER', 'OUT']:
                    p = connect('%s' + n, form='ctrl')
                    v = p.get(use_monitor=False)
                    c = p.get_ctrlvars() or {}
                    d = {k: c.get(k) for k in ['units', 'precision', 'upper_disp_limit', 'lower_disp_limit',
                         'upper_ctrl_limit', 'lower_ctrl_limit', 'upper_alarm_limit', 'upper_warning_limit',
                         'lower_warning_limit', 'lower_alarm_limit', 'enum_strs']}
                    d.update(ftype=field_type(p), value=v.tolist() if hasattr(v, 'tolist') else v,
                             write=p.write_access, nelm=p.nelm)
                    r[n] = d
                out(**r)
                """.formatted(P));
        assertThat(pv(r, "ENABLE")).containsEntry("ftype", 3).containsEntry("value", 1).containsEntry("write", true)
                .containsEntry("enum_strs", List.of("Disabled", "Enabled"));
        assertThat(pv(r, "STATUS")).containsEntry("ftype", 3).containsEntry("value", 1).containsEntry("write", false)
                .containsEntry("enum_strs", List.of("INIT", "RUN", "PAUSED", "END", "ERROR"));
        assertThat(pv(r, "MESSAGE")).containsEntry("ftype", 0).containsEntry("value", "Task running").containsEntry("write", false);
        assertThat(pv(r, "CYCLE_COUNT")).containsEntry("ftype", 5).containsEntry("write", false);
        for (String pulse : List.of("RUN", "CLEAR", "RESET")) {
            assertThat(pv(r, pulse)).as(pulse).containsEntry("ftype", 3).containsEntry("value", 0).containsEntry("write", true);
        }
        assertThat(pv(r, "VERSION")).containsEntry("ftype", 0).containsEntry("write", false);
        assertThat((String) pv(r, "VERSION").get("value")).matches("[0-9a-f]{7,}");
        assertThat(pv(r, "GAIN")).containsEntry("ftype", 6).containsEntry("value", 2.5).containsEntry("units", "V")
                .containsEntry("precision", 2).containsEntry("lower_disp_limit", -10.0).containsEntry("upper_disp_limit", 10.0)
                .containsEntry("lower_ctrl_limit", 0.0).containsEntry("upper_ctrl_limit", 10.0)
                .containsEntry("lower_warning_limit", 1.0).containsEntry("upper_warning_limit", 8.0)
                .containsEntry("upper_alarm_limit", 9.5).containsEntry("write", true);
        assertThat((Double) pv(r, "GAIN").get("lower_alarm_limit")).as("LOLO is not set").isNaN();
        assertThat(pv(r, "COUNT")).containsEntry("ftype", 5).containsEntry("value", 7).containsEntry("units", "counts")
                .containsEntry("lower_ctrl_limit", 0).containsEntry("upper_ctrl_limit", 500).containsEntry("upper_disp_limit", 1000);
        assertThat(pv(r, "LABEL")).containsEntry("ftype", 0).containsEntry("value", "hello").containsEntry("write", true);
        assertThat(pv(r, "SWITCH")).containsEntry("ftype", 3).containsEntry("value", 1).containsEntry("enum_strs", List.of("Closed", "Open"));
        assertThat(pv(r, "MODE")).containsEntry("ftype", 3).containsEntry("value", 1)
                .containsEntry("enum_strs", List.of("Slow", "Medium", "Fast"));
        assertThat(pv(r, "TRACE")).containsEntry("ftype", 6).containsEntry("nelm", 8).containsEntry("write", true);
        assertThat(pv(r, "COUNTER")).containsEntry("ftype", 5).containsEntry("write", false);
        assertThat(pv(r, "OUT")).containsEntry("ftype", 6).containsEntry("units", "mA").containsEntry("precision", 4)
                .containsEntry("write", false);
    }

    @Test
    void enableZeroPausesAndOneResumes() throws Exception {
        Map<String, Object> r = ca.one("""
                st, cc, w = connect('%1$sSTATUS'), connect('%1$sCYCLE_COUNT'), connect('%2$sCYCLE_COUNT')
                epics.caput('%1$sENABLE', 0, wait=True)
                until(lambda: st.get(as_string=True, use_monitor=False) == 'PAUSED', 'STATUS PAUSED')
                w0 = w.get(use_monitor=False)
                until(lambda: w.get(use_monitor=False) >= w0 + 10, 'the witness to run 10 cycles')
                c1 = cc.get(use_monitor=False)
                w1 = w.get(use_monitor=False)
                until(lambda: w.get(use_monitor=False) >= w1 + 50, 'the witness to run 50 more cycles')
                c2 = cc.get(use_monitor=False)
                paused = st.get(as_string=True, use_monitor=False)
                epics.caput('%1$sENABLE', 1, wait=True)
                until(lambda: st.get(as_string=True, use_monitor=False) == 'RUN', 'STATUS RUN')
                w2 = w.get(use_monitor=False)
                until(lambda: w.get(use_monitor=False) >= w2 + 50, 'the witness to run 50 cycles')
                out(paused=paused, c1=c1, c2=c2, c3=cc.get(use_monitor=False), resumed=st.get(as_string=True, use_monitor=False))
                """.formatted(P, W));
        assertThat(r).containsEntry("paused", "PAUSED").containsEntry("resumed", "RUN");
        assertThat(r.get("c2")).as("no cycle while paused, though the witness ran 50").isEqualTo(r.get("c1"));
        assertThat((Integer) r.get("c3")).as("cycles again after ENABLE=1").isGreaterThan((Integer) r.get("c2"));
    }

    @Test
    void runWithCallbackReturnsOnlyAfterTheRun() throws Exception {
        Map<String, Object> r = ca.one("""
                done, run = connect('%1$sDONE'), connect('%1$sRUN')
                d0 = done.get(use_monitor=False)
                epics.caput('%1$sRUN', 1, wait=True, timeout=30)
                out(d0=d0, d1=done.get(use_monitor=False), run=run.get(use_monitor=False))
                """.formatted(R));
        assertThat((Integer) r.get("d1")).as("DONE counted up before the put completed").isEqualTo((Integer) r.get("d0") + 1);
        assertThat(r).as("RUN back to 0 when the run ended").containsEntry("run", 0);
    }

    @Test
    void aJobServesStatusMessageAndRunAndARunWithCallbackEndsWithTheRun() throws Exception {
        Map<String, Object> r = ca.one("""
                st = connect('BEAMLINE:DEFAULT:TALLY:STATUS', form='ctrl')
                before = st.get(as_string=True, use_monitor=False)
                labels = list(st.get_ctrlvars()['enum_strs'])
                epics.caput('BEAMLINE:DEFAULT:TALLY:RUN', 1, wait=True, timeout=30)
                out(before=before, labels=labels, after=st.get(as_string=True, use_monitor=False),
                    message=connect('BEAMLINE:DEFAULT:TALLY:MESSAGE').get(use_monitor=False),
                    run=connect('BEAMLINE:DEFAULT:TALLY:RUN').get(use_monitor=False))
                """);
        assertThat(r).containsEntry("before", "IDLE").containsEntry("labels", List.of("IDLE", "RUNNING", "SUCCESS", "FAILED"))
                .containsEntry("after", "SUCCESS").containsEntry("message", "tallied").containsEntry("run", 0);
    }

    @Test
    void badPutsAreRefusedWithACaStatusAndChangeNothing() throws Exception {
        Map<String, Object> r = ca.one("""
                import ctypes
                from epics import dbr
                g = connect('%1$sGAIN')
                def after(n):
                    return connect('%1$s' + n).get(use_monitor=False)
                r = {}
                r['over_drvh'] = raw_put('%1$sGAIN', dbr.DOUBLE, (ctypes.c_double * 1)(11.0))
                r['gain1'] = after('GAIN')
                r['text_to_float'] = raw_put('%1$sGAIN', dbr.STRING, ctypes.create_string_buffer(b'abc', 40))
                r['gain2'] = after('GAIN')
                r['below_drvl'] = raw_put('%1$sCOUNT', dbr.LONG, (ctypes.c_int * 1)(-1))
                r['count'] = after('COUNT')
                r['bool_7'] = raw_put('%1$sSWITCH', dbr.LONG, (ctypes.c_int * 1)(7))
                r['switch'] = after('SWITCH')
                r['unknown_label'] = raw_put('%1$sMODE', dbr.STRING, ctypes.create_string_buffer(b'Turbo', 40))
                r['mode'] = after('MODE')
                try:
                    r['to_output'] = epics.caput('%1$sOUT', 1.0, wait=True, timeout=5)
                except Exception as e:
                    r['to_output'] = 'refused: ' + type(e).__name__
                r['label_ok'] = raw_put('%1$sMODE', dbr.STRING, ctypes.create_string_buffer(b'Fast', 40))
                r['mode_ok'] = after('MODE')
                r['hihi'] = raw_put('%1$sGAIN', dbr.DOUBLE, (ctypes.c_double * 1)(9.75))
                t = connect('%1$sGAIN')
                r['gain3'] = t.get(use_monitor=False)
                r['severity'], r['status'] = t.severity, t.status
                out(**r)
                """.formatted(P));
        assertThat(r).containsEntry("over_drvh", "Channel write request failed").containsEntry("gain1", 2.5)
                .containsEntry("text_to_float", "No reasonable data conversion between client and server types").containsEntry("gain2", 2.5)
                .containsEntry("below_drvl", "Channel write request failed").containsEntry("count", 7)
                .containsEntry("bool_7", "Channel write request failed").containsEntry("switch", 1)
                .containsEntry("unknown_label", "No reasonable data conversion between client and server types").containsEntry("mode", 1)
                .containsEntry("to_output", "refused: CASeverityException")
                .containsEntry("label_ok", "Normal successful completion").containsEntry("mode_ok", 2)
                .containsEntry("hihi", "Normal successful completion").containsEntry("gain3", 9.75)
                .as("HIHI at 9.5 gives MAJOR (2) with status HIHI (3)").containsEntry("severity", 2).containsEntry("status", 3);
        assertThat(th.process.lines()).anyMatch(l -> l.contains("onPut GAIN 9.75")).noneMatch(l -> l.contains("onPut GAIN 11"));
        assertThat(ca.one("out(gain=epics.caput('%1$sGAIN', 2.5, wait=True), mode=epics.caput('%1$sMODE', 1, wait=True))"
                .formatted(P))).as("the starting values back for the other tests").containsEntry("gain", 1).containsEntry("mode", 1);
    }

    @Test
    void aMonitorSeesEveryUpdateAt100Hz() throws Exception {
        Map<String, Object> r = ca.one("""
                seen = []
                p = connect('%sCOUNTER', monitor=True)
                p.add_callback(lambda value=None, **kw: seen.append(value))
                until(lambda: len(seen) >= 301, '300 updates after the first value')
                p.clear_callbacks()
                updates = seen[1:]
                steps = sorted(set(b - a for a, b in zip(updates, updates[1:])))
                out(n=len(updates), steps=steps)
                """.formatted(P));
        // the first callback is the value at subscription; a change racing with the subscription may be skipped
        // there (CAJ reads the value, then registers the monitor), so only what follows is counted
        assertThat((Integer) r.get("n")).isGreaterThanOrEqualTo(300);
        assertThat(r).as("each update one more than the last: none lost").containsEntry("steps", List.of(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void removingAPluginDisconnectsItsClientsAndAReloadReconnectsThem() throws Exception {
        String url = EpicsPlugins.witness();
        var added = th.post("/tasks", "{\"name\":\"blinker\",\"git_url\":\"" + url + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        Map<String, Object> r = ca.one("""
                events = []
                p = connect('BEAMLINE:DEFAULT:BLINKER:CYCLE_COUNT', monitor=True,
                            on_connection=lambda pvname=None, conn=None, **kw: events.append(conn))
                before = p.get()
                removed = rest('DELETE', '/tasks/blinker')
                until(lambda: False in events, 'the disconnect')
                while_gone = p.connected
                readded = rest('POST', '/tasks', {'name': 'blinker', 'git_url': '%s'})
                until(lambda: events[-1] is True, 'the reconnect')
                until(lambda: p.get() is not None, 'a value after the reconnect')
                out(removed=removed, readded=readded, events=events, while_gone=while_gone, before=before, after=p.get())
                """.formatted(url));
        assertThat(r).containsEntry("removed", 200).containsEntry("readded", 201).containsEntry("while_gone", false);
        assertThat((List<Object>) r.get("events")).containsSubsequence(false, true);
        assertThat(r.get("after")).isNotNull();
        assertThat(th.delete("/tasks/blinker").statusCode()).isEqualTo(200);
    }

    @Test
    void aPhoebusDisplayOfThePluginsPvs() throws Exception {
        var bob = th.get("/plugins/probe/display.bob");
        assertThat(bob.statusCode()).isEqualTo(200);
        assertThat(bob.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(bob.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("display");
        Map<String, String> widgets = new java.util.TreeMap<>();
        org.w3c.dom.NodeList list = doc.getElementsByTagName("widget");
        for (int i = 0; i < list.getLength(); i++) {
            org.w3c.dom.Element w = (org.w3c.dom.Element) list.item(i);
            org.w3c.dom.NodeList pvName = w.getElementsByTagName("pv_name");
            if (pvName.getLength() > 0 && !pvName.item(0).getTextContent().startsWith("$")) {
                widgets.put(pvName.item(0).getTextContent(), w.getAttribute("type"));
            }
        }
        assertThat(widgets).containsEntry(P + "ENABLE", "bool_button").containsEntry(P + "RUN", "action_button")
                .containsEntry(P + "STATUS", "textupdate").containsEntry(P + "MESSAGE", "textupdate")
                .containsEntry(P + "GAIN", "textentry").containsEntry(P + "SWITCH", "textentry")
                .containsEntry(P + "OUT", "textupdate").containsEntry(P + "COUNTER", "textupdate");
        assertThat(bob.body()).contains("<action type=\"write_pv\">", "<text>probe (task)</text>");
        assertThat(th.get("/plugins/nothing/display.bob").statusCode()).isEqualTo(404);
    }

    @Test
    void theRestPvListShowsCaNamesValuesAndMetadata() throws Exception {
        var pvs = th.get("/plugins/probe/pvs");
        assertThat(pvs.statusCode()).isEqualTo(200);
        assertThat(pvs.body()).contains("\"pv\":\"" + P + "GAIN\"", "\"unit\":\"V\"", "\"drvh\":10.0",
                "\"alarm\":{\"lolo\":null,\"low\":1.0,\"high\":8.0,\"hihi\":9.5", "\"labels\":[\"Slow\",\"Medium\",\"Fast\"]",
                "\"pv\":\"" + P + "COUNTER\",\"type\":\"int\",\"access\":\"ro\"");
    }

    @Test
    void iocmngsPvPathsReadAndWriteTheServedPvsWithTheirChecks() throws Exception {
        var got = th.post("/pvs/get", "{\"pv_name\":\"" + P + "LABEL\"}");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("{\"ok\":true,\"pv_name\":\"" + P + "LABEL\",\"value\":\"hello\",\"error\":null}");
        var put = th.post("/pvs/put", "{\"pv_name\":\"" + P + "LABEL\",\"value\":\"via rest\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(ca.one("out(v=connect('%sLABEL').get(use_monitor=False))".formatted(P))).containsEntry("v", "via rest");
        var over = th.post("/pvs/put", "{\"pv_name\":\"" + P + "GAIN\",\"value\":11}");
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(over.body()).contains("\"ok\":false", "outside the drive limits 0.0..10.0");
        assertThat(th.post("/pvs/put", "{\"pv_name\":\"" + P + "OUT\",\"value\":1}").body()).contains("is read-only");
        assertThat(th.post("/pvs/get", "{\"pv_name\":\"ELSEWHERE:PV\"}").statusCode()).isEqualTo(404);
        assertThat(th.post("/pvs/get", "{}").body()).contains("field 'pv_name' is required");
        assertThat(th.post("/pvs/put", "{\"pv_name\":\"" + P + "LABEL\",\"value\":\"x\",\"timeout\":-1}").statusCode()).isEqualTo(400);
        assertThat(th.post("/pvs/put", "{\"pv_name\":\"" + P + "LABEL\",\"value\":\"hello\"}").statusCode()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pv(Map<String, Object> all, String name) {
        return (Map<String, Object>) all.get(name);
    }

}
