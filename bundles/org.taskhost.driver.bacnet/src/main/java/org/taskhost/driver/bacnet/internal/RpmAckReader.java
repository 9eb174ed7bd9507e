package org.taskhost.driver.bacnet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.plc4x.java.bacnetip.readwrite.BACnetBinaryPV;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetEngineeringUnits;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorClass;
import org.apache.plc4x.java.bacnetip.readwrite.ErrorCode;

/**
 * A fast path for the answer a poll gets most: a ReadPropertyMultiple ack of present values, units and names.
 * PLC4X decodes each property through a chain of about 1,300 (object type, property) cases, some 70 µs per property
 * on this machine, which held RPM below ReadProperty's rate. This reader takes only frames whose every value it
 * decodes exactly as PLC4X does (the same Java values, the same enumeration names, checked by BacnetCodecTest) and
 * returns null for anything else, which then goes to PLC4X.
 */
final class RpmAckReader {
    private static final int PRESENT_VALUE = 85;
    private static final int UNITS = 117;
    private static final int OBJECT_NAME = 77;
    private static final int DESCRIPTION = 28;
    private static final int OUT_OF_SERVICE = 81;

    private final ByteBuffer in;

    private RpmAckReader(byte[] frame, int length) {
        this.in = ByteBuffer.wrap(frame, 0, length);
    }

    /** The ack's invoke id and results, or null when the frame is not one this reader takes. */
    static Incoming.ReadAck read(byte[] frame, int length) {
        try {
            return new RpmAckReader(frame, length).ack();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Incoming.ReadAck ack() {
        if (u8() != 0x81 || (u8() & 0xfe) != 0x0a || u16() != in.limit() || u8() != 1 || (u8() & 0xa8) != 0
                || u8() != 0x30) {
            return null;
        }
        int invokeId = u8();
        if (u8() != 0x0e) {
            return null;
        }
        List<PropertyResult> results = new ArrayList<>();
        while (in.hasRemaining()) {
            int[] tag = tag();
            if (tag[0] != 0 || !context(tag) || tag[2] != 4) {
                return null;
            }
            long id = unsigned(4);
            ObjectId object = new ObjectId((int) (id >>> 22), (int) (id & 0x3fffff));
            if (!opening(tag(), 1)) {
                return null;
            }
            while (true) {
                int[] t = tag();
                if (closing(t, 1)) {
                    break;
                }
                if (t[0] != 2 || !context(t)) {
                    return null;
                }
                int property = (int) unsigned(t[2]);
                t = tag();
                Integer index = null;
                if (t[0] == 3 && context(t) && t[1] < 6) {
                    index = (int) unsigned(t[2]);
                    t = tag();
                }
                PropertyRef ref = new PropertyRef(object, property, index);
                if (opening(t, 4)) {
                    if (index != null) {
                        return null;
                    }
                    Object value = value(object, property);
                    if (value == Unsupported.VALUE || !closing(tag(), 4)) {
                        return null;
                    }
                    results.add(PropertyResult.ok(ref, value));
                } else if (opening(t, 5)) {
                    String error = error();
                    if (error == null || !closing(tag(), 5)) {
                        return null;
                    }
                    results.add(PropertyResult.failed(ref, error));
                } else {
                    return null;
                }
            }
        }
        return new Incoming.ReadAck(invokeId, results);
    }

    private enum Unsupported { VALUE }

    private Object value(ObjectId object, int property) {
        int[] t = tag();
        if (context(t)) {
            return Unsupported.VALUE;
        }
        int type = object.type();
        boolean analog = type <= 2;
        boolean binary = type >= 3 && type <= 5;
        boolean multiState = type == 13 || type == 14 || type == 19;
        if (property == PRESENT_VALUE && analog && t[0] == 4 && t[2] == 4) {
            return Double.parseDouble(Float.toString(in.getFloat()));
        }
        if (property == PRESENT_VALUE && binary && t[0] == 9) {
            long v = unsigned(t[2]);
            return BACnetBinaryPV.isDefined((short) v) ? named(v, BACnetBinaryPV.enumForValue((short) v)) : Unsupported.VALUE;
        }
        if (property == PRESENT_VALUE && multiState && t[0] == 2) {
            return unsigned(t[2]);
        }
        if (property == UNITS && t[0] == 9) {
            long v = unsigned(t[2]);
            return BACnetEngineeringUnits.isDefined(v) ? named(v, BACnetEngineeringUnits.enumForValue(v)) : Unsupported.VALUE;
        }
        if ((property == OBJECT_NAME || property == DESCRIPTION) && t[0] == 7 && t[2] >= 1) {
            if (in.get() != 0) {
                return Unsupported.VALUE;
            }
            byte[] text = new byte[t[2] - 1];
            in.get(text);
            return new String(text, StandardCharsets.UTF_8);
        }
        if (property == OUT_OF_SERVICE && t[0] == 1) {
            return t[1] == 1;
        }
        return Unsupported.VALUE;
    }

    private static Enumerated named(long value, Enum<?> e) {
        return new Enumerated(value, e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private String error() {
        int[] c = tag();
        if (context(c) || c[0] != 9) {
            return null;
        }
        long errorClass = unsigned(c[2]);
        int[] e = tag();
        if (context(e) || e[0] != 9) {
            return null;
        }
        long errorCode = unsigned(e[2]);
        if (!ErrorClass.isDefined((int) errorClass) || !ErrorCode.isDefined((int) errorCode)) {
            return null;
        }
        return BacnetDecoder.name(ErrorClass.enumForValue((int) errorClass)) + ": "
                + BacnetDecoder.name(ErrorCode.enumForValue((int) errorCode));
    }

    /** Tag number, the low 3 bits (6 opening, 7 closing for context tags), and the length; bit 3 as [3]. */
    private int[] tag() {
        int b = u8();
        int number = b >> 4;
        if (number == 15) {
            number = u8();
        }
        int lvt = b & 7;
        int length = lvt;
        boolean isContext = (b & 8) != 0;
        if (lvt == 5) {
            length = u8();
            if (length == 254) {
                length = u16();
            } else if (length == 255) {
                throw new IllegalStateException("4-byte length");
            }
        }
        if (!isContext && number == 1) {
            length = 0;
        }
        if (isContext && (lvt == 6 || lvt == 7)) {
            length = 0;
        }
        return new int[] {number, lvt, length, isContext ? 1 : 0};
    }

    private static boolean context(int[] tag) {
        return tag[3] == 1;
    }

    private static boolean opening(int[] tag, int number) {
        return context(tag) && tag[1] == 6 && tag[0] == number;
    }

    private static boolean closing(int[] tag, int number) {
        return context(tag) && tag[1] == 7 && tag[0] == number;
    }

    private long unsigned(int length) {
        if (length < 1 || length > 4) {
            throw new IllegalStateException("length " + length);
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = v << 8 | u8();
        }
        return v;
    }

    private int u8() {
        return in.get() & 0xff;
    }

    private int u16() {
        return in.getShort() & 0xffff;
    }
}
