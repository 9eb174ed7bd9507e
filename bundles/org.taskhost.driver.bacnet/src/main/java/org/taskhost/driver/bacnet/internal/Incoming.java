package org.taskhost.driver.bacnet.internal;

import java.util.List;

import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceChoice;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetRejectReason;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorClass;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorCode;

/** What a received frame turned out to be, in the client's own terms. */
sealed interface Incoming {
    /** The invoke id of an answer to one of our confirmed requests, -1 for the rest. */
    default int invokeId() {
        return -1;
    }

    record ReadAck(int invokeId, List<PropertyResult> results) implements Incoming {
    }

    record SimpleAck(int invokeId) implements Incoming {
    }

    /**
     * @param errorClass the error's class, null when it is an error type with more than class and code
     * @param errorCode the error's code, null likewise
     * @param text class and code as BACnet names them, or the error type
     */
    record ErrorAnswer(int invokeId, String service, ErrorClass errorClass, ErrorCode errorCode, String text) implements Incoming {
    }

    /** @param reason null for a proprietary reason */
    record Rejected(int invokeId, BACnetRejectReason reason, String text) implements Incoming {
    }

    record Aborted(int invokeId, String reason) implements Incoming {
    }

    /** The first segment of an answer too long for one frame: refused, as the client accepts no segmentation. */
    record Segmented(int invokeId) implements Incoming {
    }

    /** A complex ack for a service the client did not ask for. */
    record OtherAck(int invokeId, String service) implements Incoming {
    }

    record IAmReceived(IAm iAm) implements Incoming {
    }

    record Cov(CovNotification notification, Integer confirmInvokeId, BACnetConfirmedServiceChoice service) implements Incoming {
    }

    /** A frame that was not BACnet or was not understood. */
    record Garbage(String reason) implements Incoming {
    }

    record Ignored(String what) implements Incoming {
    }
}
