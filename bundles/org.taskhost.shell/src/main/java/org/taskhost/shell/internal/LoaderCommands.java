package org.taskhost.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.loader.PluginRequest;

/** {@code taskhost:add}, {@code remove} and {@code reload}: a view over the {@link PluginLoader}. */
@Component(service = LoaderCommands.class, property = {
    "osgi.command.scope=taskhost", "osgi.command.function=add", "osgi.command.function=remove",
    "osgi.command.function=reload"})
public class LoaderCommands {

    @Reference
    PluginLoader loader;

    @Descriptor("add a plugin from a git repository (https, ssh, file) or a local folder; trailing k=v set parameters")
    public String add(
            @Descriptor("plugin name (default: the repository or path name)") @Parameter(names = "--name", absentValue = "") String name,
            @Descriptor("branch, tag or commit SHA") @Parameter(names = "--branch", absentValue = "") String branch,
            @Descriptor("folder inside the repository") @Parameter(names = "--path", absentValue = "") String path,
            @Descriptor("git URL, or an absolute local folder") String source,
            @Descriptor("parameters as k=v (a leading --param is allowed)") String... params) {
        boolean local = source.startsWith("/");
        String plugin = name.isEmpty() ? defaultName(source, path) : name;
        try {
            InstalledPlugin p = loader.add(new PluginRequest(plugin, local ? null : source, branch, path, null,
                    local ? source : null, parameters(params), true, null, false));
            return "added " + p.name() + ": " + p.pluginType() + " " + p.className() + " at " + p.commit() + "\n";
        } catch (LoaderException e) {
            return failure(e);
        }
    }

    @Descriptor("fetch a plugin's source again, rebuild it and swap it in; the old version stays if the new one fails")
    public String reload(@Descriptor("plugin name") String name) {
        try {
            InstalledPlugin p = loader.reload(name);
            return "reloaded " + p.name() + " at " + p.commit() + "\n";
        } catch (LoaderException e) {
            return failure(e);
        }
    }

    @Descriptor("stop a plugin, uninstall it and forget it")
    public String remove(@Descriptor("plugin name") String name) {
        try {
            loader.remove(name);
            return "removed " + name + "\n";
        } catch (LoaderException e) {
            return failure(e);
        }
    }

    static String failure(LoaderException e) {
        StringBuilder out = new StringBuilder("failed (" + e.reason().name().toLowerCase().replace('_', ' ') + "): ");
        if (e.report() != null && !e.report().errors().isEmpty()) {
            out.append("\n");
            e.report().errors().forEach(err -> out.append("  ").append(err).append('\n'));
        } else {
            out.append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    static String defaultName(String source, String path) {
        String base = !path.isEmpty() ? path : source;
        base = base.replaceAll("[/\\\\]+$", "");
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf(':')) + 1).replaceAll("\\.git$", "");
        return base.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static Map<String, Object> parameters(String... params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : params) {
            if (p.equals("--param")) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + p + "' must be written k=v");
            }
            out.put(p.substring(0, eq), scalar(p.substring(eq + 1)));
        }
        return out;
    }

    private static Object scalar(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }
}
