package org.taskhost.runtime.internal.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.taskhost.api.JobResult;

/**
 * Trigger requests of a task: one run at a time; a request during a run queues exactly one more run,
 * which all requests made during that run share. Never drops a request silently, as iocmng did.
 */
final class TriggerQueue {

    private final Supplier<CompletableFuture<JobResult>> run;
    private CompletableFuture<JobResult> current;
    private CompletableFuture<JobResult> queued;

    TriggerQueue(Supplier<CompletableFuture<JobResult>> run) {
        this.run = run;
    }

    /**
     * @param idle called when the last run ends with nothing queued
     * @return completes when the run that serves this request ends
     */
    CompletableFuture<JobResult> request(Runnable idle) {
        CompletableFuture<JobResult> answer;
        synchronized (this) {
            if (current != null) {
                if (queued == null) {
                    queued = new CompletableFuture<>();
                }
                return queued;
            }
            current = new CompletableFuture<>();
            answer = current;
        }
        dispatch(idle);
        return answer;
    }

    private void dispatch(Runnable idle) {
        run.get().whenComplete((result, e) -> {
            CompletableFuture<JobResult> finished;
            boolean again;
            synchronized (this) {
                finished = current;
                again = queued != null;
                current = queued;
                queued = null;
            }
            if (!again) {
                idle.run();
            }
            if (e != null) {
                finished.completeExceptionally(e);
            } else {
                finished.complete(result);
            }
            if (again) {
                dispatch(idle);
            }
        });
    }
}
