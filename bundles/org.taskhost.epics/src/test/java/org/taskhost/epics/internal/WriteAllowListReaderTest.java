package org.taskhost.epics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskhost.epics.internal.HostBlockTest.ip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WriteAllowListReaderTest {

    private final List<String> problems = new ArrayList<>();

    /** Knows two names, as a site's DNS would; every other name does not resolve. */
    private static InetAddress[] dns(String name) throws UnknownHostException {
        return switch (name) {
            case "console" -> new InetAddress[] {InetAddress.getByAddress(name, new byte[] {10, 1, 2, 3})};
            case "dual" -> new InetAddress[] {InetAddress.getByAddress(name, new byte[] {10, 1, 2, 4}),
                InetAddress.getByName("fd00::4")};
            default -> throw new UnknownHostException(name);
        };
    }

    /** hosts and users as etc/ gives them: lists of the variable's comma-separated parts, or one line of the file */
    private WriteAllowList read(Object hosts, Object users) {
        return WriteAllowListReader.read(CaSettingsTest.config(Map.of("writeHosts", hosts, "writeUsers", users)),
                WriteAllowListReaderTest::dns, problems::add);
    }

    @Test
    void byDefaultAnyoneMayWriteAsOnAnIocWithoutAccessSecurity() throws Exception {
        WriteAllowList list = read("*", "*");
        assertThat(list).isEqualTo(WriteAllowList.ANYONE);
        assertThat(list.allows(ip("203.0.113.9"), "anyone")).isTrue();
        assertThat(list.describe()).isEqualTo("writes from any host");
        assertThat(read(new String[] {" "}, "")).as("empty is the default").isEqualTo(WriteAllowList.ANYONE);
        assertThat(problems).isEmpty();
    }

    @Test
    void addressesBlocksAndNamesSeparatedByCommasOrSpaces() throws Exception {
        WriteAllowList list = read(new String[] {"127.0.0.1", " 10.0.0.0/8 fd00::/8", "console"},
                new String[] {"ops", "alice"});
        assertThat(problems).isEmpty();
        assertThat(list.allows(ip("127.0.0.1"), "ops")).isTrue();
        assertThat(list.allows(ip("10.9.9.9"), "alice")).isTrue();
        assertThat(list.allows(ip("fd00::77"), "ops")).isTrue();
        assertThat(list.allows(ip("192.0.2.1"), "ops")).isFalse();
        assertThat(list.allows(ip("127.0.0.1"), "bob")).isFalse();
        assertThat(list.allows(ip("127.0.0.1"), "OPS")).as("user names are compared as sent").isFalse();
        assertThat(list.allows(null, "ops")).as("an unknown client address is no host in the list").isFalse();
        assertThat(list.describe()).isEqualTo("writes from 127.0.0.1, 10.0.0.0/8, fd00::/8, console (10.1.2.3) by users alice, ops");
    }

    @Test
    void aHostNameLetsInEachOfItsAddresses() throws Exception {
        WriteAllowList list = read("dual", "*");
        assertThat(list.allows(ip("10.1.2.4"), "x")).isTrue();
        assertThat(list.allows(ip("fd00::4"), "x")).isTrue();
        assertThat(list.allows(ip("10.1.2.5"), "x")).isFalse();
    }

    @Test
    void badEntriesAreReportedAndLeftOutNeverWidening() throws Exception {
        WriteAllowList list = read("127.0.0.1,foo..bar,nowhere,10.1,10.0.0.0/33,*", "*");
        assertThat(problems).containsExactly(
                "TASKHOST_CA_WRITE_HOSTS entry 2 'foo..bar': not an address, CIDR block or resolvable host name; left out",
                "TASKHOST_CA_WRITE_HOSTS entry 3 'nowhere': not an address, CIDR block or resolvable host name; left out",
                "TASKHOST_CA_WRITE_HOSTS entry 4 '10.1': not an IPv4 or IPv6 address; left out",
                "TASKHOST_CA_WRITE_HOSTS entry 5 '10.0.0.0/33': the prefix length must be a number from 0 to 32; left out",
                "TASKHOST_CA_WRITE_HOSTS entry 6 '*': '*' and 'none' stand alone, never in a list; left out");
        assertThat(list.allows(ip("127.0.0.1"), "x")).isTrue();
        assertThat(list.allows(ip("10.0.0.1"), "x")).isFalse();
        assertThat(list.allows(ip("203.0.113.9"), "x")).isFalse();
        assertThat(list.describe()).isEqualTo("writes from 127.0.0.1");
    }

    @Test
    void whenEveryEntryIsBadNobodyMayWrite() throws Exception {
        WriteAllowList list = read("foo..bar 300.1.1.1", "*");
        assertThat(problems).containsExactly(
                "TASKHOST_CA_WRITE_HOSTS entry 1 'foo..bar': not an address, CIDR block or resolvable host name; left out",
                "TASKHOST_CA_WRITE_HOSTS entry 2 '300.1.1.1': not an IPv4 address (four numbers 0-255, no leading zeros); left out",
                "TASKHOST_CA_WRITE_HOSTS has no valid entry: nobody may write over Channel Access");
        assertThat(list.allows(ip("127.0.0.1"), "x")).isFalse();
        assertThat(list.describe()).isEqualTo("writes from no host");
    }

    @Test
    void noneLetsNobodyWrite() throws Exception {
        WriteAllowList hosts = read("none", "*");
        assertThat(hosts.allows(ip("127.0.0.1"), "x")).isFalse();
        WriteAllowList users = read("*", new String[] {"NONE"});
        assertThat(users.allows(ip("127.0.0.1"), "x")).isFalse();
        assertThat(users.describe()).isEqualTo("writes from any host by no user");
        assertThat(problems).isEmpty();
    }

    @Test
    void aUserListAloneNeedsNoAddress() throws Exception {
        WriteAllowList list = read("*", "ops");
        assertThat(list.needsAddress()).isFalse();
        assertThat(list.allows(null, "ops")).isTrue();
        assertThat(list.refusal(null, "eve")).isEqualTo("its user is not in the write allow-list");
        assertThat(list.describe()).isEqualTo("writes from any host by users ops");
    }

    @Test
    void aPlaceholderLeftUnreplacedLetsNobodyWrite() throws Exception {
        WriteAllowList list = read("$[env:TASKHOST_CA_WRITE_HOSTS]", "*");
        assertThat(list.allows(ip("127.0.0.1"), "x")).isFalse();
        assertThat(problems).singleElement().asString().startsWith("TASKHOST_CA_WRITE_HOSTS: the placeholder")
                .endsWith(": nobody may write over Channel Access");
    }
}
