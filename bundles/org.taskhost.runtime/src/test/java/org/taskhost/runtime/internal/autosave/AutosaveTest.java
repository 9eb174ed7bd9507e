package org.taskhost.runtime.internal.autosave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.runtime.internal.pv.DefaultPvs;
import org.taskhost.runtime.internal.pv.PvImpl;

class AutosaveTest {

    @TempDir
    Path dir;

    private final ManagedPlugin plugin = mock(ManagedPlugin.class);

    private ManagedPlugin plugin(String name) {
        when(plugin.name()).thenReturn(name);
        return plugin;
    }

    private static List<Pv> pvs() {
        List<Pv> pvs = new ArrayList<>();
        for (PvSpec spec : DefaultPvs.task("1")) {
            pvs.add(new PvImpl(spec, "T:" + spec.name(), (pv, v) -> CompletableFuture.completedFuture(null)));
        }
        pvs.add(new PvImpl(PvSpec.builder("GAIN", PvType.FLOAT).writable(true).initial(1.0).drive(0.0, 10.0).build(), "T:GAIN",
                (pv, v) -> CompletableFuture.completedFuture(null)));
        pvs.add(new PvImpl(PvSpec.builder("TRACE", PvType.WAVEFORM).writable(true).length(4).build(), "T:TRACE",
                (pv, v) -> CompletableFuture.completedFuture(null)));
        pvs.add(new PvImpl(PvSpec.builder("OUT", PvType.FLOAT).initial(0.0).build(), "T:OUT",
                (pv, v) -> CompletableFuture.completedFuture(null)));
        return pvs;
    }

    private static Pv find(List<Pv> pvs, String name) {
        return pvs.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void keepsEnableAndInputsButNeitherPulsesNorOutputs() {
        assertThat(Autosave.kept(pvs())).extracting(Pv::name).containsExactly("ENABLE", "GAIN", "TRACE");
    }

    @Test
    void aChangedValueIsWrittenAndSetAgainOnTheNextStart() throws Exception {
        try (Autosave autosave = new Autosave(dir)) {
            List<Pv> first = pvs();
            autosave.attach(plugin("t"), first);
            find(first, "GAIN").set(7.5);
            find(first, "TRACE").set(new double[] {1, 2});
            find(first, "ENABLE").set(0);
            find(first, "OUT").set(3.0);
            autosave.detach("t", first);
        }
        assertThat(Files.readString(dir.resolve("t.yaml"))).contains("GAIN: 7.5", "ENABLE: 0").doesNotContain("OUT", "RUN");
        clearInvocations(plugin);
        try (Autosave autosave = new Autosave(dir)) {
            List<Pv> second = pvs();
            autosave.attach(plugin("t"), second);
            assertThat(find(second, "GAIN").get()).isEqualTo(7.5);
            assertThat((double[]) find(second, "TRACE").get()).containsExactly(1, 2);
            assertThat(find(second, "ENABLE").get()).isEqualTo(0);
            assertThat(find(second, "OUT").get()).isEqualTo(0.0);
            verify(plugin).disable();
        }
    }

    @Test
    void aChangeIsWrittenWhileThePluginRuns() throws Exception {
        try (Autosave autosave = new Autosave(dir)) {
            List<Pv> pvs = pvs();
            autosave.attach(plugin("t"), pvs);
            find(pvs, "GAIN").set(2.5);
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(dir.resolve("t.yaml")) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(Files.readString(dir.resolve("t.yaml"))).as("written within 10 s").contains("GAIN: 2.5");
            autosave.detach("t", pvs);
        }
    }

    @Test
    void nothingIsWrittenForAPluginWhoseValuesDidNotChange() throws Exception {
        try (Autosave autosave = new Autosave(dir)) {
            List<Pv> pvs = pvs();
            autosave.attach(plugin("t"), pvs);
            find(pvs, "OUT").set(4.0);
            find(pvs, "GAIN").set(1.0);
            autosave.detach("t", pvs);
        }
        assertThat(dir.resolve("t.yaml")).doesNotExist();
    }

    @Test
    void aSavedValueOutsideTheNewDriveLimitsOrOfAnotherTypeIsSkipped() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), "GAIN: 12.0\nTRACE: nonsense\nENABLE: 1\n");
        try (Autosave autosave = new Autosave(dir)) {
            List<Pv> pvs = pvs();
            autosave.attach(plugin("t"), pvs);
            assertThat(find(pvs, "GAIN").get()).isEqualTo(1.0);
            assertThat(find(pvs, "ENABLE").get()).isEqualTo(1);
            verify(plugin, never()).disable();
        }
    }

    @Test
    void anUnreadableFileStartsThePluginWithItsConfigValues() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), "GAIN: [unclosed\n");
        try (Autosave autosave = new Autosave(dir)) {
            List<Pv> pvs = pvs();
            autosave.attach(plugin("t"), pvs);
            assertThat(find(pvs, "GAIN").get()).isEqualTo(1.0);
        }
    }
}
