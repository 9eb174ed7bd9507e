package org.taskhost.epics.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may write PVs over Channel Access, as the host and user access groups (HAG, UAG) of an IOC's access security file:
 * a write needs both the client's host and its user in the list. The host is the client's real address, read from its
 * connection; the user is the name the client claims, since CA has no authentication.
 *
 * @param hosts the blocks of client addresses that may write (empty: none), or null for any host
 * @param users the user names that may write (empty: none), or null for any user
 */
record WriteAllowList(List<HostBlock> hosts, Set<String> users) {

    /** What an IOC without an access security file allows. */
    static final WriteAllowList ANYONE = new WriteAllowList(null, null);

    WriteAllowList {
        hosts = hosts == null ? null : List.copyOf(hosts);
        users = users == null ? null : Set.copyOf(users);
    }

    /** @return whether deciding needs the client's address, which takes a search through the server's connections */
    boolean needsAddress() {
        return hosts != null;
    }

    /**
     * @param client the client's address; null when it is unknown, which no host list lets in
     * @param user the user name the client claimed
     */
    boolean allows(InetAddress client, String user) {
        return refusal(client, user) == null;
    }

    /** @return why a client may not write, for the log line of a refused channel; null when it may */
    String refusal(InetAddress client, String user) {
        if (hosts != null && (client == null || hosts.stream().noneMatch(b -> b.matches(client)))) {
            return "its host is not in the write allow-list";
        }
        if (users != null && (user == null || !users.contains(user))) {
            return "its user is not in the write allow-list";
        }
        return null;
    }

    /** @return for the start line: {@code writes from any host}, {@code writes from 127.0.0.1, 10.0.0.0/8 by users ops} */
    String describe() {
        String from = hosts == null ? "any host" : hosts.isEmpty() ? "no host" : join(hosts.stream().map(HostBlock::toString).toList());
        if (users == null) {
            return "writes from " + from;
        }
        return "writes from " + from + " by " + (users.isEmpty() ? "no user" : "users " + join(users.stream().sorted().toList()));
    }

    private static String join(List<String> items) {
        return items.stream().distinct().collect(Collectors.joining(", "));
    }
}
