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
     * @param entry {@code role:token}
     * @throws IllegalArgumentException naming the entry's position, never the token
     */
    void addEntry(String entry, int position) {
        int colon = entry.indexOf(':');
        Optional<Role> role = colon > 0 ? Role.parse(entry.substring(0, colon)) : Optional.empty();
        if (role.isEmpty() || colon == entry.length() - 1) {
            throw new IllegalArgumentException("token entry " + position + " must be role:token with role read, operate, deploy or admin");
        }
        add(role.get(), entry.substring(colon + 1));
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
