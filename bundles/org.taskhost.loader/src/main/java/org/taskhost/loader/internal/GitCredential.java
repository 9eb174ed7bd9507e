package org.taskhost.loader.internal;

import java.util.Objects;

/**
 * What one clone authenticates with: a user name and a secret, from {@code pat} or from the user part of a
 * {@code git_url}. It lives in memory for that clone, and in a 0600 file only when {@code keep_pat} asks; it never
 * reaches the stored configuration, a message or a log line, so it has no readable {@link #toString()}.
 *
 * @param username the user name JGit sends ({@link #TOKEN_USER} for a lone token)
 * @param secret the password or token, not empty
 * @param raw the user part as written in the URL (percent-encoded), or null: masked in messages too
 */
record GitCredential(String username, String secret, String raw) {

    /**
     * The user name sent with a lone token: GitHub and GitLab read only the password of a personal access token, and
     * iocmng's {@code https://<PAT>@host} form carried no user.
     */
    static final String TOKEN_USER = "taskhost";
    private static final String MASK = "***";

    GitCredential {
        Objects.requireNonNull(username, "username");
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a credential needs a secret");
        }
    }

    /** @return a lone token (a {@code pat}, or {@code https://<token>@host}) */
    static GitCredential token(String token) {
        return new GitCredential(TOKEN_USER, token, null);
    }

    /** @return the text with every form of the secret (and of the URL's user part) replaced by {@code ***} */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (raw != null && !raw.isEmpty()) {
            out = out.replace(raw, MASK);
        }
        return out.replace(secret, MASK);
    }

    /** Never shows the secret, nor a user name that came with it. */
    @Override
    public String toString() {
        return "GitCredential[username=" + (username.equals(TOKEN_USER) ? TOKEN_USER : MASK) + ", secret=" + MASK + "]";
    }
}
