package org.taskhost.epics.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.taskhost.api.settings.Setting;

/**
 * Reads the write allow-list from {@code writeHosts} and {@code writeUsers} of {@code org.taskhost.epics}, into which
 * etc/ maps {@code TASKHOST_CA_WRITE_HOSTS} and {@code TASKHOST_CA_WRITE_USERS}, the names problems are reported by.
 * Each is {@code *} (anyone, the default), {@code none}, or a list separated by commas or spaces. Host entries are IPv4 or IPv6
 * addresses, CIDR blocks, or host names, resolved once here as an IOC does with {@code asCheckClientIP}.
 * <p>
 * Fail closed: a bad entry is reported, with its field, number and problem, and left out; it never reads as "any".
 * A list whose every entry is bad lets nobody write.
 */
final class WriteAllowListReader {

    static final String HOSTS = "TASKHOST_CA_WRITE_HOSTS";
    static final String USERS = "TASKHOST_CA_WRITE_USERS";

    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    /** Host name lookup; {@link InetAddress#getAllByName} outside tests. */
    interface Resolver {
        InetAddress[] resolve(String name) throws UnknownHostException;
    }

    private WriteAllowListReader() {
    }

    /** @param problems gets one line per bad entry, and one when a list is left with no entry */
    static WriteAllowList read(CaServerConfig config, Resolver resolver, Consumer<String> problems) {
        List<HostBlock> hosts = entries(HOSTS, config.writeHosts(), problems, e -> hostEntry(e, resolver));
        List<String> users = entries(USERS, config.writeUsers(), problems, List::of);
        return new WriteAllowList(hosts, users == null ? null : new LinkedHashSet<>(users));
    }

    /** @return the allowed items, empty for none, or null for anyone */
    private static <T> List<T> entries(String field, String[] configured, Consumer<String> problems, Function<String, List<T>> reader) {
        String value;
        try {
            value = String.join(",", Setting.list(field, configured));
        } catch (IllegalArgumentException e) {
            problems.accept(e.getMessage() + ": nobody may write over Channel Access");
            return List.of();
        }
        if (value.isEmpty() || value.equals("*")) {
            return null;
        }
        if (value.equalsIgnoreCase("none")) {
            return List.of();
        }
        String[] parts = value.split("[,\\s]+");
        List<T> allowed = new ArrayList<>();
        int number = 0;
        for (String entry : parts) {
            if (entry.isEmpty()) {
                continue;
            }
            number++;
            try {
                if (entry.equals("*") || entry.equalsIgnoreCase("none")) {
                    throw new IllegalArgumentException("'*' and 'none' stand alone, never in a list");
                }
                allowed.addAll(reader.apply(entry));
            } catch (IllegalArgumentException e) {
                problems.accept(field + " entry " + number + " '" + entry + "': " + e.getMessage() + "; left out");
            }
        }
        if (allowed.isEmpty()) {
            problems.accept(field + " has no valid entry: nobody may write over Channel Access");
        }
        return allowed;
    }

    private static List<HostBlock> hostEntry(String entry, Resolver resolver) {
        var literal = HostBlock.parse(entry);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        String bad = "not an address, CIDR block or resolvable host name";
        if (!HOST_NAME.matcher(entry).matches()) {
            throw new IllegalArgumentException(bad);
        }
        InetAddress[] found;
        try {
            found = resolver.resolve(entry);
        } catch (UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException(bad);
        }
        if (found == null || found.length == 0) {
            throw new IllegalArgumentException(bad);
        }
        List<HostBlock> blocks = new ArrayList<>();
        for (InetAddress a : found) {
            blocks.add(HostBlock.of(a, entry + " (" + a.getHostAddress() + ")"));
        }
        return blocks;
    }
}
