package org.taskhost.driver.bacnet.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.plc4x.java.bacnetip.readwrite.BACnetRejectReason;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorClass;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorCode;

/**
 * Confirmed requests waiting for their answers, by device address and invoke id (0..255 per device): sends a
 * request, sends it again with the same invoke id on a timeout, and turns error, reject and abort PDUs into
 * exceptions that say what the device answered.
 */
final class Transactions {
    interface Sender {
        void send(byte[] frame, InetSocketAddress to) throws IOException;
    }

    interface Encoder {
        byte[] encode(int invokeId);
    }

    private record Key(InetSocketAddress device, int invokeId) {
    }

    private final Map<Key, CompletableFuture<Incoming>> pending = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Integer> nextInvokeId = new HashMap<>();
    private final Map<InetSocketAddress, String> lastGarbage = new ConcurrentHashMap<>();
    private final Sender sender;

    Transactions(Sender sender) {
        this.sender = sender;
    }

    Incoming request(InetSocketAddress device, Encoder encoder, BacnetClient.Timing timing, String what)
            throws BacnetException, InterruptedException {
        if (device.isUnresolved()) {
            throw new BacnetException("device address " + device.getHostString() + " cannot be resolved");
        }
        Key key = reserve(device);
        CompletableFuture<Incoming> answer = pending.get(key);
        try {
            byte[] frame = encoder.encode(key.invokeId());
            for (int attempt = 1; attempt <= timing.tries(); attempt++) {
                try {
                    sender.send(frame, device);
                } catch (IOException e) {
                    throw new BacnetException("cannot send " + what + " to " + device + ": " + e.getMessage(), e);
                }
                try {
                    return check(answer.get(timing.timeout().toMillis(), TimeUnit.MILLISECONDS), device, what);
                } catch (TimeoutException e) {
                    // sent again with the same invoke id: a late answer to the first try still counts
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof BacnetException b ? b
                            : new BacnetException(what + " to " + device + " failed: " + e.getCause(), e.getCause());
                }
            }
            String garbage = lastGarbage.get(device);
            throw new BacnetTimeoutException("no answer from device " + device + " to " + what + " after "
                    + timing.tries() + " tries of " + timing.timeout().toMillis() + " ms"
                    + (garbage == null ? "" : "; it sent " + garbage));
        } finally {
            pending.remove(key);
        }
    }

    private static Incoming check(Incoming answer, InetSocketAddress device, String what) throws BacnetException {
        if (answer instanceof Incoming.ErrorAnswer error) {
            if (error.errorClass() == ErrorClass.SERVICES && error.errorCode() == ErrorCode.REJECT_UNRECOGNIZED_SERVICE
                    || error.errorCode() == ErrorCode.SERVICE_REQUEST_DENIED) {
                throw new ServiceUnsupportedException("device " + device + " does not support " + what + ": " + error.text());
            }
            throw new RemoteErrorException(error.text());
        }
        if (answer instanceof Incoming.Rejected reject) {
            if (reject.reason() == BACnetRejectReason.UNRECOGNIZED_SERVICE) {
                throw new ServiceUnsupportedException("device " + device + " rejected " + what + ": " + reject.text());
            }
            throw new BacnetException("device " + device + " rejected " + what + ": " + reject.text());
        }
        if (answer instanceof Incoming.Aborted abort) {
            throw new BacnetException("device " + device + " aborted " + what + ": " + abort.reason());
        }
        return answer;
    }

    private synchronized Key reserve(InetSocketAddress device) throws BacnetException {
        int start = nextInvokeId.getOrDefault(device, 0);
        for (int i = 0; i < 256; i++) {
            int id = (start + i) & 0xff;
            Key key = new Key(device, id);
            if (pending.putIfAbsent(key, new CompletableFuture<>()) == null) {
                nextInvokeId.put(device, (id + 1) & 0xff);
                return key;
            }
        }
        throw new BacnetException("256 requests to device " + device + " are already waiting for an answer");
    }

    /** An answer; one nobody waits for any more (late, or to a request that failed) is dropped. */
    void answer(InetSocketAddress from, Incoming incoming) {
        CompletableFuture<Incoming> future = pending.get(new Key(from, incoming.invokeId()));
        if (future != null) {
            future.complete(incoming);
        }
    }

    void fail(InetSocketAddress from, int invokeId, BacnetException e) {
        CompletableFuture<Incoming> future = pending.get(new Key(from, invokeId));
        if (future != null) {
            future.completeExceptionally(e);
        }
    }

    /** A frame from a device that was not BACnet fails its waiting requests at once: the device answers garbage. */
    void garbage(InetSocketAddress from, String reason) {
        lastGarbage.put(from, reason);
        pending.forEach((key, future) -> {
            if (key.device().equals(from)) {
                future.completeExceptionally(new BacnetException("device " + from + " answered with " + reason));
            }
        });
    }

    void closeAll() {
        pending.values().forEach(f -> f.completeExceptionally(new BacnetException("the BACnet client is closed")));
    }
}
