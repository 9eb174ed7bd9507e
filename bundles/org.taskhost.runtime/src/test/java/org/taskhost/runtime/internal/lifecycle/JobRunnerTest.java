package org.taskhost.runtime.internal.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskhost.api.JobBase;
import org.taskhost.api.JobResult;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.JobBusyException;

class JobRunnerTest {

    private final Fixture fixture = new Fixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** A job whose execute() is a lambda. */
    static final class LambdaJob extends JobBase {
        interface Body {
            JobResult run() throws Exception;
        }

        final AtomicInteger runs = new AtomicInteger();
        volatile Body body = () -> null;

        @Override
        public void initialize() {
        }

        @Override
        public JobResult execute() throws Exception {
            runs.incrementAndGet();
            return body.run();
        }
    }

    private JobRunner ready(String yaml, LambdaJob job) {
        JobRunner r = fixture.job(yaml, job);
        await("initialized").until(() -> r.started().toCompletableFuture().getNow(null) == PluginPhase.READY);
        assertThat(r.state().message()).isEqualTo("Idle");
        return r;
    }

    @Test
    void aRunReturnsItsResultWithData() throws Exception {
        LambdaJob job = new LambdaJob();
        job.body = () -> JobResult.ok(Map.of("uptime", 12345), "Diagnostics OK");
        JobRunner r = ready("", job);
        JobResult result = r.trigger().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(result.success()).isTrue();
        assertThat(result.data()).isEqualTo(Map.of("uptime", 12345));
        assertThat(r.state().status()).isEqualTo("SUCCESS");
        assertThat(r.state().message()).isEqualTo("Diagnostics OK");
        assertThat(r.results()).containsExactly(result);
    }

    @Test
    void nullIsSuccessAndAnExceptionIsAFailedRun() throws Exception {
        LambdaJob job = new LambdaJob();
        JobRunner r = ready("", job);
        assertThat(r.trigger().toCompletableFuture().get(5, TimeUnit.SECONDS).message()).isEqualTo("Completed");
        job.body = () -> {
            throw new IllegalStateException("disk full");
        };
        JobResult failed = r.trigger().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(failed.success()).isFalse();
        assertThat(failed.message()).isEqualTo("disk full");
        assertThat(r.state().status()).isEqualTo("FAILED");
    }

    @Test
    void theTimeoutParameterIsEnforced() throws Exception {
        LambdaJob job = new LambdaJob();
        job.body = () -> {
            new CountDownLatch(1).await();
            return null;
        };
        JobRunner r = ready("parameters:\n  timeout: 0.2\n", job);
        JobResult result = r.trigger().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("execute() timed out after 0.2 s");
        assertThat(r.state().status()).isEqualTo("FAILED");
    }

    @Test
    void aSecondRunWhileRunningIsRefused() throws Exception {
        LambdaJob job = new LambdaJob();
        CountDownLatch release = new CountDownLatch(1);
        job.body = () -> {
            release.await();
            return null;
        };
        JobRunner r = ready("", job);
        CompletableFuture<JobResult> first = r.trigger().toCompletableFuture();
        assertThat(r.pv("RUN").get()).isEqualTo(1);
        assertThatThrownBy(r::trigger).isInstanceOf(JobBusyException.class).hasMessage("job " + r.name() + " is already running");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).success()).isTrue();
        assertThat(r.pv("RUN").get()).isEqualTo(0);
        assertThat(job.runs).hasValue(1);
    }

    @Test
    void theLastTwentyResultsAreKept() throws Exception {
        LambdaJob job = new LambdaJob();
        job.body = () -> JobResult.ok(job.runs.get(), "run " + job.runs.get());
        JobRunner r = ready("", job);
        for (int i = 0; i < 25; i++) {
            r.trigger().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        List<JobResult> results = r.results();
        assertThat(results).hasSize(20);
        assertThat(results.get(0).message()).isEqualTo("run 6");
        assertThat(results.get(19).message()).isEqualTo("run 25");
    }

    @Test
    void aRunPutRunsTheJobAndCompletesWhenItEnds() throws Exception {
        LambdaJob job = new LambdaJob();
        JobRunner r = ready("", job);
        r.pv("RUN").put(1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(job.runs).hasValue(1);
        assertThat(r.results()).hasSize(1);
    }
}
