package org.taskhost.epics.internal;

import com.cosylab.epics.caj.impl.Transport;
import com.cosylab.epics.caj.impl.requests.AbstractCARequest;

/**
 * CA_PROTO_SERVER_DISCONN: tells a client that one of its channels is gone. The client marks it disconnected and
 * searches for the name again, so it reconnects by itself when the PV is served once more. CAJ's server has no
 * message for this, so a removed PV would otherwise look connected until the whole circuit dropped.
 */
final class ChannelDisconnect extends AbstractCARequest {

    static final short CA_PROTO_SERVER_DISCONN = 27;

    ChannelDisconnect(Transport transport, int cid) {
        super(transport);
        requestMessage = insertCAHeader(transport, null, CA_PROTO_SERVER_DISCONN, 0, (short) 0, 0, cid, 0);
    }

    /** Sent at once: a queued request would wait for the next answer on that circuit, which may never come. */
    @Override
    public byte getPriority() {
        return SEND_IMMEDIATELY_PRIORITY;
    }
}
