package org.taskhost.driver.bacnet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagReal;
import org.junit.jupiter.api.Test;

/** Values as they are written: the application tag the object type asks for, and what does not fit it refused. */
class ValuesTest {
    private static final ObjectId AV0 = ObjectId.parse("analog-value:0");

    private static float real(ObjectId object, Object value) {
        return ((BACnetApplicationTagReal) Values.tagFor(object, value)).getActualValue();
    }

    @Test
    void aRealTakesWhatAFloatHolds() {
        assertThat(real(AV0, 42.5)).isEqualTo(42.5f);
        assertThat(real(AV0, "-3.4e38")).isEqualTo(-3.4e38f);
        assertThat(real(AV0, Float.MAX_VALUE)).isEqualTo(Float.MAX_VALUE);
        assertThat(real(AV0, 1e-50)).as("too small rounds to zero, as any REAL does").isZero();
    }

    @Test
    void aValueBeyondTheRangeOfARealIsRefusedNotSentAsInfinity() {
        assertThatThrownBy(() -> Values.tagFor(AV0, 1e39)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value '1.0E39' for analog-value:0 is out of the range of a BACnet REAL"
                        + " (-3.4028235E38 to 3.4028235E38)");
        assertThatThrownBy(() -> Values.tagFor(AV0, "-1e39")).hasMessageContaining("out of the range of a BACnet REAL");
        assertThatThrownBy(() -> Values.tagFor(ObjectId.parse("device:1"), 1e39))
                .as("a REAL for a property of another object type").hasMessageContaining("out of the range of a BACnet REAL");
    }
}
