package org.taskhost.runtime.test.plugins;

import org.taskhost.api.TaskBase;

/**
 * A continuous task that counts; cleanup() records itself in a system property, the one channel shared
 * between the plugin's own class loader and the test.
 */
public class CountingTask extends TaskBase {

    @Override
    public void initialize() throws Exception {
        pv("COUNT").set(0);
    }

    @Override
    public void execute() {
        pv("COUNT").set((long) pv("COUNT").getDouble() + 1);
    }

    @Override
    public void cleanup() {
        String key = "taskhost.it.cleanup." + name();
        System.setProperty(key, String.valueOf(Integer.getInteger(key, 0) + 1));
    }
}
