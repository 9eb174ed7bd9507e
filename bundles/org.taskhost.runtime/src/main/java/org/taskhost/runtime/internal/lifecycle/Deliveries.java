package org.taskhost.runtime.internal.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.taskhost.api.handoff.Handoff;
import org.taskhost.runtime.internal.devices.PluginDevices;
import org.taskhost.runtime.internal.log.PluginLog;
import org.taskhost.runtime.internal.messaging.PluginMessaging;

/**
 * What reaches a plugin from outside, on its way to the plugin's executor: the messages and point changes it
 * subscribed to, and the puts to its inputs (from CA, REST, MQTT triggers). They wait in a {@link Handoff} of
 * {@value #CAPACITY}, so a plugin that does not keep up loses only its own oldest messages, all but the newest
 * {@value #PER_POINT} values of a point, and all but the newest put of an input (whose client hears it handled, as the
 * value was written), counted in its state, while every other plugin runs on time. They are handed to the executor one
 * at a time, each waited for, so that the executor's own queue never holds more than one of them.
 */
final class Deliveries implements AutoCloseable {

    static final int CAPACITY = 1000;
    static final int PER_POINT = 16;

    /** One call into the plugin; its key groups the values of one point, or the puts of one input. */
    private record Item(Object key, String failure, Supplier<CompletionStage<?>> work, CompletableFuture<Void> done) {
    }

    /** The key of the puts of one input: only the newest waits. */
    private record Put(String pv) {
    }

    private final PluginExecutor executor;
    private final Supplier<Duration> timeout;
    private final Handoff<Item> handoff;

    /**
     * @param plugin the plugin's name
     * @param executor the plugin's serial executor
     * @param timeout the watchdog's limit for one call, as the parameters say now
     * @param log the plugin's log, for calls that fail
     */
    Deliveries(String plugin, PluginExecutor executor, Supplier<Duration> timeout, PluginLog log) {
        this.executor = executor;
        this.timeout = timeout;
        this.handoff = Handoff.<Item>named("plugin " + plugin).capacity(CAPACITY)
                .coalesce(Item::key, item -> item.key() instanceof Put ? 1 : PER_POINT).onDrop(item -> item.done().complete(null)).log(log)
                .threads(Thread.ofVirtual().name("deliveries-" + plugin).factory()).start(item -> {
                    try {
                        item.work().get().toCompletableFuture().join();
                        item.done().complete(null);
                    } catch (CompletionException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        item.done().completeExceptionally(cause);
                        if (item.failure() != null) {
                            log.log(System.Logger.Level.WARNING, item.failure(), cause);
                        }
                    }
                });
    }

    void message(PluginMessaging.Delivery d) {
        offer(new Object(), "the handler of " + d.filter() + " failed on " + d.message().topic(), () -> executor.submit(
                "onMessage(" + d.message().topic() + ")", () -> {
                    d.handler().onMessage(d.message());
                    return null;
                }, timeout.get()));
    }

    void point(PluginDevices.Delivery d) {
        offer(List.of(d.listener(), d.point()), "the listener of point " + d.point() + " failed", () -> executor.submit(
                "point listener(" + d.point() + ")", () -> {
                    d.listener().changed(d.point(), d.value());
                    return null;
                }, timeout.get()));
    }

    /**
     * @param pv the input's name
     * @param handling hands the put to the plugin and completes when it has handled it (the runner reports failures)
     * @return completes when the put was handled, or when a newer put of the same input took its place
     */
    CompletionStage<Void> put(String pv, Supplier<CompletionStage<?>> handling) {
        return offer(new Put(pv), null, handling);
    }

    private CompletableFuture<Void> offer(Object key, String failure, Supplier<CompletionStage<?>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!handoff.offer(new Item(key, failure, work, done))) {
            done.completeExceptionally(new IllegalStateException("the plugin has stopped"));
        }
        return done;
    }

    /** @return what was dropped so far */
    long dropped() {
        return handoff.counts().dropped();
    }

    /** Drops what waits: the plugin has stopped. */
    @Override
    public void close() {
        handoff.closeNow();
    }
}
