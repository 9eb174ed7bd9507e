package org.taskhost.epics.internal;

import java.net.InetAddress;
import java.util.function.Function;

import org.osgi.service.log.Logger;

import com.cosylab.epics.caj.cas.CAJServerContext;
import com.cosylab.epics.caj.cas.CASTransport;
import com.cosylab.epics.caj.impl.Transport;

import gov.aps.jca.cas.ServerChannel;

/**
 * Decides whether a channel's client may write, by the allow-list. The host check takes the client's real address from
 * its TCP connection: the host name a client sends (CA_PROTO_HOST_NAME) is whatever it chose to claim. CAJ hands
 * {@code createChannel} only the claimed names, so the address is looked up in the connection that holds the channel.
 */
final class WriteGate {

    private final WriteAllowList list;
    private final Function<ServerChannel, InetAddress> clientAddress;
    private final Logger log;

    /**
     * @param clientAddress the address of the client that holds a channel, or null when none does (it is gone)
     */
    WriteGate(WriteAllowList list, Function<ServerChannel, InetAddress> clientAddress, Logger log) {
        this.list = list;
        this.clientAddress = clientAddress;
        this.log = log;
    }

    /** @return the gate of a running server, which finds a channel's client among the server's connections */
    static WriteGate on(CAJServerContext context, WriteAllowList list, Logger log) {
        return new WriteGate(list, channel -> addressOf(context, channel), log);
    }

    /**
     * Asked once per channel; the channel keeps the answer.
     *
     * @param user the user name the client claimed when it created the channel
     */
    boolean allows(ServerChannel channel, String user) {
        if (list.equals(WriteAllowList.ANYONE)) {
            return true;
        }
        InetAddress client = list.needsAddress() ? clientAddress.apply(channel) : null;
        String refusal = list.refusal(client, user);
        if (refusal != null) {
            log.debug("CA client " + (client == null ? "(address unknown)" : client.getHostAddress()) + " user '" + user
                    + "' may not write " + channel.getProcessVariable().getName() + ": " + refusal);
        }
        return refusal == null;
    }

    private static InetAddress addressOf(CAJServerContext context, ServerChannel channel) {
        for (Transport t : context.getTransportRegistry().toArray()) {
            // CAJ registers the channel with its connection before it first asks for the access rights
            if (t instanceof CASTransport cas && cas.getChannel(channel.getSID()) == channel) {
                return cas.getRemoteAddress().getAddress();
            }
        }
        return null;
    }
}
