package org.taskhost.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens and their roles. Only SHA-256 digests are held in memory. At the first start an admin token
 * is generated into {@code <data>/admin.token} (mode 0600); more tokens come as {@code role:token} entries
 * (environment {@code TASKHOST_TOKENS}, comma-separated, or the {@code tokens} configuration).
 */
final class TokenStore {

    private final Map<String, Role> byDigest = new HashMap<>();

    /** @return the admin token file, created with a new random token when missing */
    static Path ensureAdminToken(Path data) throws IOException {
        Path file = data.resolve("admin.token");
        if (!Files.exists(file)) {
            Files.createDirectories(data);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Path tmp = Files.createTempFile(data, "admin", ".token",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
            Files.move(tmp, file);
        }
        return file;
    }

    void add(Role role, String token) {
        if (token != null && !token.isBlank()) {
            byDigest.put(digest(token.trim()), role);
        }
    }

    /**
     * Adds a {@code role:token} entry, or says why it was left out.
     *
     * @param entry {@code role:token}
     * @param where the entry's place, such as {@code TASKHOST_TOKENS entry 2}
     * @return the problem, naming the place and at most a role-like prefix, never the token
     */
    Optional<String> addEntry(String entry, String where) {
        int colon = entry.indexOf(':');
        String prefix = colon > 0 ? entry.substring(0, colon).trim() : "";
        Optional<Role> role = Role.parse(prefix);
        if (role.isPresent() && !entry.substring(colon + 1).isBlank()) {
            add(role.get(), entry.substring(colon + 1));
            return Optional.empty();
        }
        String shown = role.isPresent() ? "role '" + prefix + "' with an empty token"
                : colon < 0 ? "no role: prefix"
                : prefix.matches("[A-Za-z]{1,12}") ? "unknown role '" + prefix + "'" : "no role: prefix";
        return Optional.of(where + ": " + shown + "; an entry is role:token with role read, operate, deploy or admin. It was left out");
    }

    boolean isEmpty() {
        return byDigest.isEmpty();
    }

    Optional<Role> roleOf(String token) {
        return Optional.ofNullable(byDigest.get(digest(token.trim())));
    }

    static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
