package org.taskhost.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginState;

/** A plugin as iocmng's clients read it (its field names), plus taskhost's live state. Never holds a token. */
final class PluginDicts {

    private PluginDicts() {
    }

    static Map<String, Object> of(String name, Optional<InstalledPlugin> kept, Optional<ManagedPlugin> live) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("git_url", kept.map(InstalledPlugin::gitUrl).orElse(null));
        d.put("plugin_type", live.map(p -> p.kind() == PluginKind.JOB ? "job" : "task").orElse(kept.map(InstalledPlugin::pluginType).orElse(null)));
        d.put("class_name", live.map(ManagedPlugin::className).orElse(kept.map(InstalledPlugin::className).orElse(null)));
        d.put("path", kept.map(InstalledPlugin::path).orElse(""));
        d.put("branch", kept.map(InstalledPlugin::branch).orElse(""));
        d.put("local_path", kept.map(InstalledPlugin::localPath).orElse(null));
        d.put("commit", kept.map(InstalledPlugin::commit).orElse(null));
        d.put("auto_start", kept.map(InstalledPlugin::autoStart).orElse(true));
        d.put("autostart_order", kept.map(InstalledPlugin::autostartOrder).orElse(null));
        d.put("parameters", kept.map(InstalledPlugin::parameters).orElse(Map.of()));
        Optional<PluginState> s = live.map(ManagedPlugin::state);
        boolean error = s.map(x -> x.status().equals("ERROR") || x.status().equals("FAILED")).orElse(false);
        boolean job = live.map(p -> p.kind() == PluginKind.JOB).orElse("job".equals(d.get("plugin_type")));
        d.put("status", live.isEmpty() ? "stopped" : error ? "error" : job ? "loaded" : "running");
        d.put("running", live.isPresent() && !error && !job);
        d.put("cycle_count", s.map(PluginState::cycles).orElse(0L));
        d.put("state", s.map(PluginState::status).orElse("STOPPED"));
        d.put("message", s.map(PluginState::message).orElse(""));
        d.put("enabled", s.map(PluginState::enabled).orElse(false));
        d.put("mode", live.map(p -> p.mode().name().toLowerCase()).orElse(null));
        return d;
    }
}
