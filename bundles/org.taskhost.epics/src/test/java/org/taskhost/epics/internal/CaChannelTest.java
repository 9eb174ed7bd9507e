package org.taskhost.epics.internal;

import static org.mockito.Mockito.when;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.mock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.taskhost.epics.internal.HostBlockTest.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;

class CaChannelTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final List<CaChannel> destroyed = new ArrayList<>();

    private final Logger log = mock(Logger.class);

    private static Pv pv(boolean writable) {
        PvSpec spec = PvSpec.builder("SETPOINT", PvType.FLOAT).writable(writable).build();
        Pv pv = mock(Pv.class);
        when(pv.spec()).thenReturn(spec);
        return pv;
    }

    private CaChannel channel(boolean writable, String allowed) throws Exception {
        WriteAllowList list = new WriteAllowList(List.of(HostBlock.parse(allowed).orElseThrow()), null);
        var client = ip("192.0.2.50");
        WriteGate gate = new WriteGate(list, c -> {
            lookups.incrementAndGet();
            return client;
        }, log);
        return new CaChannel(WriteGateTest.PV, pv(writable), 1, 1, "ops", "claimed", gate, destroyed::add);
    }

    @Test
    void aRefusedClientIsDecidedAndLoggedOnceHoweverManyWritesItTries() throws Exception {
        CaChannel refused = channel(true, "127.0.0.1");
        for (int i = 0; i < 1000; i++) {
            assertThat(refused.writeAccess()).isFalse();
        }
        assertThat(lookups).hasValue(1);
        assertThat(mockingDetails(log).getInvocations()).hasSize(1);
        assertThat(refused.readAccess()).as("reads stay open").isTrue();
    }

    @Test
    void anAllowedClientWritesAWritablePvOnly() throws Exception {
        assertThat(channel(true, "192.0.2.0/24").writeAccess()).isTrue();
        assertThat(channel(false, "192.0.2.0/24").writeAccess()).as("an output").isFalse();
        assertThat(lookups).as("a read-only PV asks nothing of the client").hasValue(1);
    }

    @Test
    void aDestroyedChannelLeavesItsPv() throws Exception {
        CaChannel c = channel(true, "127.0.0.1");
        c.destroy();
        assertThat(destroyed).containsExactly(c);
    }
}
