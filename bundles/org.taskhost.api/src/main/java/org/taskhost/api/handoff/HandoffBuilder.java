package org.taskhost.api.handoff;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Sets up a {@link Handoff}: {@code Handoff.<T>named("view mqtt").capacity(10_000).coalesce(key, 16).start(consumer)}.
 *
 * @param <T> the items
 */
public final class HandoffBuilder<T> {

    final String name;
    int capacity = 10_000;
    ToIntFunction<? super T> perKey = item -> Integer.MAX_VALUE;
    Function<? super T, ?> key;
    Consumer<? super T> consumer;
    Consumer<? super T> onDrop;
    ThreadFactory threads;
    System.Logger log;

    HandoffBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.threads = Thread.ofPlatform().daemon().name("handoff " + name).factory();
    }

    /** @param items the most items that wait in all; the oldest is dropped beyond it */
    public HandoffBuilder<T> capacity(int items) {
        if (items < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + items);
        }
        this.capacity = items;
        return this;
    }

    /**
     * @param key groups items: one waiting with the same key takes the new one into its run
     * @param perKey the most items a run keeps, its oldest dropped beyond it (1: only the newest waits)
     */
    public HandoffBuilder<T> coalesce(Function<? super T, ?> key, int perKey) {
        if (perKey < 1) {
            throw new IllegalArgumentException("perKey must be at least 1, got " + perKey);
        }
        return coalesce(key, item -> perKey);
    }

    /**
     * @param key groups items: one waiting with the same key takes the new one into its run
     * @param perKey the most items the run of a new item's key keeps (at least 1), for a hand-off whose kinds of
     *        item keep different numbers
     */
    public HandoffBuilder<T> coalesce(Function<? super T, ?> key, ToIntFunction<? super T> perKey) {
        this.key = Objects.requireNonNull(key, "key");
        this.perKey = item -> Math.max(1, perKey.applyAsInt(item));
        return this;
    }

    /** @param threads makes the consumer's thread (a virtual one for a consumer that waits) */
    public HandoffBuilder<T> threads(ThreadFactory threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        return this;
    }

    /**
     * @param onDrop told of each item dropped (outside the hand-off's lock), so that whoever waits for it hears of
     *        it: a future completed, a resource given back
     */
    public HandoffBuilder<T> onDrop(Consumer<? super T> onDrop) {
        this.onDrop = onDrop;
        return this;
    }

    /** @param log where a failing consumer is reported */
    public HandoffBuilder<T> log(System.Logger log) {
        this.log = log;
        return this;
    }

    /** @return the hand-off, its thread started, calling the consumer with each item */
    public Handoff<T> start(Consumer<? super T> consumer) {
        this.consumer = consumer;
        return new Handoff<>(this);
    }
}
