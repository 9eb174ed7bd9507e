package org.taskhost.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.taskhost.api.settings.Setting;

/**
 * What the authentication filter reads when it starts. Reading never fails: a malformed token entry is left out and
 * named by its place (never its token), and when the admin token cannot be had, or a token setting cannot be read (a
 * placeholder of etc/org.taskhost.rest.cfg left unreplaced), the API is closed, every protected request refused,
 * because a filter that failed to start would leave the whiteboard's resources unguarded.
 *
 * @param tokens the tokens that were read
 * @param openReads GET requests need no token
 * @param adminToken the admin token's file, null when even its place is unknown
 * @param problems what was left out, and why
 * @param closed why every protected request is refused, empty when the API is open to its tokens
 */
record AuthSettings(TokenStore tokens, boolean openReads, Path adminToken, List<String> problems, Optional<String> closed) {

    static final String TOKENS = "TASKHOST_TOKENS";
    static final String OPEN_READS = "TASKHOST_OPEN_READS";

    /**
     * @param config the configuration
     * @param data the data directory, where the admin token is
     */
    static AuthSettings read(RestConfig config, Path data) {
        TokenStore tokens = new TokenStore();
        List<String> problems = new ArrayList<>();
        Path admin = null;
        String closed = null;
        try {
            admin = data.resolve("admin.token");
            TokenStore.ensureAdminToken(data);
            String token = Files.readString(admin).trim();
            if (token.isEmpty()) {
                closed = "the admin token file " + admin + " is empty";
            }
            tokens.add(Role.ADMIN, token);
        } catch (IOException | RuntimeException e) {
            closed = "the admin token " + (admin == null ? "" : admin + " ") + "cannot be written or read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        try {
            addAll(tokens, Setting.list("tokens", config.tokens()), "tokens", problems);
            addAll(tokens, Setting.list(TOKENS, config.tokensFromEnvironment()), TOKENS, problems);
        } catch (RuntimeException e) {
            closed = closed != null ? closed : "a token setting cannot be read: " + e.getMessage();
        }
        return new AuthSettings(tokens, openReads(config, problems), admin, List.copyOf(problems), Optional.ofNullable(closed));
    }

    /** Entries are comma-separated wherever they come from; an empty one (a trailing comma) is no entry. */
    private static void addAll(TokenStore tokens, List<String> entries, String source, List<String> problems) {
        int n = 0;
        for (String entry : entries) {
            tokens.addEntry(entry, source + " entry " + ++n).ifPresent(problems::add);
        }
    }

    /** Only {@code true} opens reads: a value that is neither true nor false keeps them closed and is reported. */
    private static boolean openReads(RestConfig config, List<String> problems) {
        String open;
        try {
            open = Setting.text(OPEN_READS, config.openReads());
        } catch (RuntimeException e) {
            problems.add(e.getMessage() + "; reads need a token");
            return false;
        }
        String value = open.toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false") && !value.isEmpty()) {
            problems.add(OPEN_READS + ": '" + open + "' is neither true nor false; reads need a token");
        }
        return value.equals("true");
    }
}
