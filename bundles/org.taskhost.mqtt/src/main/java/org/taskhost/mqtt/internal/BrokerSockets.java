package org.taskhost.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets Paho connects to the broker with.
 * <ul>
 * <li>{@code TCP_NODELAY}: without it, a small publish waits for the acknowledgement of the one before (Nagle's
 * algorithm), about 40 ms whenever the connection also receives (commands, triggers, subscriptions), as the MQTT
 * benchmark measured.</li>
 * <li>Plain TCP input read in blocks ({@link BlockInputStream}): Paho reads each packet in three or four reads of a
 * few bytes, each a system call on a bare socket stream, and under load the broker's acknowledgements arrive by the
 * hundred.</li>
 * <li>Plain TCP output written by a thread of its own ({@link CoalescingOutputStream}): what Paho's sender flushes
 * while a write is in progress goes out in the next write, not a system call and a segment per packet.</li>
 * </ul>
 * Paho creates an unconnected socket and connects it itself, so the options are set there.
 * <p>
 * Measured (2026-12-04, 2 cores shared with other work, load average 13-35; docs/benchmarks.md, "The MQTT
 * transport"): against the HiveMQ client 1.4.2 (Netty, batching of its own) sending the states, Paho with these sockets
 * got 1,852-2,722 states/s acknowledged on plain TCP (HiveMQ 2,206-4,508; Paho on a second connection 2,799) and,
 * without them, 1,865-2,243 on TLS (HiveMQ 3,622-4,606). The rule points to HiveMQ; these classes stay until a
 * quiet machine confirms it holds the 20,000 states/s they reach (docs/mqtt.md, "The client, measured against another").
 */
final class BrokerSockets {

    private BrokerSockets() {
    }

    /** A socket whose input stream reads in blocks and whose output is written by a thread of its own. */
    private static final class BrokerSocket extends Socket {
        private InputStream in;
        private CoalescingOutputStream out;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BlockInputStream(super.getInputStream());
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new CoalescingOutputStream(super.getOutputStream(), this::abort, "taskhost-mqtt-socket");
            }
            return out;
        }

        /** What Paho sent last (its DISCONNECT) goes out before the socket closes. */
        @Override
        public void close() throws IOException {
            CoalescingOutputStream o;
            synchronized (this) {
                o = out;
            }
            if (o != null) {
                o.finish();
            }
            super.close();
        }

        /** After a failed write: the socket closes without waiting for anything pending. */
        private void abort() {
            try {
                super.close();
            } catch (IOException e) {
                // closing a broken socket: nothing more to do
            }
        }
    }

    /** @return plain TCP sockets with no delay, read in blocks, written from a thread of their own */
    static SocketFactory tcp() {
        SocketFactory d = SocketFactory.getDefault();
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return noDelay(new BrokerSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(d.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(d.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(d.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(d.createSocket(host, port, local, localPort));
            }
        };
    }

    /**
     * @param d TLS sockets, trusting what the settings say
     * @return the same with no delay
     */
    static SSLSocketFactory tls(SSLSocketFactory d) {
        return new SSLSocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return noDelay(d.createSocket());
            }

            @Override
            public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                return noDelay(d.createSocket(s, host, port, autoClose));
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(d.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(d.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(d.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(d.createSocket(host, port, local, localPort));
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return d.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return d.getSupportedCipherSuites();
            }
        };
    }

    private static Socket noDelay(Socket s) throws SocketException {
        s.setTcpNoDelay(true);
        return s;
    }
}
