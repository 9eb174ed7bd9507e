package org.taskhost.loader.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

import org.taskhost.api.loader.ValidationProblem;
import org.taskhost.api.loader.ValidationReport;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.config.PluginConfigParser;
import org.taskhost.api.runtime.PluginKind;

/**
 * Turns a fetched source into a plugin bundle, running every check and collecting every problem into one report:
 * config.yaml, sources (no symbolic link out of the repository), compile, plugin class, forbidden calls, packaging.
 * A folder with no Java sources but one prebuilt plugin jar is taken as that jar.
 */
final class PluginBuilder {

    /**
     * What a build produced.
     *
     * @param report every check's outcome
     * @param jar the bundle, or null when the report is not ok
     * @param commit the source's commit
     * @param config the parsed config.yaml, or null when there is none or it is not valid
     */
    record Built(ValidationReport report, byte[] jar, String commit, PluginConfig config) {
    }

    /** config.yaml, as iocmng looks for it: then config.yml, then (iocmng 2.2.4) config.json, which YAML reads too. */
    static final List<String> CONFIG_FILES = List.of("config.yaml", "config.yml", "config.json");

    private final PluginCompiler compiler;
    private final ApiClasses api;
    private ApiJar apiJar;
    private final PluginConfigParser parser;

    PluginBuilder(ApiClasses api, PluginConfigParser parser) {
        this.compiler = new PluginCompiler(api);
        this.api = api;
        this.parser = parser;
    }

    /** Made at the first build, so that reading the API's versions does not delay the loader's start. */
    private synchronized ApiJar apiJar() {
        if (apiJar == null) {
            apiJar = new ApiJar(api);
        }
        return apiJar;
    }

    Built build(String name, FetchedSource source) {
        Path dir = source.dir();
        List<ValidationProblem> errors = new ArrayList<>();
        byte[] yaml = null;
        PluginConfig descriptor = null;
        try {
            Path config = CONFIG_FILES.stream().map(dir::resolve).filter(Files::exists).findFirst().orElse(null);
            if (config != null) {
                if (SafePaths.escapes(source.root(), config)) {
                    errors.add(ValidationProblem.inFile(config.getFileName().toString(), "a symbolic link that leaves the repository"));
                } else {
                    yaml = Files.readAllBytes(config);
                    descriptor = parser.parse(config.getFileName().toString(), new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            List<Path> sources = sources(dir, source.root(), errors);
            List<Path> libs = jars(dir.resolve("lib"));
            if (sources.isEmpty()) {
                return prebuilt(dir, errors, source.commit(), descriptor);
            }
            if (!errors.isEmpty()) {
                return failed(errors, source);
            }
            Map<String, byte[]> classes = compiler.compile(dir, sources, libs);
            PluginScanner.Found found = PluginScanner.scan(classes, descriptor == null ? null : descriptor.className().orElse(null));
            if (descriptor != null && descriptor.kind().orElse(null) == PluginKind.JOB && !found.type().equals("job")) {
                errors.add(new ValidationProblem("config.yaml", 0, 0, "parameters.mode", "'job', but " + found.className() + " extends org.taskhost.api.TaskBase"));
                return failed(errors, source);
            }
            byte[] jar = PluginPackager.pack(name, source.commit(), found.className(), found.type(), classes, yaml, libs, apiJar());
            return new Built(new ValidationReport(true, found.className(), found.type(), List.of()), jar, source.commit(), descriptor);
        } catch (ConfigException e) {
            e.problems().forEach(p -> errors.add(ValidationProblem.of(p)));
            compileForMoreErrors(dir, source, errors);
        } catch (BuildProblem e) {
            errors.addAll(e.problems());
        } catch (IOException e) {
            errors.add(ValidationProblem.of("cannot read the source: " + e.getMessage()));
        }
        return failed(errors, source);
    }

    /** With config.yaml broken, still compile, so that one report names every problem. */
    private void compileForMoreErrors(Path dir, FetchedSource source, List<ValidationProblem> errors) {
        try {
            List<Path> sources = sources(dir, source.root(), errors);
            if (!sources.isEmpty()) {
                PluginScanner.scan(compiler.compile(dir, sources, jars(dir.resolve("lib"))), null);
            }
        } catch (BuildProblem e) {
            errors.addAll(e.problems());
        } catch (IOException e) {
            errors.add(ValidationProblem.of("cannot read the source: " + e.getMessage()));
        }
    }

    private static Built failed(List<ValidationProblem> errors, FetchedSource source) {
        return new Built(ValidationReport.failed(errors), null, source.commit(), null);
    }

    /** The .java files: under src/main/java if present, else anywhere in the folder but tests, lib and build output. */
    static List<Path> sources(Path dir, Path root, List<ValidationProblem> errors) throws IOException {
        Path base = Files.isDirectory(dir.resolve("src/main/java")) ? dir.resolve("src/main/java") : dir;
        try (Stream<Path> walk = Files.walk(base)) {
            List<Path> all = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !dir.relativize(p).toString().matches("(src/test|target|lib|\\.git)/.*")).sorted().toList();
            for (Path p : all) {
                if (SafePaths.escapes(root, p)) {
                    errors.add(ValidationProblem.inFile(dir.relativize(p).toString(), "a symbolic link that leaves the repository"));
                }
            }
            return all;
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** A folder without sources: one jar with a Taskhost-Plugin header is the plugin, as built elsewhere. */
    private static Built prebuilt(Path dir, List<ValidationProblem> errors, String commit, PluginConfig config) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (Path jar : jars(dir)) {
            try (InputStream in = Files.newInputStream(jar); JarInputStream j = new JarInputStream(in)) {
                if (j.getManifest() != null && j.getManifest().getMainAttributes().getValue("Taskhost-Plugin") != null) {
                    candidates.add(jar);
                }
            }
        }
        if (candidates.size() != 1) {
            errors.add(ValidationProblem.of(candidates.isEmpty()
                    ? "no .java files and no prebuilt plugin jar (with a Taskhost-Plugin header) in the plugin folder"
                    : "several prebuilt plugin jars: " + candidates.stream().map(p -> p.getFileName().toString()).toList()));
            return new Built(ValidationReport.failed(errors), null, commit, null);
        }
        byte[] jar = Files.readAllBytes(candidates.get(0));
        String className;
        java.util.Map<String, byte[]> classes = new java.util.LinkedHashMap<>();
        try (JarInputStream j = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            className = j.getManifest().getMainAttributes().getValue("Taskhost-Plugin");
            for (var e = j.getNextJarEntry(); e != null; e = j.getNextJarEntry()) {
                if (e.getName().endsWith(".class") && !e.getName().contains("-")) {
                    classes.put(e.getName().substring(0, e.getName().length() - 6).replace('/', '.'), j.readAllBytes());
                }
            }
        }
        // the kind, known before anything is installed: from the classes, as for a plugin built from sources
        String kind = null;
        try {
            kind = PluginScanner.scan(classes, className == null ? null : className.trim()).type();
        } catch (BuildProblem e) {
            errors.addAll(e.problems());
        }
        return new Built(new ValidationReport(errors.isEmpty(), className, kind, errors), errors.isEmpty() ? jar : null, commit, config);
    }
}
