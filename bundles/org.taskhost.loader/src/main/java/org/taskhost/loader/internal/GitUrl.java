package org.taskhost.loader.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.LoaderException.Reason;
import org.taskhost.api.loader.ValidationProblem;

/**
 * A git URL split, at the loader's entry, into the URL that is stored, returned and logged, and the credential its
 * user part carried. Over https (and any scheme but ssh) every user part is a credential: {@code user:secret} is a
 * user name and password, a lone {@code token@} is a token, as in iocmng's {@code https://<PAT>@host}. Over ssh
 * ({@code ssh://git@host/x}, {@code git@host:x}) the user name is no secret and stays; a password is split off.
 * A URL whose user part cannot be told apart from the rest is refused without being echoed: it may hold a secret.
 *
 * @param url the URL without any secret, or null for none
 * @param credential the credential, or null
 */
record GitUrl(String url, GitCredential credential) {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)", Pattern.DOTALL);
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+(%25[A-Za-z0-9._~-]+)?\\]|[A-Za-z0-9._~%!$&'()*+,;=-]*)(:[0-9]*)?");
    private static final Pattern SCP = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^/:@\\[\\]]{2,}):(.*)", Pattern.DOTALL);
    private static final Set<String> SSH = Set.of("ssh", "git+ssh", "ssh+git");

    /**
     * @param gitUrl the request's {@code git_url}, or null
     * @param pat the request's {@code pat}, or null
     * @return the clean URL with the one credential given
     * @throws LoaderException (bad request) when both carry a credential: taskhost does not guess which one is meant
     * @throws BuildProblem for a URL that cannot be split safely, or a {@code pat} with a scheme other than https
     */
    static GitUrl of(String gitUrl, String pat) throws LoaderException, BuildProblem {
        GitUrl split = split(gitUrl);
        if (pat == null || pat.isEmpty() || split.url() == null) {
            return split;
        }
        if (split.credential() != null) {
            throw new LoaderException(Reason.BAD_REQUEST, "git_url and pat both carry a credential: give it once, in pat", null);
        }
        String scheme = GitPluginSource.checkUrl(split.url());
        if (!scheme.equals("https")) {
            throw new BuildProblem("pat is only used with https URLs, not " + scheme);
        }
        return new GitUrl(split.url(), GitCredential.token(pat));
    }

    static GitUrl split(String raw) throws BuildProblem {
        if (raw == null || raw.isBlank()) {
            return new GitUrl(raw, null);
        }
        String s = raw.trim();
        Matcher m = SCHEME.matcher(s);
        return m.matches() ? withScheme(m.group(1), m.group(2)) : scpLike(s);
    }

    private static GitUrl withScheme(String scheme, String rest) throws BuildProblem {
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        String authority = rest.substring(0, end);
        String path = rest.substring(end);
        int at = authority.lastIndexOf('@');
        String host = authority.substring(at + 1);
        // a '/', '?' or '#' in a password ends the authority early: the host then fails, or an '@' is left further on
        boolean localFile = scheme.equalsIgnoreCase("file") && host.isEmpty();
        if (!HOST.matcher(host).matches() || path.indexOf('@') >= 0 && !localFile) {
            throw unreadable();
        }
        if (at < 0) {
            return new GitUrl(scheme + "://" + rest, null);
        }
        String userinfo = authority.substring(0, at);
        boolean ssh = SSH.contains(scheme.toLowerCase(Locale.ROOT));
        return build(scheme + "://", userinfo, ssh, host + path);
    }

    private static GitUrl scpLike(String s) throws BuildProblem {
        int slash = s.indexOf('/');
        String head = slash < 0 ? s : s.substring(0, slash);
        int at = head.lastIndexOf('@');
        String rest = s.substring(at + 1);
        int colon = s.indexOf(':');
        boolean scp = colon > 0 && (slash < 0 || colon < slash);
        if (at < 0) {
            if (scp && s.indexOf('@') >= 0) {
                throw unreadable();
            }
            return new GitUrl(s, null);
        }
        if (!SCP.matcher(rest).matches() || rest.indexOf('@') >= 0) {
            throw unreadable();
        }
        return build("", s.substring(0, at), true, rest);
    }

    /** Keeps an ssh user name in the URL; any other user part becomes the credential. */
    private static GitUrl build(String prefix, String userinfo, boolean ssh, String hostAndPath) {
        int colon = userinfo.indexOf(':');
        String rawUser = colon < 0 ? userinfo : userinfo.substring(0, colon);
        String user = decode(rawUser);
        String password = colon < 0 ? "" : decode(userinfo.substring(colon + 1));
        if (ssh) {
            String url = prefix + (rawUser.isEmpty() ? "" : rawUser + "@") + hostAndPath;
            return new GitUrl(url, password.isEmpty() ? null : new GitCredential(user, password, userinfo));
        }
        String url = prefix + hostAndPath;
        if (password.isEmpty()) {
            return new GitUrl(url, user.isEmpty() ? null : new GitCredential(GitCredential.TOKEN_USER, user, userinfo));
        }
        return new GitUrl(url, new GitCredential(user.isEmpty() ? GitCredential.TOKEN_USER : user, password, userinfo));
    }

    private static BuildProblem unreadable() {
        return new BuildProblem(List.of(new ValidationProblem("", 0, 0, "git_url", "not a URL taskhost can split safely: check the "
                + "host and port, and percent-encode '/', '?', '#' and '@' in a user name or password (%2F, %3F, %23, %40), "
                + "or give the token in pat")));
    }

    /** Percent-decoding as in a URL's user part ('+' stays); a malformed escape leaves the text as written. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.write(in[i]);
                continue;
            }
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
            if (lo < 0) {
                return s;
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    /** Never shows the credential. */
    @Override
    public String toString() {
        return "GitUrl[url=" + url + ", credential=" + (credential == null ? "none" : "***") + "]";
    }
}
