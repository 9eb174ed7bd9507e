package org.taskhost.loader.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Manifest;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;

/**
 * The API as bnd sees a jar on a plugin's classpath: its classes, with a manifest that exports each package at the
 * version its package-info declares. bnd then gives a plugin the import ranges it gives taskhost's own bundles (a
 * consumer of {@code org.taskhost.api.pv} 1.2 imports {@code [1.2,2)}, of {@code org.taskhost.api.runtime} 2.0
 * {@code [2.0,3)}), so that no range is written by hand.
 */
final class ApiJar {

    private final ApiClasses api;
    private final Manifest manifest;

    ApiJar(ApiClasses api) {
        this.api = api;
        try (Analyzer analyzer = new Analyzer()) {
            analyzer.setJar(classes());
            analyzer.setProperty(Constants.EXPORT_PACKAGE, ApiClasses.ROOT.replace('/', '.') + "*");
            analyzer.setProperty(Constants.NOEXTRAHEADERS, "true");
            this.manifest = analyzer.calcManifest();
            if (!analyzer.getErrors().isEmpty()) {
                throw new IllegalStateException("cannot read the API's package versions: " + analyzer.getErrors());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the API's package versions: " + e, e);
        }
    }

    /** @return a new jar (an analyzer closes the jars on its classpath) */
    Jar jar() throws IOException {
        Jar jar = classes();
        jar.setManifest(manifest);
        return jar;
    }

    /** @return the Export-Package header, for tests and the log */
    String exports() {
        return manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
    }

    private Jar classes() throws IOException {
        Jar jar = new Jar("org.taskhost.api");
        for (String name : api.names()) {
            try (InputStream in = api.open(name)) {
                jar.putResource(name.replace('.', '/') + ".class", new EmbeddedResource(in.readAllBytes(), 0L));
            }
        }
        return jar;
    }
}
