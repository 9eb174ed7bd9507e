package org.taskhost.loader.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskhost.runtime.internal.config.ConfigParserService;
import org.taskhost.api.TaskBase;

/** The loader's checks on real git repositories (made with git, cloned by JGit over file://). */
class PluginBuilderIT {

    static final String TASK = """
            import org.taskhost.api.TaskBase;

            public class Plugin extends TaskBase {
                public void initialize() { }
                public void execute() { }
                public void cleanup() { }
            }
            """;
    static final String YAML = "parameters:\n  interval: 0.5\n";
    static final ApiClasses API = ApiClasses.besides(TaskBase.class);

    @TempDir
    Path tmp;

    private PluginBuilder.Built build(GitRepo repo, String branch, String path) throws Exception {
        Path into = Files.createTempDirectory(tmp, "clone");
        FetchedSource source = new GitPluginSource(Duration.ofSeconds(60)).fetch(repo.url(), branch, path, null, into);
        return new PluginBuilder(API, new ConfigParserService()).build("demo", source);
    }

    private GitRepo repo(String... files) throws Exception {
        GitRepo repo = new GitRepo(Files.createTempDirectory(tmp, "repo"));
        for (int i = 0; i < files.length; i += 2) {
            repo.write(files[i], files[i + 1]);
        }
        repo.commit("plugin");
        return repo;
    }

    @Test
    void buildsTheMonitorSampleIntoAPluginBundle() throws Exception {
        GitRepo repo = new GitRepo(tmp.resolve("monitor"));
        repo.copy(Path.of("../../plugins-sample/monitor"), "");
        String sha = repo.commit("monitor");
        PluginBuilder.Built built = build(repo, "main", "");
        assertThat(built.report().errors()).isEmpty();
        assertThat(built.report().className()).isEqualTo("Monitor");
        assertThat(built.report().pluginType()).isEqualTo("task");
        assertThat(built.commit()).isEqualTo(sha);
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(built.jar()))) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertThat(a.getValue("Bundle-SymbolicName")).isEqualTo("taskhost.plugin.demo");
            assertThat(a.getValue("Taskhost-Plugin")).isEqualTo("Monitor");
            assertThat(a.getValue("Bundle-Version")).isEqualTo("1.0.0." + sha);
            // the ranges bnd gives any consumer of the API packages it was compiled against (see the package-infos)
            assertThat(a.getValue("Import-Package")).contains("org.taskhost.api;version=\"[1.1,2)\"");
            assertThat(a.getValue("Export-Package")).isNull();
            assertThat(Stream.generate(() -> next(jar)).takeWhile(n -> n != null)).contains("config.yaml", "Monitor.class");
        }
    }

    @Test
    void aPluginImportsEachApiPackageFromTheVersionItWasCompiledAgainstToTheNextMajor() throws Exception {
        String task = """
                import org.taskhost.api.TaskBase;
                import org.taskhost.api.runtime.PluginKind;

                public class Plugin extends TaskBase {
                    public void initialize() { }
                    public void execute() { pv("STATUS").set(PluginKind.TASK.ordinal()); }
                    public void cleanup() { }
                }
                """;
        PluginBuilder.Built built = build(repo("Plugin.java", task, "config.yaml", YAML), "main", "");
        assertThat(built.report().errors()).isEmpty();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(built.jar()))) {
            String imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
            // org.taskhost.api.pv 1.2.0 and org.taskhost.api.runtime 2.0.0, as their package-infos say
            assertThat(imports).contains("org.taskhost.api.pv;version=\"[1.2,2)\"", "org.taskhost.api.runtime;version=\"[2.0,3)\"");
        }
    }

    private static String next(JarInputStream jar) {
        try {
            var e = jar.getNextJarEntry();
            return e == null ? null : e.getName();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void buildsAJobFromASubfolderTagAndCommit() throws Exception {
        GitRepo repo = new GitRepo(tmp.resolve("jobs"));
        repo.write("jobs/diag/Diag.java", """
                package lab.diag;
                import org.taskhost.api.JobBase;
                import org.taskhost.api.JobResult;
                public class Diag extends JobBase {
                    public void initialize() { }
                    public JobResult execute() { return JobResult.ok(42, "ok"); }
                }
                """);
        String first = repo.commit("v1");
        repo.git("tag", "v1");
        repo.write("jobs/diag/config.yaml", "parameters:\n  timeout: 5\n");
        String second = repo.commit("v2");
        assertThat(build(repo, "main", "jobs/diag").report()).satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.className()).isEqualTo("lab.diag.Diag");
            assertThat(r.pluginType()).isEqualTo("job");
        });
        assertThat(build(repo, "v1", "jobs/diag").commit()).isEqualTo(first);
        assertThat(build(repo, first, "jobs/diag").commit()).isEqualTo(first);
        assertThat(build(repo, "", "jobs/diag").commit()).isEqualTo(second);
    }

    @Test
    void aPrebuiltPluginJarInTheRepositoryIsTaken() throws Exception {
        GitRepo source = repo("Plugin.java", TASK);
        byte[] jar = build(source, "main", "").jar();
        GitRepo repo = new GitRepo(tmp.resolve("prebuilt"));
        Files.createDirectories(repo.dir.resolve("dist"));
        Files.write(repo.dir.resolve("dist/plugin.jar"), jar);
        repo.commit("jar");
        PluginBuilder.Built built = build(repo, "main", "dist");
        assertThat(built.report().ok()).isTrue();
        assertThat(built.report().className()).isEqualTo("Plugin");
        assertThat(built.jar()).isEqualTo(jar);
    }

    static Stream<Arguments> badPlugins() {
        String base = "import org.taskhost.api.TaskBase;\npublic class Plugin extends TaskBase {\n";
        String body = "    public void initialize() { }\n    public void execute() { }\n    public void cleanup() { }\n";
        return Stream.of(
            Arguments.of("syntax error", "Plugin.java", base + "    public void initialize( { }\n}\n", YAML, "Plugin.java:3:"),
            Arguments.of("wrong base class", "Plugin.java", "public class Plugin {\n" + body + "}\n", YAML,
                "no class extends org.taskhost.api.TaskBase or org.taskhost.api.JobBase"),
            Arguments.of("abstract method missing", "Plugin.java", base + "    public void initialize() { }\n    public void execute() { }\n}\n", YAML,
                "Plugin.java:2:8: Plugin is not abstract and does not override abstract method cleanup() in org.taskhost.api.TaskBase"),
            Arguments.of("two candidate classes", "Plugin.java", base + body + "}\nclass Other extends Plugin { }\n", YAML,
                "several plugin classes [Other, Plugin]; name one with 'class:' in config.yaml"),
            Arguments.of("no public constructor", "Plugin.java", base + body + "    private Plugin() { }\n}\n", YAML,
                "Plugin.java: Plugin needs to be public with a public constructor without arguments"),
            Arguments.of("System.exit", "Plugin.java", base + body.replace("execute() { }", "execute() { System.exit(3); }") + "}\n", YAML,
                "Plugin.java: calls java.lang.System.exit(), which would stop taskhost and every other plugin"),
            Arguments.of("Runtime.halt in a helper", "Plugin.java", base + body + "}\nclass Helper { void h() { Runtime.getRuntime().halt(1); } }\n", YAML,
                "Helper.java: calls java.lang.Runtime.halt()"),
            Arguments.of("import that cannot resolve", "Plugin.java", "import com.example.Missing;\n" + base + body + "}\n", YAML,
                "Plugin.java:1:19: package com.example does not exist"),
            Arguments.of("malformed YAML", "Plugin.java", base + body + "}\n", "parameters:\n  mode: [continuous\n", "config.yaml:3:1: YAML syntax error"),
            Arguments.of("wrong type in YAML", "Plugin.java", base + body + "}\n", "parameters:\n  interval: fast\n",
                "config.yaml:2:13: field 'parameters.interval': must be a number, got 'fast'"),
            Arguments.of("class: names a missing class", "Plugin.java", base + body + "}\n", "class: lab.Nope\n",
                "config.yaml: field 'class': no class lab.Nope in the sources"),
            Arguments.of("no sources", "README.md", "nothing here", YAML,
                "no .java files and no prebuilt plugin jar (with a Taskhost-Plugin header) in the plugin folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlugins")
    void badPluginsAreRefusedWithAReportThatNamesTheProblem(String title, String file, String source, String yaml, String expected)
            throws Exception {
        PluginBuilder.Built built = build(repo(file, source, "config.yaml", yaml), "main", "");
        assertThat(built.report().ok()).isFalse();
        assertThat(built.jar()).isNull();
        assertThat(built.report().errors()).anyMatch(e -> e.contains(expected));
    }

    @Test
    void configAndCompileErrorsAreReportedTogether() throws Exception {
        PluginBuilder.Built built = build(repo("Plugin.java", "public class Plugin { int x = ; }\n", "config.yaml", "prefix: [1]\n"), "main", "");
        assertThat(built.report().errors()).anyMatch(e -> e.startsWith("config.yaml:1:9: field 'prefix'"))
            .anyMatch(e -> e.startsWith("Plugin.java:1:"));
    }

    static Stream<Arguments> badSources() {
        return Stream.of(
            Arguments.of("unknown branch", "nope", "", "branch 'nope' not found"),
            Arguments.of("missing path", "main", "sub/none", "path 'sub/none' not found in the source"),
            Arguments.of("a .. path", "main", "../x", "path '../x' must not contain '..'"),
            Arguments.of("an absolute path", "main", "/etc", "path '/etc' must be relative to the repository"),
            Arguments.of("a symlink out of the repository", "main", "evil", "path 'evil' leads outside the source through a symbolic link"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSources")
    void badSourcesAreRefused(String title, String branch, String path, String expected) throws Exception {
        GitRepo repo = new GitRepo(Files.createTempDirectory(tmp, "repo"));
        repo.write("Plugin.java", TASK);
        Files.createSymbolicLink(repo.dir.resolve("evil"), Path.of("/etc"));
        repo.commit("with a link");
        Path into = Files.createTempDirectory(tmp, "clone");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(BuildProblem.class,
                () -> new GitPluginSource(Duration.ofSeconds(60)).fetch(repo.url(), branch, path, null, into)))
            .isNotNull().extracting(Throwable::getMessage).asString().contains(expected);
    }

    @Test
    void aSourceFileThatLinksOutOfTheRepositoryIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("Secret.java"), "class Secret { }\n");
        GitRepo repo = new GitRepo(Files.createTempDirectory(tmp, "repo"));
        repo.write("Plugin.java", TASK);
        Files.createSymbolicLink(repo.dir.resolve("Secret.java"), outside.resolve("Secret.java"));
        repo.commit("link");
        assertThat(build(repo, "main", "").report().errors()).contains("Secret.java: a symbolic link that leaves the repository");
    }

    static Stream<Arguments> badUrls() {
        return Stream.of(
            Arguments.of("ext::sh -c touch% /tmp/pwned", "uses a transport that is not allowed"),
            Arguments.of("http://example.org/repo.git", "has scheme 'http'; only https, ssh and file are allowed"),
            Arguments.of("file:///etc", "git clone of file:///etc failed"),
            Arguments.of("", "git_url is empty"));
    }

    @ParameterizedTest(name = "url ''{0}''")
    @MethodSource("badUrls")
    void badUrlsAreRefused(String url, String expected) throws Exception {
        Path into = Files.createTempDirectory(tmp, "clone");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(BuildProblem.class,
                () -> new GitPluginSource(Duration.ofSeconds(30)).fetch(url, "", "", null, into)))
            .isNotNull().extracting(Throwable::getMessage).asString().contains(expected);
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
    }

    @Test
    void aTokenIsNeverWrittenIntoTheClone() throws Exception {
        GitRepo repo = repo("Plugin.java", TASK);
        Path into = Files.createTempDirectory(tmp, "clone");
        GitUrl url = GitUrl.split(repo.url().replace("file://", "file://user:ghp_secret123@"));
        assertThat(url.url()).isEqualTo(repo.url());
        new GitPluginSource(Duration.ofSeconds(30)).fetch(url.url(), "main", "", url.credential(), into);
        try (var files = Files.walk(into)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain("ghp_secret123");
            }
        }
        assertThat(GitPluginSource.redact("https://user:ghp_secret123@host/x.git")).isEqualTo("https://***@host/x.git");
    }
}
