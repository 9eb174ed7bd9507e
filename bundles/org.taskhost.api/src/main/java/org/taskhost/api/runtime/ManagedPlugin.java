package org.taskhost.api.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;
import org.taskhost.api.JobResult;
import org.taskhost.api.pv.Pv;

/**
 * A running plugin, registered as a service by the runtime with the properties
 * {@code taskhost.plugin.name} and {@code taskhost.plugin.kind}. Views track these services.
 */
@ProviderType
public interface ManagedPlugin {

    /** Service property: the plugin name. */
    String NAME = "taskhost.plugin.name";
    /** Service property: {@code TASK} or {@code JOB}. */
    String KIND = "taskhost.plugin.kind";

    /** @return the unique plugin name */
    String name();

    /** @return task or job */
    PluginKind kind();

    /** @return how execute() is called */
    PluginMode mode();

    /** @return the implementation class name */
    String className();

    /** @return the id of the bundle the plugin came from */
    long bundleId();

    /** @return a snapshot of STATUS, MESSAGE, ENABLE and the counters */
    PluginState state();

    /** @return the merged parameters: config.yaml's, overridden by the user's */
    Map<String, Object> parameterValues();

    /**
     * Replaces the user's parameter overrides while the plugin runs: config.yaml's values, overridden by these,
     * are what {@code parameters()} returns from the next call on.
     *
     * @param overrides the new overrides
     */
    void updateParameters(Map<String, Object> overrides);

    /** @return the plugin's PVs: default PVs first, then inputs, then outputs */
    List<Pv> pvs();

    /** Sets ENABLE to 1: a paused plugin resumes. */
    void enable();

    /** Sets ENABLE to 0: the plugin pauses in any mode. */
    void disable();

    /**
     * Runs the plugin once, as a put of 1 to RUN does: a triggered or reactive task executes once,
     * a job runs. During a task run, one more run is queued.
     *
     * @return completes with the run's result (tasks: success with no data) when it ends
     * @throws JobBusyException if this is a job that is already running
     * @throws IllegalStateException if the plugin is paused or failed to initialize
     */
    CompletionStage<JobResult> trigger();

    /**
     * What a config.yaml trigger does when its source fires: with an input, puts the value into it (with every check
     * of a put) and then, unless the plugin is reactive (the put itself ran it), runs it once as {@link #trigger()}
     * does; without an input, only the run.
     *
     * @param input the input PV's name, or null
     * @param value the value for the input
     * @return completes when the put is done and the run started; exceptionally with why not (a put the plugin
     *         refused: "the plugin failed on the put: ...")
     * @throws IllegalArgumentException if the plugin has no such input
     * @throws IllegalStateException if the plugin cannot run now (without an input)
     * @since 1.2
     */
    default CompletionStage<Void> fire(String input, Object value) {
        if (input == null) {
            trigger();
            return CompletableFuture.completedFuture(null);
        }
        Pv pv = pvs().stream().filter(x -> x.name().equals(input)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input " + input));
        CompletableFuture<Void> done = new CompletableFuture<>();
        pv.put(value).whenComplete((r, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                done.completeExceptionally(new IllegalStateException("the plugin failed on the put: " + cause.getMessage(), cause));
                return;
            }
            try {
                if (mode() != PluginMode.REACTIVE) {
                    trigger();
                }
                done.complete(null);
            } catch (RuntimeException x) {
                done.completeExceptionally(x);
            }
        });
        return done;
    }

    /** Clears an ERROR state and its MESSAGE, as CLEAR=1 does. */
    void clear();

    /** Clears, and zeroes the counters, as RESET=1 does. */
    void reset();

    /** @return the last results, newest last; at most 20 for jobs, empty for tasks */
    List<JobResult> results();

    /** @return the plugin's recent log lines, oldest first */
    List<String> log();
}
