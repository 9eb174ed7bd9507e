package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvValue;
import org.taskhost.mqtt.internal.payloads.CommandReply;
import org.taskhost.mqtt.internal.payloads.PutResult;
import org.taskhost.mqtt.internal.payloads.RunResult;

/** The PV and command reply payloads, field by field as subscribers read them (docs/mqtt.md). */
class PayloadsTest {

    static final Instant T = Instant.parse("2026-12-01T12:00:00.250Z");

    @Test
    void aPvValueHasItsUnitOrNullAndANumberThatIsNotFiniteIsNull() {
        assertThat(Payloads.pv(new PvValue(21.5, T, AlarmSeverity.MINOR, "HIGH"), "degC"))
                .isEqualTo("{\"value\":21.5,\"timestamp\":\"2026-12-01T12:00:00.250Z\",\"severity\":\"MINOR\",\"unit\":\"degC\"}");
        assertThat(Payloads.pv(new PvValue(Double.NaN, T, AlarmSeverity.NO_ALARM, null), ""))
                .isEqualTo("{\"value\":null,\"timestamp\":\"2026-12-01T12:00:00.250Z\",\"severity\":\"NO_ALARM\",\"unit\":null}");
        assertThat(Payloads.pv(new PvValue(new double[] {1, Double.POSITIVE_INFINITY}, T, AlarmSeverity.NO_ALARM, null), null))
                .startsWith("{\"value\":[1.0,null],");
    }

    @Test
    void aReplyCarriesItsResultInline() {
        assertThat(Json.write(new CommandReply("p1", true, "put", "monitor", "put SETPOINT", new PutResult("SETPOINT", 42.0))))
                .isEqualTo("{\"id\":\"p1\",\"ok\":true,\"command\":\"put\",\"plugin\":\"monitor\",\"message\":\"put SETPOINT\","
                        + "\"result\":{\"pv\":\"SETPOINT\",\"value\":42.0}}");
        assertThat(Json.write(new CommandReply(7L, false, "run", "job", "failed", new RunResult(false, Map.of("n", 1L), "no crate", T))))
                .isEqualTo("{\"id\":7,\"ok\":false,\"command\":\"run\",\"plugin\":\"job\",\"message\":\"failed\","
                        + "\"result\":{\"success\":false,\"data\":{\"n\":1},\"message\":\"no crate\",\"timestamp\":\"2026-12-01T12:00:00.250Z\"}}");
    }
}
