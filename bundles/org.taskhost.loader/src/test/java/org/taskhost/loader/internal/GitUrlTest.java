package org.taskhost.loader.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskhost.api.loader.LoaderException;

class GitUrlTest {

    static Stream<Arguments> urls() {
        return Stream.of(
            // raw, clean URL, user name sent, secret (null: no credential)
            Arguments.of("https://alice:s3cret@github.com/org/repo.git", "https://github.com/org/repo.git", "alice", "s3cret"),
            Arguments.of("https://ghp_abc123@github.com/org/repo.git", "https://github.com/org/repo.git", "taskhost", "ghp_abc123"),
            Arguments.of("https://:ghp_abc123@github.com/org/repo", "https://github.com/org/repo", "taskhost", "ghp_abc123"),
            Arguments.of("https://ghp_abc123:@github.com/org/repo", "https://github.com/org/repo", "taskhost", "ghp_abc123"),
            Arguments.of("https://oauth2:glpat-x_y@gitlab.example.org:8443/g/r.git?x=1", "https://gitlab.example.org:8443/g/r.git?x=1",
                    "oauth2", "glpat-x_y"),
            Arguments.of("  https://bob:pw@host/r  ", "https://host/r", "bob", "pw"),
            Arguments.of("HTTPS://bob:pw@host/r", "HTTPS://host/r", "bob", "pw"),
            Arguments.of("http://bob:pw@host/r", "http://host/r", "bob", "pw"),
            Arguments.of("https://@host/r", "https://host/r", null, null),
            // percent-encoded: decoded for JGit; an unencoded '@' in the password still splits at the last one
            Arguments.of("https://bob%40corp:p%40ss%2Fw%3Ard%20%C3%A9@host/r", "https://host/r", "bob@corp", "p@ss/w:rd é"),
            Arguments.of("https://bob:p@ss@host/r", "https://host/r", "bob", "p@ss"),
            Arguments.of("https://bob:100%zz@host/r", "https://host/r", "bob", "100%zz"),
            Arguments.of("https://bob:a+b@host/r", "https://host/r", "bob", "a+b"),
            // IPv6 hosts
            Arguments.of("https://bob:pw@[2001:db8::1]:8443/r.git", "https://[2001:db8::1]:8443/r.git", "bob", "pw"),
            Arguments.of("https://[::1]/r.git", "https://[::1]/r.git", null, null),
            Arguments.of("ssh://git:pw@[fe80::1%25eth0]:22/r", "ssh://git@[fe80::1%25eth0]:22/r", "git", "pw"),
            // ssh: the user stays, a password goes
            Arguments.of("ssh://git@github.com/org/repo.git", "ssh://git@github.com/org/repo.git", null, null),
            Arguments.of("ssh://git:hunter2@host:2222/repo", "ssh://git@host:2222/repo", "git", "hunter2"),
            Arguments.of("ssh://:hunter2@host/repo", "ssh://host/repo", "", "hunter2"),
            Arguments.of("git+ssh://git:pw@host/repo", "git+ssh://git@host/repo", "git", "pw"),
            Arguments.of("git@github.com:org/repo.git", "git@github.com:org/repo.git", null, null),
            Arguments.of("git:pw@github.com:org/repo.git", "git@github.com:org/repo.git", "git", "pw"),
            Arguments.of("git:p@w@github.com:org/repo.git", "git@github.com:org/repo.git", "git", "p@w"),
            Arguments.of("git@[::1]:repo", "git@[::1]:repo", null, null),
            Arguments.of("github.com:org/repo.git", "github.com:org/repo.git", null, null),
            // file
            Arguments.of("file://user:s3cr3t-XYZ@/tmp/repo/", "file:///tmp/repo/", "user", "s3cr3t-XYZ"),
            Arguments.of("file:///tmp/a@b/repo", "file:///tmp/a@b/repo", null, null),
            Arguments.of("file:///tmp/repo", "file:///tmp/repo", null, null),
            // no userinfo at all
            Arguments.of("https://github.com/org/repo.git", "https://github.com/org/repo.git", null, null),
            Arguments.of("/tmp/local/repo", "/tmp/local/repo", null, null),
            Arguments.of("ext::sh -c touch% /tmp/pwned", "ext::sh -c touch% /tmp/pwned", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void theCredentialIsSplitOff(String raw, String clean, String user, String secret) throws Exception {
        GitUrl u = GitUrl.split(raw);
        assertThat(u.url()).isEqualTo(clean);
        if (secret == null) {
            assertThat(u.credential()).isNull();
        } else {
            assertThat(u.credential().username()).isEqualTo(user);
            assertThat(u.credential().secret()).isEqualTo(secret);
            assertThat(u.url()).doesNotContain(secret);
            assertThat(u.toString()).doesNotContain(secret);
            assertThat(u.credential().toString()).doesNotContain(secret);
            assertThat(u.credential().mask("fatal: could not read from " + raw)).doesNotContain(secret).contains("***");
        }
    }

    static Stream<String> unsplittable() {
        return Stream.of(
            "https://bob:ab/cd@host/r", // '/' in the password: the authority ends inside it
            "https://bob:123/x@host/r", // and looks like a port
            "https://bob:a?b@host/r",
            "https://bob:a#b@host/r",
            "file://u:ab/cd@/tmp/r",
            "git:ab/cd@host:repo",
            "ssh://git:pw@host/x@y",
            "https://bob:pw@ho st/r");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsplittable")
    void aUrlThatCannotBeSplitSafelyIsRefusedWithoutEchoingIt(String raw) {
        assertThatThrownBy(() -> GitUrl.split(raw)).isInstanceOf(BuildProblem.class)
                .hasMessageContaining("git_url").hasMessageContaining("percent-encode")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ab/cd", "123/x", "a?b", "a#b", "pw", "bob"));
    }

    @Test
    void aPatJoinsACleanHttpsUrl() throws Exception {
        GitUrl u = GitUrl.of("https://github.com/org/repo.git", "ghp_tok");
        assertThat(u.url()).isEqualTo("https://github.com/org/repo.git");
        assertThat(u.credential().username()).isEqualTo("taskhost");
        assertThat(u.credential().secret()).isEqualTo("ghp_tok");
        assertThat(GitUrl.of("https://u:p@host/r", null).credential().secret()).isEqualTo("p");
        assertThat(GitUrl.of(null, "ghp_tok").credential()).as("a local folder needs no token").isNull();
    }

    @Test
    void aCredentialInBothGitUrlAndPatIsABadRequest() {
        assertThatThrownBy(() -> GitUrl.of("https://u:p@host/r", "ghp_tok")).isInstanceOfSatisfying(LoaderException.class,
                e -> assertThat(e.reason()).isEqualTo(LoaderException.Reason.BAD_REQUEST))
                .hasMessage("git_url and pat both carry a credential: give it once, in pat");
    }

    @Test
    void aPatIsForHttpsOnly() {
        assertThatThrownBy(() -> GitUrl.of("file:///tmp/repo", "ghp_secret123")).isInstanceOf(BuildProblem.class)
                .hasMessage("pat is only used with https URLs, not file");
        assertThatThrownBy(() -> GitUrl.of("git@host:repo", "ghp_secret123")).hasMessage("pat is only used with https URLs, not ssh");
    }

    @Test
    void maskingCoversTheSecretAndTheUserPartAsWritten() throws Exception {
        GitCredential c = GitUrl.split("https://bob:p%40ss@host/r").credential();
        assertThat(c.mask("bob:p%40ss and p@ss")).isEqualTo("*** and ***");
        assertThat(GitCredential.token("t0k").mask("Authentication failed for t0k")).isEqualTo("Authentication failed for ***");
    }
}
