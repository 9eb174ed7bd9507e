package org.taskhost.loader.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Clones a plugin's repository with JGit: shallow for a branch or tag, full for a commit SHA, within a time limit.
 * Only https, ssh and file URLs are accepted. It is given a URL without a secret ({@link GitUrl}) and the credential
 * apart, which goes to JGit as in-memory credentials: it is never written into the clone's {@code .git/config} and
 * never appears in a message.
 */
final class GitPluginSource {

    static final Set<String> SCHEMES = Set.of("https", "ssh", "file");
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,40}");

    private final Duration timeout;

    GitPluginSource(Duration timeout) {
        this.timeout = timeout;
    }

    /** @return the URL's scheme, after checking it is allowed */
    static String checkUrl(String url) throws BuildProblem {
        if (url == null || url.isBlank()) {
            throw new BuildProblem("git_url is empty");
        }
        if (url.contains("::") || url.startsWith("-")) {
            throw new BuildProblem("git_url '" + url + "' uses a transport that is not allowed; use https, ssh or file");
        }
        try {
            URIish uri = new URIish(url);
            String scheme = uri.getScheme() == null ? (uri.getHost() != null ? "ssh" : "") : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                throw new BuildProblem("git_url '" + redact(url) + "' has scheme '" + scheme + "'; only https, ssh and file are allowed");
            }
            return scheme;
        } catch (URISyntaxException e) {
            throw new BuildProblem("git_url '" + redact(url) + "' is not a valid URL: " + e.getReason());
        }
    }

    /** Removes a user:password part from a URL before it goes into a message. */
    static String redact(String url) {
        return url.replaceAll("://[^/@]+@", "://***@");
    }

    /** @param credential for https and ssh, or null; a file URL needs none */
    FetchedSource fetch(String url, String branch, String path, GitCredential credential, Path into) throws BuildProblem {
        String scheme = checkUrl(url);
        boolean sha = SHA.matcher(branch).matches();
        CloneCommand clone = Git.cloneRepository().setURI(url).setDirectory(into.toFile()).setCloneAllBranches(false)
                .setTimeout((int) Math.max(1, timeout.toSeconds()));
        if (!branch.isEmpty() && !sha) {
            clone.setBranch(branch);
        }
        if (!sha) {
            clone.setDepth(1);
        }
        if (credential != null && !scheme.equals("file")) {
            clone.setCredentialsProvider(new UsernamePasswordCredentialsProvider(credential.username(), credential.secret()));
        }
        FutureTask<String> task = new FutureTask<>(() -> {
            try (Git git = clone.call()) {
                if (sha) {
                    git.checkout().setName(branch).call();
                }
                ObjectId head = git.getRepository().resolve("HEAD");
                if (head == null) {
                    throw new BuildProblem("the repository has no commits");
                }
                if (!branch.isEmpty() && !sha && git.getRepository().findRef(branch) == null
                        && git.getRepository().findRef("refs/tags/" + branch) == null) {
                    throw new BuildProblem("branch '" + branch + "' not found in " + redact(url));
                }
                return head.name();
            }
        });
        Thread.ofVirtual().name("git-clone").start(task);
        try {
            String commit = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new FetchedSource(into, SafePaths.resolve(into, path, "path"), commit);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new BuildProblem("git clone of " + redact(url) + " timed out after " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildProblem("git clone of " + redact(url) + " was interrupted");
        } catch (ExecutionException e) {
            throw new BuildProblem(describe(e.getCause(), url, branch, credential));
        }
    }

    /** JGit's messages echo the URL and sometimes what the server said: the credential is masked in any form. */
    private static String describe(Throwable e, String url, String branch, GitCredential credential) {
        if (e instanceof BuildProblem p) {
            return p.getMessage();
        }
        String m = String.valueOf(e.getMessage());
        if (credential != null) {
            m = credential.mask(m);
        }
        if (e instanceof org.eclipse.jgit.api.errors.RefNotFoundException || m.contains("Remote branch") && m.contains("not found")) {
            return "branch '" + branch + "' not found in " + redact(url);
        }
        if (e instanceof TransportException || e instanceof GitAPIException || e instanceof IOException) {
            return "git clone of " + redact(url) + " failed: " + redact(m);
        }
        return "git clone of " + redact(url) + " failed: " + (credential == null ? e.toString() : credential.mask(e.toString()));
    }
}
