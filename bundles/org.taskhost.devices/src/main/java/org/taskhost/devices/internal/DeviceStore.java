package org.taskhost.devices.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.cm.ConfigurationAdmin;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.devices.internal.answers.DeviceDefinition;
import org.taskhost.json.TaskhostJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Keeps each device as a Config Admin factory configuration {@code org.taskhost.device~<id>}, which Felix Config
 * Admin writes into the data directory ({@code felix.cm.dir}, set by the boot bundle), so devices survive restarts
 * of taskhost with a clean bundle cache. Scalars are properties of their own; {@code options} and {@code points}
 * are JSON text, as Config Admin values cannot be maps.
 */
final class DeviceStore implements DeviceRegistry.Store {

    static final String FACTORY_PID = "org.taskhost.device";
    private final ConfigurationAdmin cm;

    DeviceStore(ConfigurationAdmin cm) {
        this.cm = cm;
    }

    @Override
    public void save(DeviceConfig config) throws IOException {
        Dictionary<String, Object> props = new Hashtable<>();
        for (Map.Entry<String, Object> e : fields(config).entrySet()) {
            Object v = e.getValue();
            props.put(e.getKey(), e.getKey().equals("options") || e.getKey().equals("points") ? TaskhostJson.mapper().writeValueAsString(v) : v);
        }
        cm.getFactoryConfiguration(FACTORY_PID, config.id(), "?").update(props);
    }

    /** @return the definition's fields as its JSON has them, in the form {@link DeviceParser#parse} reads back */
    static Map<String, Object> fields(DeviceConfig config) {
        return TaskhostJson.mapper().convertValue(DeviceDefinition.of(config), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    @Override
    public void delete(String id) throws IOException {
        cm.getFactoryConfiguration(FACTORY_PID, id, "?").delete();
    }

    /**
     * @param props a configuration's properties, as stored here or written by hand in {@code etc/org.taskhost.device-<id>.cfg}
     * @return the definition for {@link DeviceParser#parse}, without Config Admin's own properties
     * @throws InvalidDeviceException if {@code options} or {@code points} is not JSON
     */
    static Map<String, Object> definition(Dictionary<String, ?> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            if (k.startsWith("service.") || k.startsWith("felix.") || k.equals("component.name") || k.equals("component.id")) {
                continue;
            }
            Object v = props.get(k);
            if ((k.equals("options") || k.equals("points")) && v instanceof String text) {
                try {
                    v = TaskhostJson.mapper().readValue(text, Object.class);
                } catch (JsonProcessingException e) {
                    throw new InvalidDeviceException(java.util.List.of(new org.taskhost.api.device.DeviceProblem(k,
                            "is not JSON: " + e.getOriginalMessage())));
                }
            }
            out.put(k, v);
        }
        return out;
    }
}
