package org.taskhost.runtime.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The user's parameter values for a plugin, which win over its config.yaml: property {@code parameters} (one JSON
 * text) of the loader's configuration {@code org.taskhost.plugin~<name>}, where the loader keeps each plugin.
 */
final class ParameterOverrides {

    static final String FACTORY_PID = "org.taskhost.plugin";

    private ParameterOverrides() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(ConfigurationAdmin cm, String plugin) {
        if (cm == null) {
            return Map.of();
        }
        try {
            Configuration[] found = cm.listConfigurations("(&(service.factoryPid=" + FACTORY_PID + ")(name=" + plugin + "))");
            if (found == null || found.length == 0 || !(found[0].getProperties().get("parameters") instanceof String json)) {
                return Map.of();
            }
            Object v = new Load(LoadSettings.builder().build()).loadFromString(json);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            return Map.of();
        }
    }
}
