package org.taskhost.launcher;

import java.io.IOException;

/** The plugins the Channel Access tests serve, each committed to a git repository of its own. */
final class EpicsPlugins {

    private EpicsPlugins() {
    }

    /** A 100 Hz task with an input or output of every PV type; COUNTER counts its executions. */
    static String probe() throws IOException, InterruptedException {
        return new GitFixture().write("Probe.java", """
                import org.taskhost.api.TaskBase;
                public class Probe extends TaskBase {
                    private long n;
                    public void initialize() { }
                    public void execute() {
                        pv("COUNTER").set(++n);
                        pv("OUT").set(pv("GAIN").getDouble() * 2);
                    }
                    public void cleanup() { }
                    public void onPut(String pv, Object value) {
                        logger().log(System.Logger.Level.INFO, "onPut " + pv + " " + value);
                    }
                }
                """).write("config.yaml", """
                parameters:
                  mode: continuous
                  interval: 0.01
                pvs:
                  inputs:
                    GAIN: {type: float, value: 2.5, unit: V, prec: 2, low: -10, high: 10, drvl: 0, drvh: 10,
                           alarm: {low: 1, high: 8, hihi: 9.5}}
                    COUNT: {type: int, value: 7, unit: counts, low: 0, high: 1000, drvl: 0, drvh: 500}
                    LABEL: {type: string, value: hello}
                    SWITCH: {type: bool, value: 1, znam: Closed, onam: Open}
                    MODE: {type: enum, enum: [Slow, Medium, Fast], value: Medium}
                    TRACE: {type: waveform, length: 8}
                  outputs:
                    COUNTER: {type: int}
                    OUT: {type: float, unit: mA, prec: 4}
                """).commitAll();
    }

    /** A triggered task whose run takes 0.3 s and then counts up DONE. */
    static String runner() throws IOException, InterruptedException {
        return new GitFixture().write("Runner.java", """
                import org.taskhost.api.TaskBase;
                public class Runner extends TaskBase {
                    public void initialize() { }
                    public void execute() throws Exception {
                        Thread.sleep(300);
                        pv("DONE").set(pv("DONE").getDouble() + 1);
                    }
                    public void cleanup() { }
                }
                """).write("config.yaml", """
                parameters:
                  mode: triggered
                pvs:
                  outputs:
                    DONE: {type: int}
                """).commitAll();
    }

    /** A 100 Hz task with no PVs of its own: its CYCLE_COUNT shows that time passes. */
    static String witness() throws IOException, InterruptedException {
        return new GitFixture().write("Witness.java", """
                import org.taskhost.api.TaskBase;
                public class Witness extends TaskBase {
                    public void initialize() { }
                    public void execute() { }
                    public void cleanup() { }
                }
                """).write("config.yaml", "parameters:\n  interval: 0.01\n").commitAll();
    }

    /** A task whose inputs follow the probe's PVs: COUNTER by monitor, GAIN by a read every 0.2 s. */
    static String follower() throws IOException, InterruptedException {
        return new GitFixture().write("Follower.java", """
                import org.taskhost.api.TaskBase;
                public class Follower extends TaskBase {
                    public void initialize() { }
                    public void execute() { }
                    public void cleanup() { }
                    public void onPut(String pv, Object value) {
                        if (pv.equals("POLLED")) {
                            logger().log(System.Logger.Level.INFO, "followed POLLED " + value);
                        }
                    }
                }
                """).write("config.yaml", """
                parameters:
                  interval: 1.0
                pvs:
                  inputs:
                    SRC: {type: int, link: 'BEAMLINE:DEFAULT:PROBE:COUNTER', link_mode: monitor}
                    POLLED: {type: float, link: 'BEAMLINE:DEFAULT:PROBE:GAIN', poll_rate: 0.2}
                """).commitAll();
    }

    /** A job whose run takes 0.2 s and succeeds with a message. */
    static String tally() throws IOException, InterruptedException {
        return new GitFixture().write("Tally.java", """
                import org.taskhost.api.JobBase;
                import org.taskhost.api.JobResult;
                public class Tally extends JobBase {
                    public void initialize() { }
                    public JobResult execute() throws Exception {
                        Thread.sleep(200);
                        return JobResult.ok(null, "tallied");
                    }
                }
                """).write("config.yaml", "parameters:\n  timeout: 10\n").commitAll();
    }
}
