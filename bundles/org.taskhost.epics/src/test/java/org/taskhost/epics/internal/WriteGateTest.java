package org.taskhost.epics.internal;

import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.mock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.taskhost.epics.internal.HostBlockTest.ip;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import gov.aps.jca.CAStatus;
import gov.aps.jca.dbr.DBR;
import gov.aps.jca.dbr.DBRType;
import gov.aps.jca.cas.ProcessVariable;
import gov.aps.jca.cas.ProcessVariableReadCallback;
import gov.aps.jca.cas.ProcessVariableWriteCallback;
import gov.aps.jca.cas.ServerChannel;

class WriteGateTest {

    private final AtomicInteger lookups = new AtomicInteger();

    private final Logger log = mock(Logger.class);

    /** @return the texts the gate logged at DEBUG, in order */
    private List<String> debug() {
        return mockingDetails(log).getInvocations().stream().filter(i -> i.getMethod().getName().equals("debug"))
                .map(i -> (String) i.getArgument(0)).toList();
    }

    static final ProcessVariable PV = new ProcessVariable("BL:P:SETPOINT", null) {
        public DBRType getType() { return DBRType.DOUBLE; }
        public CAStatus read(DBR value, ProcessVariableReadCallback callback) { return CAStatus.NORMAL; }
        public CAStatus write(DBR value, ProcessVariableWriteCallback callback) { return CAStatus.NORMAL; }
    };

    private WriteGate gate(WriteAllowList list, InetAddress client) {
        return new WriteGate(list, channel -> {
            lookups.incrementAndGet();
            return client;
        }, log);
    }

    @Test
    void theHostCheckUsesTheConnectionsAddressNotTheClaimedHostName() throws Exception {
        WriteAllowList list = new WriteAllowList(List.of(HostBlock.parse("127.0.0.1").orElseThrow()), null);
        ServerChannel claimsLocalhost = new ServerChannel(PV, 1, 1, "ops", "127.0.0.1");
        assertThat(gate(list, ip("192.0.2.50")).allows(claimsLocalhost, "ops")).isFalse();
        assertThat(debug()).containsExactly(
                "CA client 192.0.2.50 user 'ops' may not write BL:P:SETPOINT: its host is not in the write allow-list");
        assertThat(gate(list, ip("127.0.0.1")).allows(new ServerChannel(PV, 2, 2, "ops", "elsewhere"), "ops")).isTrue();
    }

    @Test
    void aChannelNoConnectionHoldsIsRefused() throws Exception {
        WriteAllowList list = new WriteAllowList(List.of(HostBlock.parse("0.0.0.0/0").orElseThrow()), null);
        assertThat(gate(list, null).allows(new ServerChannel(PV, 1, 1, "ops", "h"), "ops")).isFalse();
    }

    @Test
    void withoutAHostListNoConnectionIsSearched() throws Exception {
        assertThat(gate(WriteAllowList.ANYONE, ip("192.0.2.50")).allows(new ServerChannel(PV, 1, 1, "u", "h"), "u")).isTrue();
        WriteGate users = gate(new WriteAllowList(null, Set.of("ops")), ip("192.0.2.50"));
        assertThat(users.allows(new ServerChannel(PV, 2, 2, "ops", "h"), "ops")).isTrue();
        assertThat(users.allows(new ServerChannel(PV, 3, 3, "eve", "h"), "eve")).isFalse();
        assertThat(lookups).hasValue(0);
    }
}
