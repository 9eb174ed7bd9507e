package org.taskhost.runtime.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import sun.misc.Signal;

/**
 * In the launched taskhost process (framework property {@code taskhost.signals=true}), SIGTERM stops the framework,
 * so every plugin's cleanup() runs, and then exits 0: a daemon manager sees a clean stop, not status 143.
 */
@Component(immediate = true)
public class SignalShutdown {

    @Activate
    public SignalShutdown(BundleContext context) {
        if (!"true".equals(context.getProperty("taskhost.signals"))) {
            return;
        }
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        Signal.handle(new Signal("TERM"), signal -> Thread.ofPlatform().name("taskhost-shutdown").start(() -> {
            try {
                framework.stop();
                framework.waitForStop(120_000);
            } catch (Exception e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
            System.exit(0);
        }));
    }
}
