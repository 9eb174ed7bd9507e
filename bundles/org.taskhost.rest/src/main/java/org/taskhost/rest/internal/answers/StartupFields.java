package org.taskhost.rest.internal.answers;

import java.util.List;
import java.util.Map;

/**
 * The fields the plugin dict shares with iocmng's PluginStartupInfo, from {@code pv_prefix} on; written into both
 * (unwrapped), not as an object of their own.
 *
 * @param pvPrefix prefix:PLUGIN, null when it does not run
 * @param pluginPrefix the plugin's prefix
 * @param mode a task's mode in lower case; null for a job, as in iocmng
 * @param startParameters config.yaml's parameters merged with the overrides
 * @param arguments the PV definitions, under iocmng's older name
 * @param pvDefinitions the PV definitions
 * @param baseControlPvs the names of the PVs every plugin has
 * @param additionalInputPvs the names of its inputs
 * @param additionalOutputPvs the names of its outputs
 * @param builtPvs the full names of every PV it serves when it runs
 */
public record StartupFields(String pvPrefix, String pluginPrefix, String mode, Map<String, Object> startParameters,
        PvDefinitions arguments, PvDefinitions pvDefinitions, List<String> baseControlPvs, List<String> additionalInputPvs,
        List<String> additionalOutputPvs, List<String> builtPvs) {
}
