package org.taskhost.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.taskhost.api.JobBase;
import org.taskhost.api.TaskBase;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginHeaders;
import org.taskhost.runtime.internal.config.ConfigParser;
import org.taskhost.runtime.internal.config.ParameterRules;
import org.taskhost.runtime.internal.config.PluginDescriptor;
import org.taskhost.runtime.internal.devices.DevicesHub;
import org.taskhost.runtime.internal.messaging.MessagingHub;
import org.taskhost.runtime.internal.lifecycle.Clocks;
import org.taskhost.runtime.internal.lifecycle.JobRunner;
import org.taskhost.runtime.internal.lifecycle.PluginSetup;
import org.taskhost.runtime.internal.lifecycle.TaskRunner;

/** Turns a bundle with a {@code Taskhost-Plugin} header into a runner, or into a {@link FailedPlugin} that says why not. */
final class PluginFactory {

    static final String PLUGIN_HEADER = PluginHeaders.PLUGIN;
    static final String CONFIG_ENTRY = "config.yaml";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Clocks clocks;
    private final MessagingHub messaging;
    private final DevicesHub devices;
    private final Consumer<PluginEvent> events;
    private final PvListener values;

    PluginFactory(Clocks clocks, Consumer<PluginEvent> events, PvListener values, MessagingHub messaging, DevicesHub devices) {
        this.messaging = messaging;
        this.devices = devices;
        this.clocks = clocks;
        this.events = events;
        this.values = values;
    }

    static String nameOf(Bundle bundle) {
        return PluginHeaders.pluginName(bundle.getSymbolicName(), bundle.getHeaders().get(PluginHeaders.NAME));
    }

    ManagedPlugin create(Bundle bundle, String prefix, Map<String, Object> overrides) {
        String name = nameOf(bundle);
        String className = bundle.getHeaders().get(PLUGIN_HEADER).trim();
        if (!NAME.matcher(name).matches()) {
            return new FailedPlugin(name, className, bundle.getBundleId(),
                    "invalid plugin name '" + name + "': use 1 to 128 letters, digits, '_' or '-'");
        }
        PluginDescriptor descriptor;
        try {
            descriptor = ParameterRules.merge(config(bundle), overrides);
        } catch (ConfigException e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), e.getMessage());
        } catch (IOException e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), "cannot read config.yaml: " + e.getMessage());
        }
        Object instance;
        try {
            Class<?> type = bundle.loadClass(className);
            if (!TaskBase.class.isAssignableFrom(type) && !JobBase.class.isAssignableFrom(type)) {
                return new FailedPlugin(name, className, bundle.getBundleId(),
                        "class " + className + " extends neither org.taskhost.api.TaskBase nor org.taskhost.api.JobBase");
            }
            if (descriptor.declaredKind() == PluginKind.JOB && !JobBase.class.isAssignableFrom(type)) {
                return new FailedPlugin(name, className, bundle.getBundleId(),
                        "config.yaml says mode: job, but " + className + " extends org.taskhost.api.TaskBase");
            }
            instance = construct(type.getConstructor(), descriptor);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), "class not found: " + e.getMessage());
        } catch (NoSuchMethodException e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), "class " + className + " has no public constructor without arguments");
        } catch (InvocationTargetException e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), "constructor failed: " + e.getCause());
        } catch (ConstructorTimeout e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), e.getMessage());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), "cannot create " + className + ": " + e);
        }
        PluginSetup setup = new PluginSetup(name, pvPrefix(prefix, name, descriptor), descriptor, version(bundle, descriptor),
                bundle.getBundleId(), clocks, events, values, messaging, devices);
        return instance instanceof TaskBase t ? new TaskRunner(setup, t) : new JobRunner(setup, (JobBase) instance);
    }

    /** @return {@code prefix:PLUGIN}, the plugin segment being config.yaml's {@code prefix} or the upper-cased name */
    static String pvPrefix(String prefix, String name, PluginDescriptor descriptor) {
        return prefix + ":" + descriptor.prefix().orElse(name.toUpperCase(Locale.ROOT));
    }

    /**
     * @param bundle a plugin bundle
     * @return its config.yaml, without overrides
     * @throws ConfigException when it is not valid
     * @throws IOException when it cannot be read
     */
    static PluginDescriptor config(Bundle bundle) throws ConfigException, IOException {
        return new ConfigParser(CONFIG_ENTRY).parse(read(bundle.getEntry(CONFIG_ENTRY)));
    }

    /** VERSION: config.yaml's {@code version} parameter, else the short commit the loader built, else the bundle version. */
    static String version(Bundle bundle, PluginDescriptor descriptor) {
        Object v = descriptor.parameters().get("version");
        String commit = bundle.getHeaders().get("Taskhost-Commit");
        String text = v != null ? v.toString() : commit != null ? commit.substring(0, Math.min(12, commit.length()))
                : bundle.getVersion().toString();
        return text.length() > 39 ? text.substring(0, 39) : text;
    }

    /** Runs the constructor on a virtual thread, so that one which never returns cannot hold up the extender. */
    private static Object construct(Constructor<?> constructor, PluginDescriptor descriptor)
            throws ReflectiveOperationException, ConstructorTimeout {
        Object limit = descriptor.parameters().get("init_timeout");
        long millis = (long) ((limit instanceof Number n ? n.doubleValue() : 30.0) * 1000);
        FutureTask<Object> task = new FutureTask<>(constructor::newInstance);
        Thread.ofVirtual().name("construct-" + constructor.getDeclaringClass().getName()).start(task);
        try {
            return task.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReflectiveOperationException r) {
                throw r;
            }
            throw new InvocationTargetException(e.getCause());
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ConstructorTimeout("constructor did not return within " + millis / 1000.0 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConstructorTimeout("interrupted while constructing " + constructor.getDeclaringClass().getName());
        }
    }

    /** A plugin constructor that did not return in time. */
    static final class ConstructorTimeout extends Exception {
        private static final long serialVersionUID = 1L;

        ConstructorTimeout(String message) {
            super(message);
        }
    }

    private static String read(URL entry) throws IOException {
        if (entry == null) {
            return "";
        }
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
