package org.taskhost.epics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class HostBlockTest {

    static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    static HostBlock block(String entry) {
        return HostBlock.parse(entry).orElseThrow();
    }

    @Test
    void anIpv4AddressMatchesItselfOnly() throws Exception {
        HostBlock b = block("127.0.0.1");
        assertThat(b.matches(ip("127.0.0.1"))).isTrue();
        assertThat(b.matches(ip("127.0.0.2"))).isFalse();
        assertThat(b.matches(ip("::1"))).isFalse();
        assertThat(b).hasToString("127.0.0.1");
    }

    @Test
    void anIpv4BlockMatchesItsPrefix() throws Exception {
        HostBlock b = block("10.0.0.0/8");
        assertThat(b.matches(ip("10.255.1.2"))).isTrue();
        assertThat(b.matches(ip("11.0.0.1"))).isFalse();
        HostBlock odd = block("192.168.4.0/22");
        assertThat(odd.matches(ip("192.168.7.255"))).isTrue();
        assertThat(odd.matches(ip("192.168.8.0"))).isFalse();
        assertThat(block("0.0.0.0/0").matches(ip("203.0.113.9"))).isTrue();
        assertThat(block("0.0.0.0/0").matches(ip("fd00::1"))).as("an IPv4 block holds no IPv6 client").isFalse();
    }

    @Test
    void ipv6AddressesAndBlocks() throws Exception {
        assertThat(block("::1").matches(ip("::1"))).isTrue();
        assertThat(block("::1").matches(ip("127.0.0.1"))).isFalse();
        HostBlock b = block("fd00::/8");
        assertThat(b.matches(ip("fd12:3456::7"))).isTrue();
        assertThat(b.matches(ip("fe80::1"))).isFalse();
        assertThat(block("2001:db8::/32").matches(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(block("2001:db8::/32").matches(ip("2001:db9::1"))).isFalse();
    }

    @Test
    void aNameIsNoLiteral() {
        assertThat(HostBlock.parse("ops-console")).isEmpty();
        assertThat(HostBlock.parse("ops.example.org")).isEmpty();
    }

    @Test
    void looseLiteralsThatJavaWouldWidenAreRefused() {
        // InetAddress would read these as 10.0.0.1, 127.0.0.1 and 10.0.0.1: a typo must not let in other hosts
        for (String loose : new String[] {"10.1", "127.1", "010.0.0.1", "10.0.0.256", "1.2.3.4.5", "10..0.1"}) {
            assertThatThrownBy(() -> HostBlock.parse(loose)).as(loose).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> HostBlock.parse("1:2:3:4:5:6:7:8:9")).hasMessage("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> HostBlock.parse("fe80::1%eth0")).hasMessage("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> HostBlock.parse("::ffff:10.0.0.1")).hasMessageContaining("IPv4-mapped");
    }

    @Test
    void badPrefixesAreRefused() {
        assertThatThrownBy(() -> HostBlock.parse("10.0.0.0/33")).hasMessage("the prefix length must be a number from 0 to 32");
        assertThatThrownBy(() -> HostBlock.parse("fd00::/129")).hasMessage("the prefix length must be a number from 0 to 128");
        assertThatThrownBy(() -> HostBlock.parse("10.0.0.0/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostBlock.parse("10.0.0.0/-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostBlock.parse("ops-console/24")).hasMessage("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> HostBlock.parse("10.1.2.3/8")).hasMessage("address bits set after the prefix; the block is 10.0.0.0/8");
    }

    @Test
    void aResolvedAddressIsABlockOfOne() throws Exception {
        HostBlock b = HostBlock.of(ip("192.0.2.7"), "console (192.0.2.7)");
        assertThat(b.matches(ip("192.0.2.7"))).isTrue();
        assertThat(b.matches(ip("192.0.2.8"))).isFalse();
        assertThat(b).hasToString("console (192.0.2.7)");
    }
}
