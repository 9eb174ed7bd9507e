package org.taskhost.runtime.test.plugins;

import java.util.concurrent.CountDownLatch;

/** A task whose constructor never returns. */
public class HangingConstructorTask extends CountingTask {

    public HangingConstructorTask() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
