package org.taskhost.mqtt.internal;

import static org.mockito.Mockito.when;
import static org.mockito.Mockito.mock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PluginInfo;

class MqttPvValuesTest {

    private final List<PluginInfo> model = new CopyOnWriteArrayList<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final MqttPvValues values = new MqttPvValues(new PluginRuntimeStub(() -> List.copyOf(model)), new MqttSettings("tcp://b:1883", "c", null, null, "th", "n1"),
            0, (task, nanos) -> task.run(), (topic, payload) -> published.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));

    @Test
    void aValueGoesOutUnderThePluginThatOwnsItsPrefix() {
        model.add(plugin("monitor", "BL:MON"));

        values.changed(pv("BL:MON:TEMP", "TEMP"), value(21.5));

        assertThat(published).singleElement().asString().startsWith("th/n1/plugins/monitor/pvs/TEMP {").contains("21.5");
    }

    @Test
    void aPrefixTakenOverByAnotherPluginIsPublishedUnderTheNewOneBeforeAnyLifecycleEvent() {
        model.add(plugin("old", "BL:SHARED"));
        values.changed(pv("BL:SHARED:X", "X"), value(1));
        model.clear();
        model.add(plugin("new", "BL:SHARED"));

        values.changed(pv("BL:SHARED:X", "X"), value(2));

        assertThat(published).hasSize(2);
        assertThat(published.get(0)).startsWith("th/n1/plugins/old/pvs/X ");
        assertThat(published.get(1)).startsWith("th/n1/plugins/new/pvs/X ");
    }

    @Test
    void aPvOfNoPluginIsNotPublished() {
        model.add(plugin("monitor", "BL:MON"));

        values.changed(pv("OTHER:TEMP", "TEMP"), value(3));
        values.changed(pv("TEMP", "TEMP"), value(4));

        assertThat(published).isEmpty();
    }

    private static PvValue value(double v) {
        return new PvValue(v, Instant.parse("2026-12-01T12:00:00Z"), AlarmSeverity.NO_ALARM, null);
    }

    private static Pv pv(String fullName, String name) {
        Pv pv = mock(Pv.class, fullName);
        when(pv.fullName()).thenReturn(fullName);
        when(pv.name()).thenReturn(name);
        return pv;
    }

    private static PluginInfo plugin(String name, String prefix) {
        PluginInfo info = mock(PluginInfo.class, name);
        when(info.name()).thenReturn(name);
        when(info.pvPrefix()).thenReturn(prefix);
        return info;
    }
}
