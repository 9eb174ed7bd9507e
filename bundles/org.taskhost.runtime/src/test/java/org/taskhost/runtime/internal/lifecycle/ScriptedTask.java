package org.taskhost.runtime.internal.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.taskhost.api.PluginContext;
import org.taskhost.api.TaskBase;

/** A task whose steps are lambdas, counting every call, to drive the lifecycle rules from a test. */
class ScriptedTask extends TaskBase {

    interface Step {
        void run() throws Exception;
    }

    final AtomicInteger initializes = new AtomicInteger();
    final AtomicInteger executes = new AtomicInteger();
    final AtomicInteger cleanups = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final List<String> puts = new CopyOnWriteArrayList<>();
    volatile Step onInitialize = () -> { };
    volatile Step onExecute = () -> { };

    @Override
    public void initialize() throws Exception {
        initializes.incrementAndGet();
        onInitialize.run();
    }

    @Override
    public void execute() throws Exception {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            onExecute.run();
            executes.incrementAndGet();
        } finally {
            concurrent.decrementAndGet();
        }
    }

    /** @return the context the runtime gave, as plugin code sees it */
    PluginContext exposedContext() {
        return context();
    }

    @Override
    public void cleanup() {
        cleanups.incrementAndGet();
    }

    @Override
    public void onPut(String pv, Object value) {
        puts.add(pv + "=" + value);
    }
}
