package org.taskhost.shell.internal;

import java.util.Arrays;
import java.util.List;

import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;
import org.taskhost.shell.table.TextTable;

/** Shows PV values as an operator reads them: labels for bool and enum, PREC digits for floats. */
final class PvFormat {

    private PvFormat() {
    }

    static String value(Pv pv) {
        PvSpec spec = pv.spec();
        Object v = pv.value().value();
        if ((spec.type() == PvType.BOOL || spec.type() == PvType.ENUM) && v instanceof Integer i && i < spec.labels().size()) {
            return i + " (" + spec.labels().get(i) + ")";
        }
        if (v instanceof Double d) {
            return String.format("%." + spec.precision() + "f", d);
        }
        if (v instanceof double[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    static String alarm(PvValue v) {
        return v.severity().name().equals("NO_ALARM") ? "" : v.severity() + "/" + v.alarmStatus();
    }

    static TextTable table(List<Pv> pvs) {
        TextTable t = new TextTable("PV", "TYPE", "ACCESS", "VALUE", "UNIT", "ALARM");
        for (Pv pv : pvs) {
            PvSpec s = pv.spec();
            String access = s.link() != null ? "<- " + s.link().target() : s.writable() ? "rw" : "ro";
            t.row(pv.fullName(), s.type().label(), access, value(pv), s.unit(), alarm(pv.value()));
        }
        return t;
    }
}
