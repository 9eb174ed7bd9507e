package org.taskhost.runtime.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.taskhost.api.config.TriggerSpec;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.runtime.internal.messaging.TopicFilter;

/**
 * Reads config.yaml's {@code triggers:}, a list of {@code - mqtt: <topic filter>} or {@code - point: <device>/<point>}
 * (also as the Edge Workflow Agent's {@code - ble_notify: <device>/<point>}) entries with an optional {@code input} (the PV that receives the value) and {@code field} (the JSON field to take).
 * What a trigger does depends on the mode, so the mode is checked here too: a continuous task has no use for one.
 */
final class TriggerParser {

    /** EWA's name for a BLE notification: a point of a BLE device. */
    static final String BLE_NOTIFY = "ble_notify";
    private static final Set<String> KEYS = Set.of(TriggerSpec.MQTT, TriggerSpec.POINT, BLE_NOTIFY, "input", "field");
    private static final Pattern POINT = Pattern.compile("[A-Za-z0-9_.\\-]+/[A-Za-z0-9_.\\-]+");
    private static final Pattern FIELD = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    private TriggerParser() {
    }

    /**
     * @param f the {@code triggers} node, or null
     * @param mode the plugin's mode
     * @param inputs the plugin's inputs
     * @return the triggers; problems are reported on their nodes
     */
    static List<TriggerSpec> parse(YamlField f, PluginMode mode, List<PvSpec> inputs) {
        List<TriggerSpec> out = new ArrayList<>();
        if (f == null || f.isNull()) {
            return out;
        }
        if (!f.isSequence()) {
            f.problem("must be a list of triggers such as '- mqtt: site/+/alarm'");
            return out;
        }
        if (mode == PluginMode.CONTINUOUS && !f.items().isEmpty()) {
            f.problem("a continuous task runs every interval; triggers need parameters.mode triggered or reactive, or a job");
            return out;
        }
        for (YamlField item : f.items()) {
            one(item, mode, inputs).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<TriggerSpec> one(YamlField item, PluginMode mode, List<PvSpec> inputs) {
        if (!item.isMapping()) {
            item.problem("must be a mapping such as {mqtt: site/+/alarm, input: LEVEL}");
            return Optional.empty();
        }
        Map<String, YamlField> keys = item.children();
        boolean ok = true;
        for (YamlField k : keys.values()) {
            String name = k.path().substring(k.path().lastIndexOf('.') + 1);
            if (!KEYS.contains(name)) {
                ok = k.problem("unknown key; a trigger has mqtt, point or ble_notify, and optionally input and field");
            }
        }
        YamlField mqtt = keys.get(TriggerSpec.MQTT);
        YamlField point = keys.get(TriggerSpec.POINT);
        YamlField notify = keys.get(BLE_NOTIFY);
        if ((mqtt != null ? 1 : 0) + (point != null ? 1 : 0) + (notify != null ? 1 : 0) != 1) {
            item.problem("needs exactly one of mqtt (a topic filter) or point (device/point)");
            return Optional.empty();
        }
        if (point == null) {
            point = notify;
        }
        String type = mqtt != null ? TriggerSpec.MQTT : TriggerSpec.POINT;
        YamlField sourceField = mqtt != null ? mqtt : point;
        String source = sourceField.string().orElse(null);
        if (source == null) {
            return Optional.empty();
        }
        Optional<String> bad = mqtt != null ? Optional.ofNullable(TopicFilter.problem(source))
                : POINT.matcher(source).matches() ? Optional.empty() : Optional.of("must be device/point, such as ahu1/supply_temp, got '" + source + "'");
        if (bad.isPresent()) {
            ok = sourceField.problem(bad.get());
        }
        String input = text(keys.get("input"));
        if (input != null && inputs.stream().noneMatch(p -> p.name().equals(input))) {
            ok = keys.get("input").problem("names no input of this plugin; inputs are "
                    + inputs.stream().map(PvSpec::name).toList());
        } else if (input != null && inputs.stream().anyMatch(p -> p.name().equals(input) && p.link() != null)) {
            ok = keys.get("input").problem("input " + input + " follows a link; a trigger cannot put into it");
        }
        if (input == null && mode == PluginMode.REACTIVE) {
            ok = item.problem("a reactive task runs on a put: name the input that receives the value");
        }
        String field = text(keys.get("field"));
        if (field != null && mqtt == null) {
            ok = keys.get("field").problem("takes a field of a JSON payload: only an mqtt trigger has one (a point's value is put whole)");
        } else if (field != null && input == null) {
            ok = keys.get("field").problem("takes a field of the payload for an input: add input");
        } else if (field != null && !FIELD.matcher(field).matches()) {
            ok = keys.get("field").problem("must be a field name or a dotted path such as reading.value, got '" + field + "'");
        }
        return ok ? Optional.of(new TriggerSpec(type, source, input, field)) : Optional.empty();
    }

    private static String text(YamlField f) {
        return f == null ? null : f.string().orElse(null);
    }
}
