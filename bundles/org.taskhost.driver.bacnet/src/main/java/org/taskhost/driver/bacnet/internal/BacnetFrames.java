package org.taskhost.driver.bacnet.internal;

import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetClosingTag;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetContextTagBoolean;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetContextTagObjectIdentifier;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetContextTagUnsignedInteger;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetOpeningTag;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetPropertyIdentifierTagged;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.plc4x.java.bacnetip.readwrite.APDU;
import org.apache.plc4x.java.bacnetip.readwrite.APDUAbort;
import org.apache.plc4x.java.bacnetip.readwrite.APDUConfirmedRequest;
import org.apache.plc4x.java.bacnetip.readwrite.APDUSimpleAck;
import org.apache.plc4x.java.bacnetip.readwrite.APDUUnconfirmedRequest;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetAbortReason;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetAbortReasonTagged;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceChoice;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceRequest;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceRequestReadProperty;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceRequestReadPropertyMultiple;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceRequestSubscribeCOV;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceRequestWriteProperty;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConstructedData;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConstructedDataElement;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConstructedDataUnspecified;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetContextTagObjectIdentifier;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetContextTagUnsignedInteger;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetReadAccessSpecification;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetPropertyReference;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetUnconfirmedServiceRequestWhoIs;
import org.apache.plc4x.java.bacnetip.readwrite.BVLC;
import org.apache.plc4x.java.bacnetip.readwrite.BVLCOriginalBroadcastNPDU;
import org.apache.plc4x.java.bacnetip.readwrite.BVLCOriginalUnicastNPDU;
import org.apache.plc4x.java.bacnetip.readwrite.MaxApduLengthAccepted;
import org.apache.plc4x.java.bacnetip.readwrite.MaxSegmentsAccepted;
import org.apache.plc4x.java.bacnetip.readwrite.NPDU;
import org.apache.plc4x.java.bacnetip.readwrite.NPDUControl;
import org.apache.plc4x.java.bacnetip.readwrite.NPDUNetworkPriority;
import org.apache.plc4x.java.spi.generation.SerializationException;
import org.apache.plc4x.java.spi.generation.WriteBufferByteBased;

/** Encodes the requests the client sends into BACnet/IP frames (BVLC > NPDU > APDU) with PLC4X's message model. */
final class BacnetFrames {
    private BacnetFrames() {
    }

    static byte[] whoIs(Integer low, Integer high, boolean broadcast) {
        var request = new BACnetUnconfirmedServiceRequestWhoIs(
                low == null ? null : createBACnetContextTagUnsignedInteger((byte) 0, low),
                high == null ? null : createBACnetContextTagUnsignedInteger((byte) 1, high), 0);
        var apdu = new APDUUnconfirmedRequest(request, 0);
        return frame(apdu, false, broadcast);
    }

    static byte[] readProperty(int invokeId, PropertyRef ref) {
        var request = new BACnetConfirmedServiceRequestReadProperty(objectTag(ref.object()),
                createBACnetPropertyIdentifierTagged((byte) 1, ref.property()), index((byte) 2, ref.arrayIndex()), 0L);
        return confirmed(invokeId, request);
    }

    /** One read-access specification per object, in the order the refs come, properties grouped under their object. */
    static byte[] readPropertyMultiple(int invokeId, List<PropertyRef> refs) {
        Map<ObjectId, List<BACnetPropertyReference>> byObject = new LinkedHashMap<>();
        for (PropertyRef ref : refs) {
            byObject.computeIfAbsent(ref.object(), o -> new ArrayList<>()).add(new BACnetPropertyReference(
                    createBACnetPropertyIdentifierTagged((byte) 0, ref.property()), index((byte) 1, ref.arrayIndex())));
        }
        List<BACnetReadAccessSpecification> specs = new ArrayList<>();
        byObject.forEach((object, properties) -> specs.add(new BACnetReadAccessSpecification(objectTag(object),
                createBACnetOpeningTag((short) 1), properties, createBACnetClosingTag((short) 1))));
        return confirmed(invokeId, new BACnetConfirmedServiceRequestReadPropertyMultiple(specs, 0L, 0L));
    }

    /** A null value relinquishes the command at this priority. */
    static byte[] writeProperty(int invokeId, PropertyRef ref, Object value, Integer priority) {
        BACnetConstructedDataElement element = Values.element(ref.object(), value);
        BACnetConstructedData data = new BACnetConstructedDataUnspecified(createBACnetOpeningTag((short) 3),
                element.getPeekedTagHeader(), createBACnetClosingTag((short) 3), null, List.of(element), (short) 3, null);
        var request = new BACnetConfirmedServiceRequestWriteProperty(objectTag(ref.object()),
                createBACnetPropertyIdentifierTagged((byte) 1, ref.property()), index((byte) 2, ref.arrayIndex()), data,
                priority == null ? null : createBACnetContextTagUnsignedInteger((byte) 4, priority), 0L);
        return confirmed(invokeId, request);
    }

    /** A lifetime of null cancels the subscription. */
    static byte[] subscribeCov(int invokeId, long processId, ObjectId object, Integer lifetimeSeconds) {
        var request = new BACnetConfirmedServiceRequestSubscribeCOV(
                createBACnetContextTagUnsignedInteger((byte) 0, processId),
                createBACnetContextTagObjectIdentifier((byte) 1, (short) object.type(), object.instance()),
                lifetimeSeconds == null ? null : createBACnetContextTagBoolean((byte) 2, false),
                lifetimeSeconds == null ? null : createBACnetContextTagUnsignedInteger((byte) 3, lifetimeSeconds), 0L);
        return confirmed(invokeId, request);
    }

    static byte[] simpleAck(int invokeId, BACnetConfirmedServiceChoice service) {
        return frame(new APDUSimpleAck((short) invokeId, service, 0), false, false);
    }

    /** Tells a device that the segmented answer it started will not be taken. */
    static byte[] abortSegmentation(int invokeId) {
        return frame(new APDUAbort(false, (short) invokeId,
                new BACnetAbortReasonTagged(BACnetAbortReason.SEGMENTATION_NOT_SUPPORTED, 1, 1L), 0), false, false);
    }

    private static byte[] confirmed(int invokeId, BACnetConfirmedServiceRequest request) {
        var apdu = new APDUConfirmedRequest(false, false, false, MaxSegmentsAccepted.UNSPECIFIED,
                MaxApduLengthAccepted.NUM_OCTETS_1476, (short) invokeId, null, null, request, null, null, 0);
        return frame(apdu, true, false);
    }

    private static byte[] frame(APDU apdu, boolean expectingReply, boolean broadcast) {
        var npdu = new NPDU((short) 1, new NPDUControl(false, false, false, expectingReply, NPDUNetworkPriority.NORMAL_MESSAGE),
                null, null, null, null, null, null, null, null, apdu, apdu.getLengthInBytes());
        BVLC bvlc = broadcast ? new BVLCOriginalBroadcastNPDU(npdu, npdu.getLengthInBytes())
                : new BVLCOriginalUnicastNPDU(npdu, npdu.getLengthInBytes());
        var buffer = new WriteBufferByteBased(bvlc.getLengthInBytes());
        try {
            bvlc.serialize(buffer);
        } catch (SerializationException e) {
            throw new IllegalArgumentException("cannot encode " + apdu.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return buffer.getBytes();
    }

    private static BACnetContextTagObjectIdentifier objectTag(ObjectId object) {
        return createBACnetContextTagObjectIdentifier((byte) 0, (short) object.type(), object.instance());
    }

    private static BACnetContextTagUnsignedInteger index(byte tag, Integer index) {
        return index == null ? null : createBACnetContextTagUnsignedInteger(tag, index);
    }
}
