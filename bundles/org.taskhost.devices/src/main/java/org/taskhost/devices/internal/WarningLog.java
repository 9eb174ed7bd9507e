package org.taskhost.devices.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/** A {@link System.Logger} that passes warnings and errors, with their cause, to the devices bundle's own log. */
final class WarningLog implements System.Logger {

    private final String name;
    private final Consumer<String> warn;

    WarningLog(String name, Consumer<String> warn) {
        this.name = name;
        this.warn = warn;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.getSeverity() >= Level.WARNING.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            warn.accept(thrown == null ? message : message + ": " + thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            warn.accept(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }
    }
}
