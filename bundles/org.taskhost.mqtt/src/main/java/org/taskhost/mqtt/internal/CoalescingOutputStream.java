package org.taskhost.mqtt.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * While flushes are dense, writes to its target from a thread of its own: what is flushed while a write is in progress
 * goes out together in the next write. Paho's sender writes and flushes every packet, one system call (and, with
 * {@code TCP_NODELAY}, one TCP segment) each; at 20,000 messages a second those calls were a fifth of a core. Below
 * {@value #DENSE} flushes in {@value #WINDOW_NANOS} ns (2,000 a second) a flush writes at once on the caller's thread,
 * so a lone message does not wait for another thread to be woken (that cost the PV latency benchmark 0.2 ms at p50).
 * A write that fails is reported by the next {@link #write} or {@link #flush}, and {@code onFailure} runs (it closes
 * the socket, so that Paho's receiver sees the connection lost). Holds at most {@value #LIMIT} bytes: beyond that,
 * writers wait, as they would on the socket. Work around Paho; measured against a client that batches by itself on
 * 2026-12-04: see {@link BrokerSockets}.
 */
final class CoalescingOutputStream extends OutputStream {

    static final int LIMIT = 256 * 1024;
    static final int DENSE = 20;
    static final long WINDOW_NANOS = 10_000_000;
    private static final long FINISH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final OutputStream target;
    private final Runnable onFailure;
    private byte[] pending = new byte[8192];
    /** the buffer a write on the caller's thread swaps in, while it writes the one it took */
    private byte[] idle = new byte[8192];
    private int length;
    private boolean flushWanted;
    private boolean writing;
    private boolean finished;
    private IOException failure;
    private long window = System.nanoTime();
    private int inWindow;
    private boolean dense;

    /**
     * @param onFailure runs on the writing thread after a write failed
     * @param name the writing thread's name
     */
    CoalescingOutputStream(OutputStream target, Runnable onFailure, String name) {
        this.target = target;
        this.onFailure = onFailure;
        Thread.ofPlatform().daemon().name(name).start(this::run);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (failure == null && !finished && length > 0 && length + len > LIMIT) {
            flushWanted = true;
            notifyAll();
            await(0);
        }
        usable();
        if (length + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(length + len, pending.length * 2));
        }
        System.arraycopy(b, off, pending, length, len);
        length += len;
    }

    @Override
    public void flush() throws IOException {
        byte[] now;
        int n;
        synchronized (this) {
            usable();
            if (length == 0) {
                return;
            }
            if (denseAfterThisFlush() || writing) {
                flushWanted = true;
                notifyAll();
                return;
            }
            now = pending;
            n = length;
            pending = idle != null ? idle : new byte[8192];
            idle = null;
            length = 0;
            writing = true;
        }
        boolean written = write(now, n);
        synchronized (this) {
            if (!written) {
                throw failure;
            }
            idle = now;
        }
    }

    /** Counts flushes per window; the count of the window just ended says whether they are dense. */
    private boolean denseAfterThisFlush() {
        long t = System.nanoTime();
        if (t - window > WINDOW_NANOS) {
            dense = inWindow >= DENSE;
            window = t;
            inWindow = 0;
        }
        inWindow++;
        return dense;
    }

    /** Writes a batch taken with {@code writing} set, on the calling thread; false if it failed. */
    private boolean write(byte[] batch, int n) {
        try {
            target.write(batch, 0, n);
            target.flush();
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
                writing = false;
                notifyAll();
            }
            onFailure.run();
            return false;
        }
        synchronized (this) {
            writing = false;
            notifyAll();
        }
        return true;
    }

    /** Writes what is pending (at most a second) and ends the writing thread; the target stays open. */
    synchronized void finish() {
        if (length > 0) {
            flushWanted = true;
        }
        finished = true;
        notifyAll();
        long end = System.nanoTime() + FINISH_NANOS;
        while ((length > 0 || writing) && failure == null) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        finish();
        target.close();
    }

    private void usable() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            throw new IOException("the connection is closing");
        }
    }

    private void await(long millis) throws InterruptedIOException {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to write");
        }
    }

    private void run() {
        byte[] spare = new byte[8192];
        while (true) {
            byte[] batch;
            int n;
            synchronized (this) {
                while (!(flushWanted && length > 0 && !writing) && !finished) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                while (writing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (length == 0 || failure != null) {
                    return;
                }
                batch = pending;
                n = length;
                pending = spare;
                length = 0;
                flushWanted = false;
                writing = true;
                notifyAll();
            }
            if (!write(batch, n)) {
                return;
            }
            spare = batch;
        }
    }
}
