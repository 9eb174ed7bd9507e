package org.taskhost.devices.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * Where in its interval a device polls: a phase that depends on its id only, spread evenly over the interval, so
 * that devices started together (at boot, 200 of them) do not all poll in the same instant, and a device keeps its
 * phase across restarts.
 */
final class Stagger {

    private Stagger() {
    }

    /**
     * @param id a device id
     * @param interval its poll interval
     * @return the delay of its first poll, in [0, interval)
     */
    static Duration phase(String id, Duration interval) {
        long nanos = interval.toNanos();
        if (nanos <= 0) {
            return Duration.ZERO;
        }
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        long h = mix(crc.getValue() ^ id.hashCode());
        double fraction = (h >>> 11) * 0x1.0p-53;
        return Duration.ofNanos((long) (fraction * nanos));
    }

    /** The finalizer of MurmurHash3's 64-bit variant: similar ids get unrelated phases. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
