package org.taskhost.runtime.internal.pv;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.runtime.JobStatus;
import org.taskhost.api.runtime.TaskStatus;

/** The PVs every task and job has, as in iocmng (plus VERSION, CLEAR and RESET of iocmng 2.7). */
public final class DefaultPvs {

    public static final String ENABLE = "ENABLE";
    public static final String STATUS = "STATUS";
    public static final String MESSAGE = "MESSAGE";
    public static final String CYCLE_COUNT = "CYCLE_COUNT";
    public static final String RUN = "RUN";
    public static final String VERSION = "VERSION";
    public static final String CLEAR = "CLEAR";
    public static final String RESET = "RESET";

    /** Names a config.yaml may not use for its own PVs. */
    public static final Set<String> RESERVED = Set.of(ENABLE, STATUS, MESSAGE, CYCLE_COUNT, RUN, VERSION, CLEAR, RESET);

    private DefaultPvs() {
    }

    public static List<PvSpec> task(String version) {
        return List.of(
                PvSpec.builder(ENABLE, PvType.BOOL).writable(true).initial(1).labels(List.of("Disabled", "Enabled"))
                        .description("0 pauses, 1 resumes").build(),
                status(Arrays.stream(TaskStatus.values()).map(Enum::name).toList()),
                message("Initializing"),
                PvSpec.builder(CYCLE_COUNT, PvType.INT).initial(0L).description("completed executions").build(),
                pulse(RUN, "1 runs execute() once"),
                PvSpec.builder(VERSION, PvType.STRING).initial(version).description("plugin version").build(),
                pulse(CLEAR, "1 clears an ERROR"),
                pulse(RESET, "1 clears and zeroes counters"));
    }

    public static List<PvSpec> job() {
        return List.of(
                status(Arrays.stream(JobStatus.values()).map(Enum::name).toList()),
                message("Idle"),
                pulse(RUN, "1 runs the job"));
    }

    private static PvSpec status(List<String> labels) {
        return PvSpec.builder(STATUS, PvType.ENUM).initial(0).labels(labels).description("plugin status").build();
    }

    private static PvSpec message(String initial) {
        return PvSpec.builder(MESSAGE, PvType.STRING).initial(initial).description("status message").build();
    }

    private static PvSpec pulse(String name, String description) {
        return PvSpec.builder(name, PvType.BOOL).writable(true).initial(0).description(description).build();
    }
}
