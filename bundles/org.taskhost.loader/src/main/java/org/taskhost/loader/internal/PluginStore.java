package org.taskhost.loader.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.taskhost.api.loader.InstalledPlugin;

/**
 * Remembers plugins across restarts, independently of the OSGi bundle cache: one Config Admin factory configuration
 * per plugin ({@code org.taskhost.plugin~<name>}) and the built jars in {@code <data>/plugins/<name>/<commit>.jar}.
 * A credential is kept only on request, in {@code <data>/tokens/<name>} (its secret) and {@code <name>.user} (its
 * user name, when it has one of its own), both mode 0600; the configuration never holds one. The configuration is written
 * last, so a plugin whose add was interrupted is not there at the next start. Config Admin is read once, at start:
 * reads answer from memory, so they never meet a configuration being deleted and never wait for the disk.
 */
final class PluginStore {

    static final String FACTORY_PID = "org.taskhost.plugin";
    private final ConfigurationAdmin cm;
    private final Path data;
    private final Map<String, InstalledPlugin> kept = new ConcurrentHashMap<>();

    PluginStore(ConfigurationAdmin cm, Path data) throws IOException {
        this.cm = cm;
        this.data = data;
        if (cm != null) {
            load();
        }
    }

    Path jar(String name, String commit) {
        return data.resolve("plugins").resolve(name).resolve(commit.replaceAll("[^A-Za-z0-9_-]", "_") + ".jar");
    }

    Path workDir() throws IOException {
        return Files.createDirectories(data.resolve("work"));
    }

    void saveJar(String name, String commit, byte[] jar) throws IOException {
        Path target = jar(name, commit);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "partial", ".jar");
        Files.write(tmp, jar);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void save(InstalledPlugin p) throws IOException {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", p.name());
        put(props, "git_url", p.gitUrl());
        props.put("branch", p.branch());
        props.put("path", p.path());
        put(props, "local_path", p.localPath());
        props.put("commit", p.commit());
        props.put("class_name", p.className());
        put(props, "plugin_type", p.pluginType());
        props.put("parameters", json(p.parameters()));
        props.put("auto_start", p.autoStart());
        props.put("autostart_order", p.autostartOrder() == null ? Integer.MAX_VALUE : p.autostartOrder());
        props.put("installed_at", p.installedAt().toString());
        cm.getFactoryConfiguration(FACTORY_PID, p.name(), "?").updateIfDifferent(props);
        kept.put(p.name(), p);
    }

    private static void put(Dictionary<String, Object> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private void load() throws IOException {
        try {
            Configuration[] configs = cm.listConfigurations("(service.factoryPid=" + FACTORY_PID + ")");
            for (Configuration c : configs == null ? new Configuration[0] : configs) {
                Dictionary<String, Object> props = c.getProperties();
                if (props != null && props.get("name") instanceof String) {
                    InstalledPlugin p = read(props);
                    kept.put(p.name(), p);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return every kept plugin in boot order: autostart_order, then name */
    List<InstalledPlugin> all() {
        List<InstalledPlugin> out = new ArrayList<>(kept.values());
        out.sort(Comparator.comparing((InstalledPlugin p) -> p.autostartOrder() == null ? Integer.MAX_VALUE : p.autostartOrder())
                .thenComparing(InstalledPlugin::name));
        return out;
    }

    Optional<InstalledPlugin> find(String name) {
        return Optional.ofNullable(kept.get(name));
    }

    /** Forgets a plugin: its configuration, jars and token. */
    void delete(String name) throws IOException {
        kept.remove(name);
        cm.getFactoryConfiguration(FACTORY_PID, name, "?").delete();
        deleteTree(data.resolve("plugins").resolve(name));
        Files.deleteIfExists(token(name));
        Files.deleteIfExists(user(name));
        // the runtime's autosave of the plugin's inputs and ENABLE: a plugin added again under this name starts afresh
        Files.deleteIfExists(data.resolve("autosave").resolve(name + ".yaml"));
    }

    /** Removes the jars of a plugin except the one in use. */
    void prune(String name, String keepCommit) throws IOException {
        Path dir = data.resolve("plugins").resolve(name);
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    if (!f.equals(jar(name, keepCommit))) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    void saveCredential(String name, GitCredential credential) throws IOException {
        Files.deleteIfExists(user(name));
        if (!credential.username().equals(GitCredential.TOKEN_USER)) {
            writePrivate(user(name), credential.username());
        }
        writePrivate(token(name), credential.secret());
    }

    /** @return the kept credential; a file from before user names were kept holds a lone token */
    Optional<GitCredential> keptCredential(String name) throws IOException {
        Path file = token(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8);
        Path user = user(name);
        return Optional.of(Files.exists(user) ? new GitCredential(Files.readString(user, StandardCharsets.UTF_8), secret, null)
                : GitCredential.token(secret));
    }

    /** Created 0600 before anything is written into it. */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    Path token(String name) {
        return data.resolve("tokens").resolve(name);
    }

    private Path user(String name) {
        return data.resolve("tokens").resolve(name + ".user");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static InstalledPlugin read(Dictionary<String, Object> d) {
        int order = d.get("autostart_order") instanceof Integer i ? i : Integer.MAX_VALUE;
        return new InstalledPlugin((String) d.get("name"), (String) d.get("git_url"), str(d.get("branch")), str(d.get("path")),
                (String) d.get("local_path"), (String) d.get("commit"), (String) d.get("class_name"), (String) d.get("plugin_type"),
                parameters((String) d.get("parameters")), !Boolean.FALSE.equals(d.get("auto_start")),
                order == Integer.MAX_VALUE ? null : order, Instant.parse((String) d.get("installed_at")));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Parameters are kept as one JSON text: Config Admin values cannot be maps. */
    static String json(Map<String, Object> parameters) {
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.FLOW).build()).dumpToString(new LinkedHashMap<>(parameters)).trim();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parameters(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Object v = new Load(LoadSettings.builder().build()).loadFromString(json);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
