package org.taskhost.devices.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.taskhost.api.device.DeviceProblem;

/** A device definition that breaks the rules; each problem names its field. Nothing was stored or changed. */
final class InvalidDeviceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final transient List<DeviceProblem> problems;

    InvalidDeviceException(List<DeviceProblem> problems) {
        super(problems.stream().map(DeviceProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    List<DeviceProblem> problems() {
        return problems;
    }
}
