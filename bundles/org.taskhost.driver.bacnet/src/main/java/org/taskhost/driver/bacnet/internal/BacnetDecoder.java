package org.taskhost.driver.bacnet.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.plc4x.java.bacnetip.readwrite.APDU;
import org.apache.plc4x.java.bacnetip.readwrite.APDUAbort;
import org.apache.plc4x.java.bacnetip.readwrite.APDUComplexAck;
import org.apache.plc4x.java.bacnetip.readwrite.APDUConfirmedRequest;
import org.apache.plc4x.java.bacnetip.readwrite.APDUError;
import org.apache.plc4x.java.bacnetip.readwrite.APDUReject;
import org.apache.plc4x.java.bacnetip.readwrite.APDUSimpleAck;
import org.apache.plc4x.java.bacnetip.readwrite.APDUUnconfirmedRequest;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConfirmedServiceRequestConfirmedCOVNotification;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetContextTagObjectIdentifier;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetError;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetPropertyIdentifierTagged;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetPropertyValues;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetReadAccessProperty;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetReadAccessResult;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetRejectReason;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetServiceAckReadProperty;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetServiceAckReadPropertyMultiple;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetUnconfirmedServiceRequestIAm;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetUnconfirmedServiceRequestUnconfirmedCOVNotification;
import org.apache.plc4x.java.bacnetip.readwrite.BVLC;
import org.apache.plc4x.java.bacnetip.readwrite.BVLCForwardedNPDU;
import org.apache.plc4x.java.bacnetip.readwrite.BVLCOriginalBroadcastNPDU;
import org.apache.plc4x.java.bacnetip.readwrite.BVLCOriginalUnicastNPDU;
import org.apache.plc4x.java.bacnetip.readwrite.Error;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorClass;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorCode;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorEnclosed;
import org.apache.plc4x.java.bacnetip.readwrite.NPDU;
import org.apache.plc4x.java.spi.generation.ReadBufferByteBased;

/** Decodes received BACnet/IP frames with PLC4X's message model into {@link Incoming}. */
final class BacnetDecoder {
    private BacnetDecoder() {
    }

    static Incoming decode(byte[] data, int length, InetSocketAddress from) {
        return decode(data, length, from, true);
    }

    /** Without the fast path: what PLC4X alone makes of a frame (tests compare the two). */
    static Incoming decodeWithPlc4x(byte[] data, int length, InetSocketAddress from) {
        return decode(data, length, from, false);
    }

    private static Incoming decode(byte[] data, int length, InetSocketAddress from, boolean fastPath) {
        byte[] bytes = Arrays.copyOf(data, length);
        if (length < 4 || (bytes[0] & 0xff) != 0x81) {
            return new Incoming.Garbage("not a BACnet/IP frame (" + length + " bytes starting " + hex(bytes) + ")");
        }
        Incoming.ReadAck fast = fastPath ? RpmAckReader.read(bytes, length) : null;
        if (fast != null) {
            return fast;
        }
        try {
            return decode(BVLC.staticParse(new ReadBufferByteBased(bytes)), from);
        } catch (Exception | StackOverflowError e) {
            return new Incoming.Garbage("undecodable frame " + hex(bytes) + ": " + e.getMessage());
        }
    }

    private static Incoming decode(BVLC bvlc, InetSocketAddress from) {
        NPDU npdu;
        if (bvlc instanceof BVLCOriginalUnicastNPDU unicast) {
            npdu = unicast.getNpdu();
        } else if (bvlc instanceof BVLCOriginalBroadcastNPDU broadcast) {
            npdu = broadcast.getNpdu();
        } else if (bvlc instanceof BVLCForwardedNPDU forwarded) {
            npdu = forwarded.getNpdu();
        } else {
            return new Incoming.Ignored(bvlc.getClass().getSimpleName());
        }
        APDU apdu = npdu.getApdu();
        if (apdu == null) {
            return new Incoming.Ignored("network layer message");
        }
        if (apdu instanceof APDUComplexAck ack) {
            int id = ack.getOriginalInvokeId();
            if (ack.getSegmentedMessage()) {
                return new Incoming.Segmented(id);
            }
            if (ack.getServiceAck() instanceof BACnetServiceAckReadPropertyMultiple rpm) {
                return new Incoming.ReadAck(id, readResults(rpm));
            }
            if (ack.getServiceAck() instanceof BACnetServiceAckReadProperty rp) {
                PropertyRef ref = new PropertyRef(objectId(rp.getObjectIdentifier()),
                        propertyId(rp.getPropertyIdentifier()),
                        rp.getArrayIndex() == null ? null : rp.getArrayIndex().getPayload().getActualValue().intValue());
                return new Incoming.ReadAck(id, List.of(decoded(ref, () -> Values.of(rp.getValues(), ref.arrayIndex()))));
            }
            return new Incoming.OtherAck(id, ack.getServiceAck() == null ? "?" : ack.getServiceAck().getServiceChoice().name());
        }
        if (apdu instanceof APDUSimpleAck ack) {
            return new Incoming.SimpleAck(ack.getOriginalInvokeId());
        }
        if (apdu instanceof APDUError error) {
            return errorAnswer(error);
        }
        if (apdu instanceof APDUReject reject) {
            BACnetRejectReason reason = reject.getRejectReason().getIsProprietary() ? null : reject.getRejectReason().getValue();
            return new Incoming.Rejected(reject.getOriginalInvokeId(), reason, reason == null
                    ? "proprietary reason " + reject.getRejectReason().getProprietaryValue() : name(reason));
        }
        if (apdu instanceof APDUAbort abort) {
            return new Incoming.Aborted(abort.getOriginalInvokeId(), name(abort.getAbortReason().getValue()));
        }
        if (apdu instanceof APDUUnconfirmedRequest request) {
            if (request.getServiceRequest() instanceof BACnetUnconfirmedServiceRequestIAm iAm) {
                return new Incoming.IAmReceived(new IAm(iAm.getDeviceIdentifier().getInstanceNumber(), from,
                        (int) (iAm.getVendorId().getIsUnknownId() ? iAm.getVendorId().getUnknownId()
                                : iAm.getVendorId().getValue().getValue()),
                        iAm.getMaximumApduLengthAcceptedLength().getActualValue().intValue(),
                        name(iAm.getSegmentationSupported().getValue())));
            }
            if (request.getServiceRequest() instanceof BACnetUnconfirmedServiceRequestUnconfirmedCOVNotification cov) {
                return new Incoming.Cov(new CovNotification(from, cov.getSubscriberProcessIdentifier().getPayload().getActualValue().longValue(),
                        cov.getInitiatingDeviceIdentifier().getInstanceNumber(), objectId(cov.getMonitoredObjectIdentifier()),
                        cov.getLifetimeInSeconds().getPayload().getActualValue().longValue(), values(cov.getListOfValues())),
                        null, null);
            }
            return new Incoming.Ignored(request.getServiceRequest().getClass().getSimpleName());
        }
        if (apdu instanceof APDUConfirmedRequest request
                && request.getServiceRequest() instanceof BACnetConfirmedServiceRequestConfirmedCOVNotification cov) {
            return new Incoming.Cov(new CovNotification(from, cov.getSubscriberProcessIdentifier().getPayload().getActualValue().longValue(),
                    cov.getInitiatingDeviceIdentifier().getInstanceNumber(), objectId(cov.getMonitoredObjectIdentifier()),
                    cov.getLifetimeInSeconds().getPayload().getActualValue().longValue(), values(cov.getListOfValues())),
                    (int) request.getInvokeId(), cov.getServiceChoice());
        }
        return new Incoming.Ignored(apdu.getClass().getSimpleName());
    }

    private static List<PropertyResult> readResults(BACnetServiceAckReadPropertyMultiple rpm) {
        List<PropertyResult> results = new ArrayList<>();
        for (BACnetReadAccessResult result : rpm.getData()) {
            ObjectId object = objectId(result.getObjectIdentifier());
            if (result.getListOfResults() == null) {
                continue;
            }
            for (BACnetReadAccessProperty property : result.getListOfResults().getListOfReadAccessProperty()) {
                PropertyRef ref = new PropertyRef(object, propertyId(property.getPropertyIdentifier()),
                        property.getArrayIndex() == null ? null
                                : property.getArrayIndex().getPayload().getActualValue().intValue());
                ErrorEnclosed error = property.getReadResult().getPropertyAccessError();
                results.add(error != null ? PropertyResult.failed(ref, describe(error.getError()))
                        : decoded(ref, () -> Values.of(property.getReadResult().getPropertyValue(), ref.arrayIndex())));
            }
        }
        return results;
    }

    /** A value that cannot be turned into a Java value is an error of its property alone. */
    private static PropertyResult decoded(PropertyRef ref, java.util.function.Supplier<Object> value) {
        try {
            return PropertyResult.ok(ref, element(ref, value.get()));
        } catch (RuntimeException e) {
            return PropertyResult.failed(ref, "cannot decode the value: " + e.getMessage());
        }
    }

    /** One element of an array read by index comes as the element, not as a list of one. */
    private static Object element(PropertyRef ref, Object value) {
        return ref.arrayIndex() != null && ref.arrayIndex() > 0 && value instanceof List<?> list && list.size() == 1
                ? list.get(0) : value;
    }

    private static Map<Integer, Object> values(BACnetPropertyValues values) {
        Map<Integer, Object> map = new LinkedHashMap<>();
        if (values != null) {
            for (var v : values.getData()) {
                try {
                    map.put(propertyId(v.getPropertyIdentifier()), Values.of(v.getPropertyValue()));
                } catch (RuntimeException e) {
                    // a property this client cannot turn into a value is left out; present-value is what counts
                }
            }
        }
        return map;
    }

    static ObjectId objectId(BACnetContextTagObjectIdentifier tag) {
        return new ObjectId(tag.getPayload().getObjectType().getValue() == 1023 ? tag.getPayload().getProprietaryValue()
                : tag.getObjectType().getValue(), tag.getInstanceNumber());
    }

    private static int propertyId(BACnetPropertyIdentifierTagged tag) {
        return (int) (tag.getIsProprietary() ? tag.getProprietaryValue() : tag.getValue().getValue());
    }

    private static Incoming.ErrorAnswer errorAnswer(APDUError apdu) {
        BACnetError error = apdu.getError();
        try {
            Object inner = error.getClass().getMethod("getError").invoke(error);
            if (inner instanceof Error e) {
                ErrorClass errorClass = e.getErrorClass().getValue();
                ErrorCode errorCode = e.getErrorCode().getValue();
                return new Incoming.ErrorAnswer(apdu.getOriginalInvokeId(), name(apdu.getErrorChoice()), errorClass, errorCode,
                        name(errorClass) + ": " + name(errorCode));
            }
        } catch (ReflectiveOperationException e) {
            // an error type with more than class and code: named by its type below
        }
        return new Incoming.ErrorAnswer(apdu.getOriginalInvokeId(), name(apdu.getErrorChoice()), null, null,
                error.getClass().getSimpleName());
    }

    static String describe(Error error) {
        return name(error.getErrorClass().getValue()) + ": " + name(error.getErrorCode().getValue());
    }

    static String name(Enum<?> e) {
        return e == null ? "?" : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String hex(byte[] bytes) {
        String shown = java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 24));
        return bytes.length > 24 ? shown + "..." : shown;
    }
}
