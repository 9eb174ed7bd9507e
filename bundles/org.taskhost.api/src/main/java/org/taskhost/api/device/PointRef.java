package org.taskhost.api.device;

import java.util.Objects;

/**
 * Names one point of one device, written {@code <device>/<point>} (as in config.yaml's {@code point:}).
 *
 * @param device the device id
 * @param point the point id within the device
 */
public record PointRef(String device, String point) {

    /** Checks that both parts are present. */
    public PointRef {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(point, "point");
    }

    /**
     * @param text {@code <device>/<point>}
     * @return the reference
     * @throws IllegalArgumentException if the text is not two non-empty parts separated by one {@code /}
     */
    public static PointRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not <device>/<point>");
        }
        return new PointRef(text.substring(0, slash), text.substring(slash + 1));
    }

    /** @return {@code <device>/<point>} */
    @Override
    public String toString() {
        return device + "/" + point;
    }
}
