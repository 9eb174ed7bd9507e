package org.taskhost.loader.internal;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.taskhost.api.loader.ValidationProblem;
import org.taskhost.api.runtime.PluginHeaders;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;

/**
 * Wraps compiled classes as a plugin bundle with bndlib: symbolic name {@code taskhost.plugin.<name>}, a version
 * from the commit, no exports, imports computed as for taskhost's own bundles, the {@code Taskhost-Plugin} header, and config.yaml and
 * {@code lib/*.jar} inside.
 */
final class PluginPackager {

    private PluginPackager() {
    }

    /**
     * Gives an uploaded plugin bundle the plugin's name: symbolic name {@code taskhost.plugin.<name>} and the
     * {@code Taskhost-Name} header; everything else stays as built.
     */
    static byte[] rename(byte[] jar, String name) throws BuildProblem {
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest mf = in.getManifest();
            if (mf == null || mf.getMainAttributes().getValue("Taskhost-Plugin") == null) {
                throw new BuildProblem("the uploaded file is not a plugin bundle: it needs a manifest with a Taskhost-Plugin header");
            }
            mf.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, "taskhost.plugin." + name);
            mf.getMainAttributes().putValue("Taskhost-Name", name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (java.util.jar.JarOutputStream copy = new java.util.jar.JarOutputStream(out, mf)) {
                for (java.util.jar.JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    copy.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                    in.transferTo(copy);
                }
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new BuildProblem("the uploaded file is not a jar: " + e.getMessage());
        }
    }

    /**
     * @param api the API the plugin was compiled against: bnd imports each of its packages with the range it gives any
     *        consumer, from the version of the package the plugin was compiled against up to the next major
     */
    static byte[] pack(String name, String commit, String className, String kind, Map<String, byte[]> classes, byte[] configYaml,
            List<Path> libs, ApiJar api) throws BuildProblem {
        try (Jar jar = new Jar("taskhost.plugin." + name); Analyzer analyzer = new Analyzer()) {
            analyzer.addClasspath(api.jar());
            classes.forEach((binary, bytes) -> jar.putResource(binary.replace('.', '/') + ".class", new EmbeddedResource(bytes, 0L)));
            if (configYaml != null) {
                jar.putResource("config.yaml", new EmbeddedResource(configYaml, 0L));
            }
            List<String> classpath = new ArrayList<>(List.of("."));
            for (Path lib : libs) {
                String entry = "lib/" + lib.getFileName();
                jar.putResource(entry, new EmbeddedResource(Files.readAllBytes(lib), 0L));
                classpath.add(entry);
            }
            analyzer.setJar(jar);
            analyzer.setProperty(Constants.BUNDLE_SYMBOLICNAME, "taskhost.plugin." + name);
            analyzer.setProperty(Constants.BUNDLE_VERSION, "1.0.0." + commit.replaceAll("[^A-Za-z0-9_-]", "_"));
            analyzer.setProperty(Constants.BUNDLE_CLASSPATH, String.join(",", classpath));
            analyzer.setProperty(Constants.EXPORT_PACKAGE, "");
            analyzer.setProperty(Constants.NOEXTRAHEADERS, "true");
            analyzer.setProperty(Constants.NOIMPORTJAVA, "true");
            analyzer.setProperty("-fixupmessages.defaultpackage", "The default package '.' is not permitted;is:=ignore");
            analyzer.setProperty("Taskhost-Plugin", className);
            analyzer.setProperty("Taskhost-Name", name);
            analyzer.setProperty(PluginHeaders.KIND, kind);
            analyzer.setProperty("Taskhost-Commit", commit);
            Manifest manifest = analyzer.calcManifest();
            if (!analyzer.getErrors().isEmpty()) {
                throw new BuildProblem(analyzer.getErrors().stream().map(e -> ValidationProblem.inFile("bundle", e)).toList());
            }
            jar.setManifest(manifest);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            jar.write(out);
            return out.toByteArray();
        } catch (BuildProblem e) {
            throw e;
        } catch (Exception e) {
            throw new BuildProblem("bundle: cannot package the plugin: " + e);
        }
    }
}
