package org.taskhost.loader.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

/**
 * The class files plugins compile against: the exported {@code org.taskhost.api} packages, read from the API
 * bundle's entries (no jar on disk is needed), keyed by binary class name.
 */
final class ApiClasses {

    static final String ROOT = "org/taskhost/api";
    private final Map<String, Supplier<InputStream>> classes;

    ApiClasses(Map<String, Supplier<InputStream>> classes) {
        this.classes = Map.copyOf(classes);
    }

    /** @param api the org.taskhost.api bundle */
    static ApiClasses fromBundle(Bundle api) {
        Map<String, Supplier<InputStream>> out = new LinkedHashMap<>();
        Enumeration<URL> entries = api.findEntries(ROOT, "*.class", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
            out.put(path.substring(0, path.length() - 6).replace('/', '.'), () -> open(url));
        }
        return new ApiClasses(out);
    }

    /** Outside OSGi (unit tests, benchmarks): the API classes from the class loader that has them. */
    static ApiClasses fromClassLoader(ClassLoader loader, List<String> binaryNames) {
        Map<String, Supplier<InputStream>> out = new LinkedHashMap<>();
        for (String name : binaryNames) {
            URL url = loader.getResource(name.replace('.', '/') + ".class");
            if (url != null) {
                out.put(name, () -> open(url));
            }
        }
        return new ApiClasses(out);
    }

    /** Outside OSGi (unit tests, benchmarks): every class of the org.taskhost.api packages next to {@code anchor}. */
    static ApiClasses besides(Class<?> anchor) {
        try {
            java.nio.file.Path where = java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (java.nio.file.Files.isDirectory(where)) {
                try (var walk = java.nio.file.Files.walk(where.resolve(ROOT))) {
                    walk.filter(p -> p.toString().endsWith(".class"))
                            .forEach(p -> names.add(where.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "")));
                }
            } else {
                try (var jar = new java.util.jar.JarFile(where.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.startsWith(ROOT) && n.endsWith(".class"))
                            .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                }
            }
            return fromClassLoader(anchor.getClassLoader(), names);
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the API classes beside " + anchor, e);
        }
    }

    private static InputStream open(URL url) {
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the binary names of the classes directly in one package */
    List<String> inPackage(String packageName) {
        List<String> out = new ArrayList<>();
        for (String name : classes.keySet()) {
            int dot = name.lastIndexOf('.');
            if (dot > 0 && name.substring(0, dot).equals(packageName)) {
                out.add(name);
            }
        }
        return out;
    }

    /** @return the binary names of every API class */
    java.util.Set<String> names() {
        return classes.keySet();
    }

    InputStream open(String binaryName) {
        return classes.get(binaryName).get();
    }
}
