package org.taskhost.runtime.internal.pv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PutRejectedException;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;

class PvImplTest {

    private final List<Object> handed = new ArrayList<>();

    private PvImpl pv(PvSpec spec) {
        return new PvImpl(spec, "P:X:" + spec.name(), (pv, v) -> {
            handed.add(v);
            pv.accept(v);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void alarmsFollowTheLimitsOnEveryUpdate() {
        AlarmLimits limits = new AlarmLimits(5.0, 10.0, 80.0, 90.0, AlarmSeverity.MAJOR, AlarmSeverity.MINOR,
                AlarmSeverity.MINOR, AlarmSeverity.MAJOR);
        PvImpl pv = pv(PvSpec.builder("T", PvType.FLOAT).alarms(limits).initial(50.0).build());
        assertThat(pv.value().severity()).isEqualTo(AlarmSeverity.NO_ALARM);
        pv.set(85);
        assertThat(pv.value()).extracting(PvValue::severity, PvValue::alarmStatus).containsExactly(AlarmSeverity.MINOR, "HIGH");
        pv.set(95);
        assertThat(pv.value()).extracting(PvValue::severity, PvValue::alarmStatus).containsExactly(AlarmSeverity.MAJOR, "HIHI");
        pv.set(3);
        assertThat(pv.value()).extracting(PvValue::severity, PvValue::alarmStatus).containsExactly(AlarmSeverity.MAJOR, "LOLO");
        pv.set(50, AlarmSeverity.INVALID);
        assertThat(pv.value()).extracting(PvValue::severity, PvValue::alarmStatus).containsExactly(AlarmSeverity.INVALID, "SOFT");
    }

    @Test
    void putsAreConvertedAndCheckedBeforeTheOwnerSeesThem() {
        PvImpl mode = pv(PvSpec.builder("MODE", PvType.ENUM).writable(true).labels(List.of("OFF", "ON", "AUTO")).build());
        mode.put("AUTO");
        mode.put(1);
        assertThatThrownBy(() -> mode.put(3)).isInstanceOf(PutRejectedException.class)
            .hasMessage("PV P:X:MODE: expected an index from 0 to 2, got 3");
        PvImpl flag = pv(PvSpec.builder("F", PvType.BOOL).writable(true).labels(List.of("Closed", "Open")).build());
        flag.put("Open");
        flag.put(true);
        assertThatThrownBy(() -> flag.put("maybe")).isInstanceOf(PutRejectedException.class);
        PvImpl text = pv(PvSpec.builder("S", PvType.STRING).writable(true).build());
        assertThatThrownBy(() -> text.put("x".repeat(41))).isInstanceOf(PutRejectedException.class)
            .hasMessage("PV P:X:S: text longer than 40 characters (41)");
        PvImpl whole = pv(PvSpec.builder("I", PvType.INT).writable(true).build());
        assertThatThrownBy(() -> whole.put(1.5)).isInstanceOf(PutRejectedException.class)
            .hasMessage("PV P:X:I: expected a whole number, got 1.5");
        assertThat(handed).containsExactly(2, 1, 1, 1);
    }

    @Test
    void aLinkedInputTakesValuesFromItsLinkOnlyAndIgnoresDriveLimits() {
        List<Object> handed = new ArrayList<>();
        PvImpl pv = new PvImpl(PvSpec.builder("SRC", PvType.FLOAT).writable(true).drive(0.0, 10.0)
                .link(new org.taskhost.api.pv.PvLink("OTHER:PV", org.taskhost.api.pv.PvLink.Mode.MONITOR, 1.0)).build(), "T:SRC",
                (p, v) -> {
                    handed.add(v);
                    return CompletableFuture.completedFuture(null);
                });
        assertThatThrownBy(() -> pv.put(5.0)).isInstanceOf(PutRejectedException.class)
                .hasMessage("PV T:SRC follows OTHER:PV and takes no puts");
        pv.follow("42.5");
        assertThat(handed).containsExactly(42.5);
        assertThatThrownBy(() -> pv.follow("n/a")).isInstanceOf(PutRejectedException.class)
                .hasMessageStartingWith("PV T:SRC: the value of OTHER:PV: expected a number");
        PvImpl plain = new PvImpl(PvSpec.builder("X", PvType.FLOAT).writable(true).build(), "T:X",
                (p, v) -> CompletableFuture.completedFuture(null));
        assertThatThrownBy(() -> plain.follow(1.0)).hasMessage("PV T:X has no link and no point");
    }

    @Test
    void anInputShowingAPointFollowsItsValuesAndStillTakesPuts() {
        List<Object> handed = new ArrayList<>();
        PvImpl pv = new PvImpl(PvSpec.builder("SP", PvType.FLOAT).writable(true).drive(0.0, 10.0)
                .point(new org.taskhost.api.device.PointRef("ahu1", "sp")).build(), "T:SP", (p, v) -> {
                    handed.add(v);
                    p.accept(v);
                    return CompletableFuture.completedFuture(null);
                });
        pv.follow(21.5);
        pv.put(5.0);
        assertThat(handed).as("the point's value is what the device has, outside the drive limits too").containsExactly(21.5, 5.0);
        assertThatThrownBy(() -> pv.follow("warm")).hasMessageStartingWith("PV T:SP: the value of point ahu1/sp:");
    }

    @Test
    void pluginSetCutsLongTextToTheEpicsLimit() {
        PvImpl msg = pv(PvSpec.builder("MESSAGE", PvType.STRING).build());
        msg.set("y".repeat(60));
        assertThat((String) msg.get()).hasSize(39);
    }

    @Test
    void registryRefusesANameThatIsAlreadyServed() {
        PvRegistryImpl registry = new PvRegistryImpl(new org.taskhost.runtime.internal.views.ViewListeners());
        PvImpl a = pv(PvSpec.builder("A", PvType.INT).build());
        PvImpl b = pv(PvSpec.builder("B", PvType.INT).build());
        registry.addAll("one", List.of(a));
        assertThatThrownBy(() -> registry.addAll("two", List.of(b, pv(PvSpec.builder("A", PvType.INT).build()))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("PV P:X:A of plugin two is already served");
        assertThat(registry.all()).containsExactly(a);
        registry.removeAll(List.of(a));
        assertThat(registry.find("P:X:A")).isEmpty();
    }
}
