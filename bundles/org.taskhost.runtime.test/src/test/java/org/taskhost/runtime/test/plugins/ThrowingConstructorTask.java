package org.taskhost.runtime.test.plugins;

/** A task whose constructor throws. */
public class ThrowingConstructorTask extends CountingTask {

    public ThrowingConstructorTask() {
        throw new IllegalStateException("constructor refuses");
    }
}
