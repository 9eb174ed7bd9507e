package org.taskhost.runtime.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.taskhost.api.device.PointRef;
import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvLink;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.runtime.internal.pv.DefaultPvs;
import org.taskhost.runtime.internal.pv.Values;

/** Reads and checks one PV definition of config.yaml into a {@link PvSpec}. */
final class PvDefinitionParser {

    static final Set<String> KEYS = Set.of("type", "value", "unit", "prec", "low", "high", "drvl", "drvh",
            "alarm", "alarm_on", "znam", "onam", "enum", "length", "desc", "point");
    static final Set<String> LINK_KEYS = Set.of("link", "link_mode", "mode", "poll_rate");
    static final Set<String> NOT_YET = Set.of("trigger", "buffer_size", "latch", "latch_dir");
    private static final Pattern LINK_TARGET = Pattern.compile("[A-Za-z0-9_:.\\-\\[\\]{}$]+");
    static final Set<String> ALARM_KEYS = Set.of("lolo", "low", "high", "hihi", "lolo_severity", "low_severity", "high_severity", "hihi_severity");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern POINT_PART = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_LABELS = 16;
    private static final int MAX_LABEL = 25;

    private PvDefinitionParser() {
    }

    static Optional<PvSpec> parse(String name, YamlField f, boolean writable) {
        if (!NAME.matcher(name).matches()) {
            return Optional.ofNullable(fail(f, "PV name '" + name + "' may hold only letters, digits, '_' and '-'"));
        }
        if (DefaultPvs.RESERVED.contains(name)) {
            return Optional.ofNullable(fail(f, "PV name '" + name + "' is reserved for the runtime (reserved: " + new TreeSet<>(DefaultPvs.RESERVED) + ")"));
        }
        if (!f.isMapping()) {
            return Optional.ofNullable(fail(f, "a PV definition must be a mapping with at least a type"));
        }
        Map<String, YamlField> c = f.children();
        boolean ok = true;
        for (YamlField k : c.values()) {
            String key = k.path().substring(k.path().lastIndexOf('.') + 1);
            if (NOT_YET.contains(key)) {
                ok = k.problem("is not supported by this version of taskhost");
            } else if (!KEYS.contains(key) && !LINK_KEYS.contains(key)) {
                ok = k.problem("unknown key; known keys are " + String.join(", ", new TreeSet<>(KEYS)) + ", "
                        + String.join(", ", new TreeSet<>(LINK_KEYS)));
            }
        }
        PvType type = PvType.FLOAT;
        if (c.containsKey("type")) {
            Optional<String> t = c.get("type").string();
            if (t.isEmpty()) {
                return Optional.empty();
            }
            Optional<PvType> parsed = PvType.parse(t.get());
            if (parsed.isEmpty()) {
                return Optional.ofNullable(fail(c.get("type"), "unknown PV type '" + t.get() + "'; known types are float, int, string, bool, enum, waveform"));
            }
            type = parsed.get();
        }
        PvSpec.Builder b = PvSpec.builder(name, type).writable(writable);
        ok &= text(c, "unit", b::unit);
        ok &= text(c, "desc", b::description);
        if (c.containsKey("prec")) {
            Optional<Integer> p = c.get("prec").integer();
            ok &= p.isPresent() && (p.get() >= 0 && p.get() <= 17 || c.get("prec").problem("must be from 0 to 17, got " + p.get()));
            p.ifPresent(b::precision);
        }
        Double low = num(c, "low");
        Double high = num(c, "high");
        ok &= order(c, "low", low, "high", high);
        b.display(low == null ? 0 : low, high == null ? 100 : high);
        Double drvl = num(c, "drvl");
        Double drvh = num(c, "drvh");
        ok &= order(c, "drvl", drvl, "drvh", drvh);
        b.drive(drvl, drvh);
        AlarmLimits alarms = alarms(c, type, high);
        ok &= alarms != null;
        b.alarms(alarms);
        ok &= labels(c, type, b);
        ok &= link(c, writable, b);
        ok &= point(c, b);
        if (c.containsKey("length")) {
            Optional<Integer> n = c.get("length").integer();
            ok &= n.isPresent() && (type == PvType.WAVEFORM || c.get("length").problem("applies only to type waveform"))
                    && (n.get() >= 1 && n.get() <= 1_000_000 || c.get("length").problem("must be from 1 to 1000000, got " + n.get()));
            n.ifPresent(b::length);
        } else if (type == PvType.WAVEFORM) {
            ok = fail(c.getOrDefault("type", f), "a waveform needs a length") != null;
        }
        if (!ok) {
            return Optional.empty();
        }
        PvSpec draft = b.build();
        Object initial = Values.zero(draft);
        if (c.containsKey("value")) {
            YamlField v = c.get("value");
            try {
                initial = Values.coerce(draft, v.value());
            } catch (IllegalArgumentException e) {
                return Optional.ofNullable(fail(v, "initial value for a " + type.label() + " PV: " + e.getMessage()));
            }
            if (initial instanceof Number n && (drvl != null && n.doubleValue() < drvl || drvh != null && n.doubleValue() > drvh)) {
                return Optional.ofNullable(fail(v, "initial value " + n + " is outside drvl..drvh " + drvl + ".." + drvh));
            }
        }
        return Optional.of(b.initial(initial).build());
    }

    /** iocmng 2.5's {@code link}, {@code link_mode} (alias {@code mode}: monitor or poll, default poll), {@code poll_rate}. */
    private static boolean link(Map<String, YamlField> c, boolean input, PvSpec.Builder b) {
        if (!c.containsKey("link")) {
            for (String k : List.of("link_mode", "mode", "poll_rate")) {
                if (c.containsKey(k)) {
                    return c.get(k).problem("applies only to an input with a link");
                }
            }
            return true;
        }
        YamlField f = c.get("link");
        if (!input) {
            return f.problem("applies only to inputs: an input follows the external PV");
        }
        Optional<String> target = f.string();
        if (target.isEmpty()) {
            return false;
        }
        if (!LINK_TARGET.matcher(target.get()).matches()) {
            return f.problem("must be a PV name (letters, digits and _ : . - [ ] { } $), got '" + target.get() + "'");
        }
        PvLink.Mode mode = PvLink.Mode.POLL;
        YamlField m = c.containsKey("link_mode") ? c.get("link_mode") : c.get("mode");
        if (m != null) {
            Optional<String> t = m.string();
            if (t.isEmpty()) {
                return false;
            }
            switch (t.get().toLowerCase(java.util.Locale.ROOT)) {
                case "monitor" -> mode = PvLink.Mode.MONITOR;
                case "poll" -> mode = PvLink.Mode.POLL;
                default -> {
                    return m.problem("must be monitor or poll, got '" + t.get() + "'");
                }
            }
        }
        double rate = 1.0;
        if (c.containsKey("poll_rate")) {
            Optional<Double> r = c.get("poll_rate").number();
            if (r.isEmpty()) {
                return false;
            }
            if (!(r.get() > 0)) {
                return c.get("poll_rate").problem("must be > 0 seconds, got " + r.get());
            }
            rate = r.get();
        }
        b.link(new PvLink(target.get(), mode, rate));
        return true;
    }

    /** taskhost's {@code point: <device>/<point>}: the PV shows a device point, and a put on an input writes it. */
    private static boolean point(Map<String, YamlField> c, PvSpec.Builder b) {
        if (!c.containsKey("point")) {
            return true;
        }
        YamlField f = c.get("point");
        Optional<String> text = f.string();
        if (text.isEmpty()) {
            return false;
        }
        if (c.containsKey("link")) {
            return f.problem("a PV follows either a link or a point, not both");
        }
        try {
            PointRef ref = PointRef.parse(text.get());
            if (!POINT_PART.matcher(ref.device()).matches() || !POINT_PART.matcher(ref.point()).matches()) {
                return f.problem("'" + text.get() + "': device and point ids are letters, digits, '_', '.' or '-'");
            }
            b.point(ref);
            return true;
        } catch (IllegalArgumentException e) {
            return f.problem(e.getMessage());
        }
    }

    private static PvSpec fail(YamlField f, String message) {
        f.problem(message);
        return null;
    }

    private static boolean text(Map<String, YamlField> c, String key, java.util.function.Consumer<String> into) {
        if (!c.containsKey(key)) {
            return true;
        }
        Optional<String> s = c.get(key).string();
        s.ifPresent(into);
        return s.isPresent();
    }

    private static Double num(Map<String, YamlField> c, String key) {
        return c.containsKey(key) ? c.get(key).number().orElse(null) : null;
    }

    private static boolean order(Map<String, YamlField> c, String lowKey, Double low, String highKey, Double high) {
        if (low != null && high != null && low > high) {
            return c.get(lowKey).problem(lowKey + " (" + low + ") must not be above " + highKey + " (" + high + ")");
        }
        return true;
    }

    private static AlarmLimits alarms(Map<String, YamlField> c, PvType type, Double high) {
        boolean numeric = type == PvType.FLOAT || type == PvType.INT;
        if (c.containsKey("alarm_on")) {
            YamlField on = c.get("alarm_on");
            Optional<AlarmSeverity> sev = on.string().flatMap(s -> severity(on, s));
            if (sev.isEmpty()) {
                return null;
            }
            if (type == PvType.BOOL) {
                return new AlarmLimits(null, null, 1.0, null, AlarmSeverity.NO_ALARM, AlarmSeverity.NO_ALARM, sev.get(), AlarmSeverity.NO_ALARM);
            }
            if (!numeric || high == null) {
                on.problem("alarm_on needs a bool PV, or a float or int PV with high");
                return null;
            }
            return new AlarmLimits(null, null, high, null, AlarmSeverity.NO_ALARM, AlarmSeverity.NO_ALARM, sev.get(), AlarmSeverity.NO_ALARM);
        }
        if (!c.containsKey("alarm")) {
            return AlarmLimits.NONE;
        }
        YamlField a = c.get("alarm");
        if (!numeric) {
            a.problem("alarm limits apply only to float and int PVs");
            return null;
        }
        if (!a.isMapping()) {
            a.problem("must be a mapping of lolo, low, high, hihi and their _severity");
            return null;
        }
        Map<String, YamlField> m = a.children();
        boolean ok = true;
        for (YamlField k : m.values()) {
            String key = k.path().substring(k.path().lastIndexOf('.') + 1);
            if (!ALARM_KEYS.contains(key)) {
                ok = k.problem("unknown key; known keys are " + String.join(", ", new TreeSet<>(ALARM_KEYS)));
            }
        }
        Double[] limits = {num(m, "lolo"), num(m, "low"), num(m, "high"), num(m, "hihi")};
        String[] names = {"lolo", "low", "high", "hihi"};
        AlarmSeverity[] sev = {AlarmSeverity.MAJOR, AlarmSeverity.MINOR, AlarmSeverity.MINOR, AlarmSeverity.MAJOR};
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (limits[i] != null) {
                for (int j : present) {
                    if (limits[j] > limits[i]) {
                        ok = m.get(names[j]).problem(names[j] + " (" + limits[j] + ") must not be above " + names[i] + " (" + limits[i] + ")");
                    }
                }
                present.add(i);
            }
            YamlField s = m.get(names[i] + "_severity");
            if (s != null) {
                Optional<AlarmSeverity> parsed = s.string().flatMap(t -> severity(s, t));
                ok &= parsed.isPresent();
                sev[i] = parsed.orElse(sev[i]);
            }
        }
        return ok ? new AlarmLimits(limits[0], limits[1], limits[2], limits[3], sev[0], sev[1], sev[2], sev[3]) : null;
    }

    private static Optional<AlarmSeverity> severity(YamlField f, String s) {
        for (AlarmSeverity v : AlarmSeverity.values()) {
            if (v.name().equalsIgnoreCase(s)) {
                return Optional.of(v);
            }
        }
        f.problem("unknown alarm severity '" + s + "'; known: NO_ALARM, MINOR, MAJOR, INVALID");
        return Optional.empty();
    }

    private static boolean labels(Map<String, YamlField> c, PvType type, PvSpec.Builder b) {
        boolean ok = true;
        if (c.containsKey("znam") || c.containsKey("onam")) {
            if (type != PvType.BOOL) {
                return c.getOrDefault("znam", c.get("onam")).problem("znam and onam apply only to type bool");
            }
            String z = c.containsKey("znam") ? c.get("znam").string().orElse(null) : "Off";
            String o = c.containsKey("onam") ? c.get("onam").string().orElse(null) : "On";
            if (z == null || o == null) {
                return false;
            }
            b.labels(List.of(z, o));
        }
        if (c.containsKey("enum")) {
            YamlField e = c.get("enum");
            if (type != PvType.ENUM) {
                return e.problem("enum labels apply only to type enum");
            }
            if (!(e.value() instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
                return e.problem("must be a list of 1 to " + MAX_LABELS + " texts");
            }
            if (list.size() > MAX_LABELS) {
                return e.problem("has " + list.size() + " labels; EPICS allows at most " + MAX_LABELS);
            }
            for (Object l : list) {
                if (((String) l).length() > MAX_LABEL) {
                    ok = e.problem("label '" + l + "' is longer than " + MAX_LABEL + " characters");
                }
            }
            b.labels(list.stream().map(String.class::cast).toList());
        } else if (type == PvType.ENUM) {
            return c.get("type").problem("an enum PV needs an enum list of labels");
        }
        return ok;
    }
}
