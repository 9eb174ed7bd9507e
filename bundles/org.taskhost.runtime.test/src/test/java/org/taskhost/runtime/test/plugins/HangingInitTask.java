package org.taskhost.runtime.test.plugins;

import java.util.concurrent.CountDownLatch;

/** A task whose initialize() never returns. */
public class HangingInitTask extends CountingTask {

    @Override
    public void initialize() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
