package org.taskhost.api.handoff;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One event source to many clients (the open streams of {@code GET /api/v1/events}), each client with a
 * {@link Handoff} and a virtual thread of its own: a client that reads slowly, or not at all, loses only its own
 * oldest events (up to {@value #CAPACITY} wait for it) and never holds up the source or another client. A client whose
 * send fails or takes longer than its limit is closed and forgotten.
 *
 * @param <E> the events
 */
public final class Fanout<E> implements AutoCloseable {

    /** The most events that wait for one client. */
    public static final int CAPACITY = 1000;

    /**
     * A client of a fan-out.
     *
     * @param <E> the events
     */
    public interface Client<E> {

        /**
         * Sends an event and returns when it is written.
         *
         * @param event the event
         * @param limit how long the send may take
         * @throws Exception when it failed or took too long: the client is then closed and forgotten
         */
        void send(E event, Duration limit) throws Exception;

        /** Ends the client's stream. */
        void close();
    }

    private final String name;
    private final Duration limit;
    private final Map<Client<E>, Handoff<E>> clients = new ConcurrentHashMap<>();

    /**
     * @param name names the clients' threads
     * @param limit how long one send may take before the client is dropped
     */
    public Fanout(String name, Duration limit) {
        this.name = name;
        this.limit = limit;
    }

    /** @param client from now on gets every event broadcast to it */
    public void add(Client<E> client) {
        clients.put(client, Handoff.<E>named(name + " client").capacity(CAPACITY)
                .threads(Thread.ofVirtual().name(name + "-client").factory()).start(event -> {
                    try {
                        client.send(event, limit);
                    } catch (Exception e) {
                        remove(client);
                    }
                }));
    }

    /** @return whether any client listens: a source may skip building events for nobody */
    public boolean isEmpty() {
        return clients.isEmpty();
    }

    /**
     * @param event handed to every client for which {@code to} holds
     * @param to chooses the clients (a client following one device)
     */
    public void broadcast(E event, Predicate<Client<E>> to) {
        clients.forEach((client, handoff) -> {
            if (to.test(client)) {
                handoff.offer(event);
            }
        });
    }

    /** @param event handed to every client */
    public void broadcast(E event) {
        broadcast(event, c -> true);
    }

    /** @return the counts of all clients' hand-offs together */
    public Handoff.Counts counts() {
        return clients.values().stream().map(Handoff::counts).reduce(Handoff.Counts.NONE, Handoff.Counts::plus);
    }

    private void remove(Client<E> client) {
        Handoff<E> handoff = clients.remove(client);
        if (handoff != null) {
            handoff.closeNow();
            client.close();
        }
    }

    /** Closes every client. */
    @Override
    public void close() {
        clients.keySet().forEach(this::remove);
    }
}
