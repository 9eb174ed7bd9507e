package org.taskhost.api.handoff;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A bounded hand-off from any number of producers to one consumer, called on a thread of the hand-off's own, one item
 * at a time and in order. Producers never wait.
 * <p>
 * Items are grouped by key: an item whose key already waits joins that key's run, in the place of the run's first item,
 * and a run keeps at most {@code perKey} items, its oldest dropped (with {@code perKey} 1, the newest value of each key
 * waits: coalescing). When {@code capacity} items wait in all, the oldest waiting item is dropped. Without a key
 * function every item is a run of its own: drop oldest. Every drop is counted ({@link #counts()}).
 * <p>
 * A consumer that throws is counted and logged at its 1st, 10th, 100th, ... failure, and goes on receiving. While items
 * come densely (more than {@value #DENSE} in {@value #WINDOW_NANOS} ns) the thread takes what has come every
 * {@value #PAUSE_NANOS} ns instead of being woken for each item: at 10,000 items a second a wake-up per item costs
 * several per cent of a core in system calls alone.
 *
 * @param <T> the items
 */
public final class Handoff<T> implements AutoCloseable {

    /** The rate above which items are taken in runs: {@value} in a window of {@value #WINDOW_NANOS} ns (2,000/s). */
    static final int DENSE = 20;
    static final long WINDOW_NANOS = 10_000_000;
    /** The pause before looking again while items are dense: what a run may add to an item's delivery. */
    static final long PAUSE_NANOS = 500_000;

    /**
     * What a hand-off has done so far.
     *
     * @param offered items offered while open
     * @param delivered items the consumer was called with
     * @param dropped items dropped because their run or the hand-off was full
     * @param failed calls of the consumer that threw
     * @param waiting items waiting now
     */
    public record Counts(long offered, long delivered, long dropped, long failed, int waiting) {

        /** @return the sum of two counts, for a total over several hand-offs */
        public Counts plus(Counts other) {
            return new Counts(offered + other.offered, delivered + other.delivered, dropped + other.dropped,
                    failed + other.failed, waiting + other.waiting);
        }

        /** No items. */
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    private final String name;
    private final int capacity;
    private final ToIntFunction<? super T> perKey;
    private final Function<? super T, ?> key;
    private final Consumer<? super T> consumer;
    private final Consumer<? super T> onDrop;
    private final System.Logger log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final LinkedHashMap<Object, ArrayDeque<T>> runs = new LinkedHashMap<>();
    private final Thread thread;

    private int waiting;
    private Runnable last;
    private boolean consumerBlocked;
    private boolean closed;
    private long offered;
    /** written by the consumer's thread only, so that counting a delivery takes no lock a producer waits on */
    private volatile long delivered;
    private long dropped;
    private volatile long failed;

    Handoff(HandoffBuilder<T> b) {
        this.name = b.name;
        this.capacity = b.capacity;
        this.perKey = b.perKey;
        this.key = b.key;
        this.consumer = Objects.requireNonNull(b.consumer, "consumer");
        this.onDrop = b.onDrop;
        this.log = b.log == null ? System.getLogger("org.taskhost.handoff") : b.log;
        this.thread = b.threads.newThread(this::drain);
        thread.start();
    }

    /**
     * @param name names the thread and the log lines
     * @return a builder; by default 10,000 items, one run per item (drop oldest), a platform daemon thread
     */
    public static <T> HandoffBuilder<T> named(String name) {
        return new HandoffBuilder<>(name);
    }

    /**
     * Hands an item over; never waits.
     *
     * @return false when the hand-off is closed and the item was not taken
     */
    public boolean offer(T item) {
        Object k = key == null ? new Object() : key.apply(item);
        T droppedFromRun = null;
        T droppedOldest = null;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            offered++;
            ArrayDeque<T> run = runs.get(k);
            if (run == null) {
                run = new ArrayDeque<>(4);
                runs.put(k, run);
            } else if (run.size() >= perKey.applyAsInt(item)) {
                droppedFromRun = run.removeFirst();
                dropped++;
                waiting--;
            }
            run.addLast(item);
            if (++waiting > capacity) {
                droppedOldest = dropOldest();
            }
            if (consumerBlocked) {
                arrived.signal();
            }
        } finally {
            lock.unlock();
        }
        dropped(droppedFromRun);
        dropped(droppedOldest);
        return true;
    }

    /** Tells the owner of a dropped item, outside the lock: it may complete a future that waits for the item. */
    private void dropped(T item) {
        if (item != null && onDrop != null) {
            try {
                onDrop.accept(item);
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.WARNING, name + ": handling a dropped item failed", e);
            }
        }
    }

    private T dropOldest() {
        Iterator<ArrayDeque<T>> first = runs.values().iterator();
        ArrayDeque<T> run = first.next();
        T oldest = run.removeFirst();
        if (run.isEmpty()) {
            first.remove();
        }
        dropped++;
        waiting--;
        return oldest;
    }

    /** @return what the hand-off has done so far */
    public Counts counts() {
        lock.lock();
        try {
            return new Counts(offered, delivered, dropped, failed, waiting);
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more items; what waits is still delivered, then the thread ends. */
    @Override
    public void close() {
        close(null);
    }

    /**
     * Takes no more items; what waits is still delivered, then {@code last} runs on the consumer's thread (to give
     * back what the consumer held, after its last item), then the thread ends.
     *
     * @param last null for nothing
     */
    public void close(Runnable last) {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                this.last = last;
            }
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes no more items and drops what waits (uncounted: nobody is left to hear it, but the drop handler is told of
     * each); the thread ends.
     */
    public void closeNow() {
        List<T> left = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            runs.values().forEach(left::addAll);
            runs.clear();
            waiting = 0;
            arrived.signal();
        } finally {
            lock.unlock();
        }
        left.forEach(this::dropped);
    }

    /** @return whether the thread ended within the time, after {@link #close()} */
    public boolean awaitEnd(Duration time) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            return false;
        }
        return thread.join(time);
    }

    private void drain() {
        long window = System.nanoTime();
        int inWindow = 0;
        boolean dense = false;
        while (true) {
            ArrayDeque<T> run = next(dense);
            if (run == null) {
                runLast();
                return;
            }
            long now = System.nanoTime();
            if (now - window > WINDOW_NANOS) {
                dense = inWindow >= DENSE;
                window = now;
                inWindow = 0;
            }
            inWindow += run.size();
            for (T item : run) {
                deliver(item);
            }
        }
    }

    /** @return the oldest run, or null when closed and nothing waits */
    private ArrayDeque<T> next(boolean dense) {
        lock.lock();
        try {
            if (runs.isEmpty() && dense && !closed) {
                lock.unlock();
                try {
                    // many items lately: look again after a short pause, so that they are taken in runs, instead of
                    // this thread being woken (a system call on each side) for every one of them
                    LockSupport.parkNanos(PAUSE_NANOS);
                } finally {
                    lock.lock();
                }
            }
            while (runs.isEmpty()) {
                if (closed) {
                    return null;
                }
                consumerBlocked = true;
                try {
                    arrived.awaitUninterruptibly();
                } finally {
                    consumerBlocked = false;
                }
            }
            Iterator<Map.Entry<Object, ArrayDeque<T>>> first = runs.entrySet().iterator();
            ArrayDeque<T> run = first.next().getValue();
            first.remove();
            waiting -= run.size();
            return run;
        } finally {
            lock.unlock();
        }
    }

    private void deliver(T item) {
        try {
            consumer.accept(item);
        } catch (RuntimeException | LinkageError e) {
            long n = failed + 1;
            failed = n;
            if (Long.toString(n).matches("10*")) {
                log.log(System.Logger.Level.WARNING, name + ": the consumer failed (" + n + " times so far)", e);
            }
        } finally {
            delivered = delivered + 1;
        }
    }

    private void runLast() {
        Runnable r;
        lock.lock();
        try {
            r = last;
            last = null;
        } finally {
            lock.unlock();
        }
        if (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.WARNING, name + ": closing failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return name + (thread.isAlive() ? "" : " (ended)");
    }
}
