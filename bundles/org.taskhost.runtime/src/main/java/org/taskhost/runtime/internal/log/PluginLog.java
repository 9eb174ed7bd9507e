package org.taskhost.runtime.internal.log;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's logger (and the runtime's own): a {@link System.Logger} over the SLF4J logger of the same name, so its
 * lines go through the one log pipeline (org.taskhost.logging: format, levels per logger from etc/), and the last of
 * them are kept, by {@link PluginLines}, for {@code taskhost:log} and the REST logs endpoint.
 */
public final class PluginLog implements System.Logger {

    private final Logger out;
    /** Held here: the kept lines live as long as this logger (the plugin's runner), no longer. */
    private final PluginLines.Ring kept;

    public PluginLog(String name) {
        this.out = LoggerFactory.getLogger(name);
        this.kept = PluginLines.keep(name);
    }

    @Override
    public String getName() {
        return out.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> out.isTraceEnabled();
            case DEBUG -> out.isDebugEnabled();
            case INFO -> out.isInfoEnabled();
            case WARNING -> out.isWarnEnabled();
            case ERROR -> out.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        switch (level) {
            case ALL, TRACE -> out.trace(msg, thrown);
            case DEBUG -> out.debug(msg, thrown);
            case INFO -> out.info(msg, thrown);
            case WARNING -> out.warn(msg, thrown);
            case ERROR -> out.error(msg, thrown);
            case OFF -> { }
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params), (Throwable) null);
        }
    }

    /** @return the kept lines, oldest first */
    public List<String> recent() {
        return kept.lines();
    }
}
