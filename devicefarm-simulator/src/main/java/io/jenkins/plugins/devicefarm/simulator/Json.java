package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** The one JSON mapper, plus the AWS JSON 1.1 encodings of timestamps and minutes. */
final class Json {
    /** Plain decimals: timestamps read as 1735689600.5, never 1.7356896005E+9. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** AWS JSON 1.1 timestamps are epoch seconds; milliseconds survive as the fraction. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    static void putTime(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            node.put(field, epochSeconds(instant));
        }
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static ObjectNode minutes(DeviceMinutes minutes) {
        return object()
                .put("total", round(minutes.total()))
                .put("metered", round(minutes.metered()))
                .put("unmetered", round(minutes.unmetered()));
    }

    private static double round(double minutes) {
        return Math.round(minutes * 1000) / 1000.0;
    }
}
