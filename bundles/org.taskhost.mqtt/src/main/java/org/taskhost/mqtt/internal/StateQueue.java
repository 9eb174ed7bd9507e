package org.taskhost.mqtt.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The newest retained message of each topic, waiting for room in the connection's in-flight window. A plugin that
 * changes faster than the broker takes its states has the superseded ones skipped (never built, buffered nor
 * written to the spool file) and its last state is always sent. One thread sends, topics in the order in which they
 * first changed since their last send; the payload is made only when it is sent.
 */
final class StateQueue implements AutoCloseable {

    /** A message to send; {@code then} gets the publish's outcome. */
    private record Pending(Supplier<byte[]> payload, Consumer<CompletableFuture<Void>> then) {
    }

    private final StateSink sink;
    private final Map<String, Pending> waiting = new LinkedHashMap<>();
    private final AtomicLong superseded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /**
     * Held while a message is handed to the connection: the sender's last message, what {@link #close} sends and
     * what is offered after it reach the connection one after the other, in that order.
     */
    private final Object sending = new Object();
    private final Thread sender;
    private boolean closed;

    StateQueue(StateSink sink) {
        this.sink = sink;
        this.sender = Thread.ofPlatform().daemon().name("taskhost-mqtt-states").start(this::run);
    }

    /**
     * @param topic the retained topic
     * @param payload makes the message when there is room for it
     * @param then gets the outcome of its publish, unless a newer message for the topic replaced it first
     */
    void offer(String topic, Supplier<byte[]> payload, Consumer<CompletableFuture<Void>> then) {
        Pending p = new Pending(payload, then);
        synchronized (this) {
            if (!closed) {
                if (waiting.put(topic, p) != null) {
                    superseded.incrementAndGet();
                } else if (waiting.size() == 1) {
                    notifyAll();
                }
                return;
            }
        }
        synchronized (sending) {
            send(topic, p);
        }
    }

    /** @return how many messages were replaced by a newer one on their topic before they were sent */
    long superseded() {
        return superseded.get();
    }

    /** @return how many messages could not be made or handed to the connection */
    long failed() {
        return failed.get();
    }

    /** @return how many topics wait */
    synchronized int waiting() {
        return waiting.size();
    }

    private void run() {
        try {
            while (true) {
                while (!sink.awaitRoom(100)) {
                    if (isClosed()) {
                        return;
                    }
                }
                synchronized (this) {
                    while (waiting.isEmpty() && !closed) {
                        wait();
                    }
                }
                synchronized (sending) {
                    Map.Entry<String, Pending> next;
                    synchronized (this) {
                        if (closed) {
                            return;
                        }
                        Iterator<Map.Entry<String, Pending>> it = waiting.entrySet().iterator();
                        next = it.next();
                        it.remove();
                    }
                    send(next.getKey(), next.getValue());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Never throws: the one sender thread must outlive a payload or a callback that fails. */
    private void send(String topic, Pending p) {
        try {
            p.then().accept(sink.publish(topic, p.payload().get(), 1, true));
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    /** Stops the sender and hands what still waits to the connection, which buffers it while the broker is away. */
    @Override
    public void close() {
        synchronized (sending) {
            Map<String, Pending> rest;
            synchronized (this) {
                closed = true;
                notifyAll();
                rest = new LinkedHashMap<>(waiting);
                waiting.clear();
            }
            rest.forEach(this::send);
        }
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
