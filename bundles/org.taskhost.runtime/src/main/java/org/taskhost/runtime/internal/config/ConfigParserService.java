package org.taskhost.runtime.internal.config;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.config.PluginConfigParser;

/** The runtime's config.yaml parser as a service, so that the loader and the views check plugins by the same rules. */
@Component
public class ConfigParserService implements PluginConfigParser {

    @Override
    public PluginConfig parse(String file, String text) throws ConfigException {
        return new ConfigParser(file).parse(text);
    }

    @Override
    public PluginConfig withParameters(PluginConfig config, Map<String, Object> overrides) throws ConfigException {
        return ParameterRules.merge(PluginDescriptor.of(config), overrides);
    }
}
