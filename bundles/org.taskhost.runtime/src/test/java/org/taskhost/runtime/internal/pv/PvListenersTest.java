package org.taskhost.runtime.internal.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;

/** A listener added to one PV: told on its own thread, in order, never holding up the setter. */
class PvListenersTest {

    private final PvImpl pv = new PvImpl(PvSpec.builder("N", PvType.INT).build(), "P:X:N", (p, v) -> CompletableFuture.completedFuture(null));
    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        pv.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as(what + " within 10 s").isNegative();
            Thread.sleep(5);
        }
    }

    /** Records each value; stops at the first value until released. */
    private PvListener stallingAtFirst(CountDownLatch inListener) {
        return (p, v) -> {
            seen.add(v.value());
            inListener.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void aListenerGetsEveryValueInOrderOnAThreadOfItsOwn() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        pv.addListener((p, v) -> {
            threads.add(Thread.currentThread());
            seen.add(v.value());
        });
        pv.set(1);
        pv.set("2");
        await("two values", () -> seen.size() == 2);
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(threads).doesNotContain(Thread.currentThread()).allSatisfy(t -> assertThat(t.getName()).isEqualTo("pv-listener-P:X:N"));
    }

    @Test
    void aStuckListenerHoldsUpNeitherTheSetterNorAnotherListenerAndKeepsOnlyTheNewestValues() throws Exception {
        CountDownLatch inListener = new CountDownLatch(1);
        List<Object> other = new CopyOnWriteArrayList<>();
        pv.addListener(stallingAtFirst(inListener));
        pv.addListener((p, v) -> other.add(v.value()));
        pv.set(0);
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
        // the setter returns although the first listener is stuck: this loop ends
        for (int i = 1; i <= 100; i++) {
            pv.set(i);
        }
        await("the other listener's newest value", () -> other.contains(100L));
        assertThat(other).isSorted().hasSizeGreaterThanOrEqualTo(PvImpl.LISTENER_BACKLOG);
        release.countDown();
        int kept = PvImpl.LISTENER_BACKLOG;
        await("the stuck listener's newest values", () -> seen.size() == 1 + kept);
        assertThat(seen.subList(1, seen.size())).first().isEqualTo(100L - kept + 1);
        assertThat(seen).last().isEqualTo(100L);
    }

    @Test
    void aListenerThatThrowsKeepsReceiving() throws Exception {
        pv.addListener((p, v) -> {
            seen.add(v.value());
            if (v.value().equals(1L)) {
                throw new IllegalStateException("one");
            }
        });
        pv.set(1);
        pv.set(2);
        await("both values", () -> seen.size() == 2);
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void aRemovedListenerAndTheListenersOfAPvThatWentAwayAreToldNothingMore() throws Exception {
        List<Object> removed = new CopyOnWriteArrayList<>();
        PvListener gone = (p, v) -> removed.add(v.value());
        pv.addListener(gone);
        pv.addListener((p, v) -> seen.add(v.value()));
        pv.set(1);
        await("the first value", () -> removed.size() == 1 && seen.size() == 1);
        pv.removeListener(gone);
        assertThat(pv.listeners()).isEqualTo(1);
        pv.set(2);
        await("the second value", () -> seen.size() == 2);
        pv.close();
        assertThat(pv.listeners()).isZero();
        pv.set(3);
        pv.addListener((p, v) -> seen.add(v.value()));
        assertThat(pv.listeners()).as("a listener added to a PV that went away has no thread").isZero();
        pv.set(4);
        assertThat(removed).containsExactly(1L);
        assertThat(seen).containsExactly(1L, 2L);
    }
}
