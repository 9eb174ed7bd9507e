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

import org.taskhost.api.loader.ValidationReport;
import org.taskhost.runtime.internal.config.ConfigException;
import org.taskhost.runtime.internal.config.ConfigParser;
import org.taskhost.runtime.internal.config.PluginDescriptor;

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
     */
    record Built(ValidationReport report, byte[] jar, String commit) {
    }

    private final PluginCompiler compiler;

    PluginBuilder(ApiClasses api) {
        this.compiler = new PluginCompiler(api);
    }

    Built build(String name, FetchedSource source) {
        Path dir = source.dir();
        List<String> errors = new ArrayList<>();
        byte[] yaml = null;
        PluginDescriptor descriptor = null;
        try {
            Path config = Files.exists(dir.resolve("config.yaml")) ? dir.resolve("config.yaml") : dir.resolve("config.yml");
            if (Files.exists(config)) {
                if (SafePaths.escapes(source.root(), config)) {
                    errors.add(config.getFileName() + ": a symbolic link that leaves the repository");
                } else {
                    yaml = Files.readAllBytes(config);
                    descriptor = new ConfigParser(config.getFileName().toString()).parse(new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            List<Path> sources = sources(dir, source.root(), errors);
            List<Path> libs = jars(dir.resolve("lib"));
            if (sources.isEmpty()) {
                return prebuilt(dir, errors, source.commit());
            }
            if (!errors.isEmpty()) {
                return failed(errors, source);
            }
            Map<String, byte[]> classes = compiler.compile(dir, sources, libs);
            PluginScanner.Found found = PluginScanner.scan(classes, descriptor == null ? null : descriptor.className());
            byte[] jar = PluginPackager.pack(name, source.commit(), found.className(), classes, yaml, libs);
            return new Built(new ValidationReport(true, found.className(), found.type(), List.of()), jar, source.commit());
        } catch (ConfigException e) {
            e.problems().forEach(p -> errors.add(p.toString()));
            compileForMoreErrors(dir, source, errors);
        } catch (BuildProblem e) {
            errors.addAll(e.problems());
        } catch (IOException e) {
            errors.add("cannot read the source: " + e.getMessage());
        }
        return failed(errors, source);
    }

    /** With config.yaml broken, still compile, so that one report names every problem. */
    private void compileForMoreErrors(Path dir, FetchedSource source, List<String> errors) {
        try {
            List<Path> sources = sources(dir, source.root(), errors);
            if (!sources.isEmpty()) {
                PluginScanner.scan(compiler.compile(dir, sources, jars(dir.resolve("lib"))), null);
            }
        } catch (BuildProblem e) {
            errors.addAll(e.problems());
        } catch (IOException e) {
            errors.add("cannot read the source: " + e.getMessage());
        }
    }

    private static Built failed(List<String> errors, FetchedSource source) {
        return new Built(ValidationReport.failed(errors), null, source.commit());
    }

    /** The .java files: under src/main/java if present, else anywhere in the folder but tests, lib and build output. */
    static List<Path> sources(Path dir, Path root, List<String> errors) throws IOException {
        Path base = Files.isDirectory(dir.resolve("src/main/java")) ? dir.resolve("src/main/java") : dir;
        try (Stream<Path> walk = Files.walk(base)) {
            List<Path> all = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !dir.relativize(p).toString().matches("(src/test|target|lib|\\.git)/.*")).sorted().toList();
            for (Path p : all) {
                if (SafePaths.escapes(root, p)) {
                    errors.add(dir.relativize(p) + ": a symbolic link that leaves the repository");
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
    private static Built prebuilt(Path dir, List<String> errors, String commit) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (Path jar : jars(dir)) {
            try (InputStream in = Files.newInputStream(jar); JarInputStream j = new JarInputStream(in)) {
                if (j.getManifest() != null && j.getManifest().getMainAttributes().getValue("Taskhost-Plugin") != null) {
                    candidates.add(jar);
                }
            }
        }
        if (candidates.size() != 1) {
            errors.add(candidates.isEmpty() ? "no .java files and no prebuilt plugin jar (with a Taskhost-Plugin header) in the plugin folder"
                    : "several prebuilt plugin jars: " + candidates.stream().map(p -> p.getFileName().toString()).toList());
            return new Built(ValidationReport.failed(errors), null, commit);
        }
        byte[] jar = Files.readAllBytes(candidates.get(0));
        String className;
        try (JarInputStream j = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            className = j.getManifest().getMainAttributes().getValue("Taskhost-Plugin");
        }
        return new Built(new ValidationReport(errors.isEmpty(), className, null, errors), errors.isEmpty() ? jar : null, commit);
    }
}
