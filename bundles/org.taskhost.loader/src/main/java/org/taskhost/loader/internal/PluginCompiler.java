package org.taskhost.loader.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.taskhost.api.loader.ValidationProblem;

/**
 * Compiles a plugin's sources in memory with {@code --release 21}, against the exported API classes and the
 * plugin's own {@code lib/*.jar} only. Errors come back as {@code File.java:line:column: message}.
 */
final class PluginCompiler {

    private final ApiClasses api;

    PluginCompiler(ApiClasses api) {
        this.api = api;
    }

    /**
     * @param dir the plugin folder, to name files relative to it
     * @param sources the .java files
     * @param libs jars the plugin embeds
     * @return class files by binary name
     * @throws BuildProblem with every compile error
     */
    Map<String, byte[]> compile(Path dir, List<Path> sources, List<Path> libs) throws BuildProblem {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new BuildProblem("no Java compiler: taskhost must run on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
             MemoryFileManager files = new MemoryFileManager(standard, out)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, libs);
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of("--release", "21", "-proc:none", "-implicit:class", "-Xlint:none", "-nowarn");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                List<ValidationProblem> errors = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        String file = d.getSource() == null ? "" : dir.relativize(Path.of(d.getSource().toUri())).toString();
                        errors.add(new ValidationProblem(file, (int) Math.max(0, d.getLineNumber()), (int) Math.max(0, d.getColumnNumber()),
                                "", d.getMessage(Locale.ROOT)));
                    }
                }
                throw new BuildProblem(errors.isEmpty() ? List.of(ValidationProblem.of("compilation failed")) : errors);
            }
        } catch (IOException e) {
            throw new BuildProblem("compiler I/O: " + e.getMessage());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    /** Lists the API classes on the class path and keeps the output in memory. */
    private final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        MemoryFileManager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> out) {
            super(standard);
            this.out = out;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                boolean recurse) throws IOException {
            List<JavaFileObject> all = new ArrayList<>();
            super.list(location, packageName, kinds, recurse).forEach(all::add);
            if (location == StandardLocation.CLASS_PATH && kinds.contains(JavaFileObject.Kind.CLASS)) {
                for (String name : api.inPackage(packageName)) {
                    all.add(new ApiClassFile(name));
                }
            }
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof ApiClassFile a ? a.binaryName : super.inferBinaryName(location, file);
        }

        @Override
        public boolean hasLocation(Location location) {
            return location == StandardLocation.CLASS_PATH || super.hasLocation(location);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                }
            };
        }
    }

    /** One API class, read from the API bundle when javac needs it. */
    private final class ApiClassFile extends SimpleJavaFileObject {
        final String binaryName;

        ApiClassFile(String binaryName) {
            super(URI.create("api:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
            this.binaryName = binaryName;
        }

        @Override
        public InputStream openInputStream() {
            return api.open(binaryName);
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return kind == Kind.CLASS && binaryName.endsWith("." + simpleName);
        }
    }

}
