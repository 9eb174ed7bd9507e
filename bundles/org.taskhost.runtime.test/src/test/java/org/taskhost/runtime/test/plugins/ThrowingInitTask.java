package org.taskhost.runtime.test.plugins;

/** A task whose initialize() throws. */
public class ThrowingInitTask extends CountingTask {

    @Override
    public void initialize() {
        throw new IllegalStateException("no hardware");
    }
}
