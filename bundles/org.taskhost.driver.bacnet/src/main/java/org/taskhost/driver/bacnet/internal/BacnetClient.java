package org.taskhost.driver.bacnet.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A BACnet/IP client on one UDP socket for all devices: matches answers to requests by device address and invoke id,
 * retries on timeouts, batches reads with ReadPropertyMultiple and falls back to ReadProperty for devices without it.
 * Calls block the calling thread (a device's poll loop); one receiver thread decodes every frame.
 */
public final class BacnetClient implements AutoCloseable {
    /** How long to wait for one answer and how many times to send a request in all. */
    public record Timing(Duration timeout, int tries) {
        public Timing {
            if (tries < 1) {
                throw new IllegalArgumentException("tries must be >= 1, not " + tries);
            }
        }
    }

    private static final String WARM_UP_I_AM = "810a001501001000c4020000042205ca9103220104";
    private static final String WARM_UP_RPM_ACK = "810a001f010030010e0c000000001e29554e443f6666664f29754e913e4f1f";

    private final DatagramSocket socket;
    private final Thread receiver;
    private final Transactions transactions = new Transactions(this::send);
    private final Set<InetSocketAddress> withoutRpm = ConcurrentHashMap.newKeySet();
    private final List<Consumer<IAm>> iAmListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CovNotification>> covListeners = new CopyOnWriteArrayList<>();

    public BacnetClient(InetSocketAddress bind) throws SocketException {
        socket = new DatagramSocket(null);
        socket.setReuseAddress(false);
        socket.setBroadcast(true);
        socket.setReceiveBufferSize(1 << 20);
        try {
            socket.bind(bind);
        } catch (SocketException e) {
            socket.close();
            throw new SocketException("cannot bind the BACnet/IP port " + bind + ": " + e.getMessage());
        }
        warmUp();
        receiver = new Thread(this::receive, "bacnet-receiver-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
    }

    /**
     * The first use of the message model loads about 2,500 classes (a second or more on a busy machine): done here
     * so that the first answers are not late for a Who-Is window or a request timeout.
     */
    private static void warmUp() {
        InetSocketAddress self = new InetSocketAddress("127.0.0.1", 0);
        BacnetDecoder.decode(BacnetFrames.readPropertyMultiple(0, List.of(PropertyRef.parse("AI:0"))), 0, self);
        BacnetDecoder.decode(HexFormat.of().parseHex(WARM_UP_I_AM), WARM_UP_I_AM.length() / 2, self);
        BacnetDecoder.decode(HexFormat.of().parseHex(WARM_UP_RPM_ACK), WARM_UP_RPM_ACK.length() / 2, self);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public void onCov(Consumer<CovNotification> listener) {
        covListeners.add(listener);
    }

    public void removeCovListener(Consumer<CovNotification> listener) {
        covListeners.remove(listener);
    }

    /** Sends Who-Is to each target (a broadcast address or single devices) and collects the I-Ams for {@code wait}. */
    public List<IAm> discover(List<InetSocketAddress> targets, Duration wait, Integer low, Integer high)
            throws IOException, InterruptedException {
        Map<Integer, IAm> found = new ConcurrentHashMap<>();
        Consumer<IAm> collector = iAm -> found.putIfAbsent(iAm.instance(), iAm);
        iAmListeners.add(collector);
        try {
            for (InetSocketAddress target : targets) {
                boolean broadcast = target.getAddress().isAnyLocalAddress()
                        || target.getAddress().equals(InetAddress.getByName("255.255.255.255"));
                send(BacnetFrames.whoIs(low, high, broadcast), target);
            }
            Thread.sleep(wait.toMillis());
        } finally {
            iAmListeners.remove(collector);
        }
        List<IAm> list = new ArrayList<>(found.values());
        list.sort((a, b) -> Integer.compare(a.instance(), b.instance()));
        return list;
    }

    public PropertyResult readProperty(InetSocketAddress device, PropertyRef ref, Timing timing)
            throws BacnetException, InterruptedException {
        Incoming answer;
        try {
            answer = transactions.request(device, id -> BacnetFrames.readProperty(id, ref), timing, "ReadProperty " + ref);
        } catch (RemoteErrorException e) {
            return PropertyResult.failed(ref, e.remoteError);
        }
        if (answer instanceof Incoming.ReadAck ack && ack.results().size() == 1) {
            PropertyResult r = ack.results().get(0);
            return new PropertyResult(ref, r.value(), r.error());
        }
        throw new BacnetException("device " + device + " answered ReadProperty " + ref + " with " + answer);
    }

    /**
     * Reads the properties in batches of at most {@code maxPerRequest} with ReadPropertyMultiple, or one by one with
     * ReadProperty once the device has rejected ReadPropertyMultiple. Errors for single properties come back as failed
     * results; a device that does not answer throws.
     */
    public List<PropertyResult> read(InetSocketAddress device, List<PropertyRef> refs, int maxPerRequest, Timing timing)
            throws BacnetException, InterruptedException {
        List<PropertyResult> results = new ArrayList<>(refs.size());
        for (int start = 0; start < refs.size(); start += Math.max(1, maxPerRequest)) {
            List<PropertyRef> batch = refs.subList(start, Math.min(refs.size(), start + Math.max(1, maxPerRequest)));
            if (maxPerRequest > 1 && !withoutRpm.contains(device)) {
                try {
                    results.addAll(readPropertyMultiple(device, batch, timing));
                    continue;
                } catch (ServiceUnsupportedException e) {
                    withoutRpm.add(device);
                } catch (RemoteErrorException e) {
                    // the whole request failed (e.g. every object unknown): ReadProperty tells which property
                }
            }
            for (PropertyRef ref : batch) {
                results.add(readProperty(device, ref, timing));
            }
        }
        return results;
    }

    public boolean usesReadPropertyMultiple(InetSocketAddress device) {
        return !withoutRpm.contains(device);
    }

    public List<PropertyResult> readPropertyMultiple(InetSocketAddress device, List<PropertyRef> refs, Timing timing)
            throws BacnetException, InterruptedException {
        Incoming answer = transactions.request(device, id -> BacnetFrames.readPropertyMultiple(id, refs), timing,
                "ReadPropertyMultiple of " + refs.size() + " properties");
        if (!(answer instanceof Incoming.ReadAck ack)) {
            throw new BacnetException("device " + device + " answered ReadPropertyMultiple with " + answer);
        }
        Map<String, PropertyResult> byRef = new HashMap<>();
        ack.results().forEach(r -> byRef.putIfAbsent(r.ref().toString(), r));
        List<PropertyResult> results = new ArrayList<>(refs.size());
        for (PropertyRef ref : refs) {
            PropertyResult r = byRef.get(ref.toString());
            results.add(r == null ? PropertyResult.failed(ref, "missing from the device's answer")
                    : new PropertyResult(ref, r.value(), r.error()));
        }
        return results;
    }

    /** Writes a value at a priority (1..16, null for none); a null value relinquishes that priority. */
    public void writeProperty(InetSocketAddress device, PropertyRef ref, Object value, Integer priority, Timing timing)
            throws BacnetException, InterruptedException {
        if (priority != null && (priority < 1 || priority > 16)) {
            throw new BacnetException("priority " + priority + " is out of range 1..16");
        }
        byte[] probe;
        try {
            probe = BacnetFrames.writeProperty(0, ref, value, priority);
        } catch (IllegalArgumentException e) {
            throw new BacnetException(e.getMessage(), e);
        }
        if (probe.length > 1400) {
            throw new BacnetException("value for " + ref + " is too long for one frame");
        }
        try {
            transactions.request(device, id -> BacnetFrames.writeProperty(id, ref, value, priority), timing, "WriteProperty " + ref);
        } catch (RemoteErrorException e) {
            throw new BacnetException("device " + device + " refused WriteProperty " + ref + ": " + e.remoteError);
        }
    }

    /** Subscribes to unconfirmed COV notifications of an object for a lifetime in seconds (0: indefinite). */
    public void subscribeCov(InetSocketAddress device, ObjectId object, long processId, int lifetimeSeconds, Timing timing)
            throws BacnetException, InterruptedException {
        try {
            transactions.request(device, id -> BacnetFrames.subscribeCov(id, processId, object, lifetimeSeconds), timing,
                    "SubscribeCOV " + object);
        } catch (RemoteErrorException e) {
            throw new BacnetException("device " + device + " refused SubscribeCOV " + object + ": " + e.remoteError);
        }
    }

    public void cancelCov(InetSocketAddress device, ObjectId object, long processId, Timing timing)
            throws BacnetException, InterruptedException {
        try {
            transactions.request(device, id -> BacnetFrames.subscribeCov(id, processId, object, null), timing, "SubscribeCOV cancel " + object);
        } catch (RemoteErrorException e) {
            throw new BacnetException("device " + device + " refused to cancel SubscribeCOV " + object + ": " + e.remoteError);
        }
    }

    private void send(byte[] frame, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(frame, frame.length, to));
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            try {
                dispatch(BacnetDecoder.decode(packet.getData(), packet.getLength(), from), from);
            } catch (RuntimeException e) {
                // a listener's failure must not end the one thread that receives for every device
                transactions.garbage(from, "a frame that could not be handled: " + e);
            }
        }
    }

    private void dispatch(Incoming incoming, InetSocketAddress from) {
        switch (incoming) {
            case Incoming.IAmReceived iAm -> iAmListeners.forEach(l -> l.accept(iAm.iAm()));
            case Incoming.Cov cov -> {
                if (cov.confirmInvokeId() != null) {
                    try {
                        send(BacnetFrames.simpleAck(cov.confirmInvokeId(), cov.service()), from);
                    } catch (IOException e) {
                        // the device sends the notification again
                    }
                }
                covListeners.forEach(l -> l.accept(cov.notification()));
            }
            case Incoming.Segmented segmented -> {
                try {
                    send(BacnetFrames.abortSegmentation(segmented.invokeId()), from);
                } catch (IOException e) {
                    // the device times out on its own
                }
                transactions.fail(from, segmented.invokeId(), new BacnetException("device " + from
                        + " sent a segmented answer (longer than one frame), which this driver does not take:"
                        + " read fewer properties per request (lower max_per_request)"));
            }
            case Incoming.Garbage garbage -> transactions.garbage(from, garbage.reason());
            case Incoming.Ignored ignored -> {
            }
            default -> transactions.answer(from, incoming);
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transactions.closeAll();
    }
}
