package org.taskhost.runtime.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Makes plugin bundles at test time: the plugin's classes (copied from this test bundle), a config.yaml and the header. */
final class PluginBundles {

    static final String COUNTING_YAML = "parameters:\n  interval: 0.02\npvs:\n  outputs:\n    COUNT: {type: int}\n";

    private PluginBundles() {
    }

    static Bundle install(BundleContext context, String name, Class<?> plugin, String yaml) throws IOException, BundleException {
        return install(context, name, null, plugin, yaml);
    }

    /** With a Taskhost-Name header, when pluginName is not null: two bundles can then claim one plugin name. */
    static Bundle install(BundleContext context, String name, String pluginName, Class<?> plugin, String yaml) throws IOException, BundleException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "taskhost.plugin." + name);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.taskhost.api;version=\"[1.0,2)\",org.taskhost.api.pv;version=\"[1.0,2)\"");
        a.putValue("Taskhost-Plugin", plugin.getName());
        if (pluginName != null) {
            a.putValue("Taskhost-Name", pluginName);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            for (Class<?> c = plugin; c != Object.class && c.getName().startsWith("org.taskhost.runtime.test"); c = c.getSuperclass()) {
                String entry = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jar);
                }
            }
            jar.putNextEntry(new JarEntry("config.yaml"));
            jar.write(yaml.getBytes(StandardCharsets.UTF_8));
        }
        Bundle b = context.installBundle("test:" + name + ":" + System.nanoTime(), new ByteArrayInputStream(bytes.toByteArray()));
        b.start();
        return b;
    }
}
