package org.taskhost.runtime.internal.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.taskhost.api.JobBase;
import org.taskhost.api.TaskBase;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.runtime.internal.config.ConfigParser;
import org.taskhost.runtime.internal.views.ViewListeners;

/** Builds runners around test plugins, on a real scheduler, and stops them all afterwards. */
final class Fixture implements AutoCloseable {

    final Clocks clocks = new Clocks();
    final List<PluginEvent> events = new CopyOnWriteArrayList<>();
    final ViewListeners views = new ViewListeners();
    private final List<Runner> runners = new CopyOnWriteArrayList<>();

    PluginSetup setup(String name, String yaml) {
        try {
            return new PluginSetup(name, "T:" + name.toUpperCase(), new ConfigParser("config.yaml").parse(yaml), "1.0",
                    1, clocks, e -> {
                        events.add(e);
                        views.pluginEvent(e);
                    }, views::changed);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    TaskRunner task(String yaml, TaskBase plugin) {
        return started(new TaskRunner(setup("t" + runners.size(), yaml), plugin));
    }

    JobRunner job(String yaml, JobBase plugin) {
        return started(new JobRunner(setup("j" + runners.size(), yaml), plugin));
    }

    private <R extends Runner> R started(R runner) {
        runners.add(runner);
        runner.start();
        return runner;
    }

    @Override
    public void close() {
        runners.forEach(Runner::stop);
        clocks.close();
        views.close();
    }
}
