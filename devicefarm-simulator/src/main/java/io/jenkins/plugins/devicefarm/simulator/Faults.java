package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures on demand, per operation name or {@code "*"} for all (a named operation's setting wins
 * over {@code "*"}). Ratios are drawn from a seeded random, so a test sees the same sequence of
 * failures every time it runs.
 */
public final class Faults {
    /** Every operation. */
    public static final String ALL = "*";
    static final long DEFAULT_SEED = 20150623L;

    /** What to do to one request. */
    enum Kind { NONE, DROP_CONNECTION, LOSE_RESPONSE, THROTTLE, SERVER_ERROR }

    record Decision(Duration latency, Kind kind) {}

    private final Map<String, Double> throttles = new ConcurrentHashMap<>();
    private final Map<String, Double> serverErrors = new ConcurrentHashMap<>();
    private final Map<String, Double> drops = new ConcurrentHashMap<>();
    private final Map<String, Double> lostResponses = new ConcurrentHashMap<>();
    private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
    private Random random = new Random(DEFAULT_SEED); // guarded by this

    /** Answer {@code ratio} (0..1) of the calls to {@code operation} with ThrottlingException. */
    public Faults throttle(String operation, double ratio) {
        throttles.put(operation, checkRatio(ratio));
        return this;
    }

    /** Answer {@code ratio} of the calls with InternalServiceException (HTTP 500). */
    public Faults serverErrors(String operation, double ratio) {
        serverErrors.put(operation, checkRatio(ratio));
        return this;
    }

    /** Close the connection without any response for {@code ratio} of the calls. */
    public Faults dropConnections(String operation, double ratio) {
        drops.put(operation, checkRatio(ratio));
        return this;
    }

    /**
     * Carry out the call, then close the connection without answering, for {@code ratio} of the
     * calls: the caller cannot tell whether it happened (the hard case for non-idempotent creates).
     */
    public Faults loseResponses(String operation, double ratio) {
        lostResponses.put(operation, checkRatio(ratio));
        return this;
    }

    /** Wait {@code delay} of real time before answering. */
    public Faults latency(String operation, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + delay);
        }
        latencies.put(operation, delay);
        return this;
    }

    /** Restarts the random sequence (tests that want a different but repeatable pattern). */
    public synchronized Faults seed(long seed) {
        random = new Random(seed);
        return this;
    }

    public synchronized Faults clear() {
        throttles.clear();
        serverErrors.clear();
        drops.clear();
        lostResponses.clear();
        latencies.clear();
        random = new Random(DEFAULT_SEED);
        return this;
    }

    synchronized Decision decide(String operation) {
        Duration latency = latencies.getOrDefault(operation, latencies.getOrDefault(ALL, Duration.ZERO));
        Kind kind = hit(drops, operation) ? Kind.DROP_CONNECTION
                : hit(lostResponses, operation) ? Kind.LOSE_RESPONSE
                : hit(throttles, operation) ? Kind.THROTTLE
                : hit(serverErrors, operation) ? Kind.SERVER_ERROR
                : Kind.NONE;
        return new Decision(latency, kind);
    }

    /** Draws only when a ratio applies, so unaffected operations do not shift the sequence. */
    private boolean hit(Map<String, Double> ratios, String operation) {
        double ratio = ratios.getOrDefault(operation, ratios.getOrDefault(ALL, 0.0));
        return ratio > 0 && random.nextDouble() < ratio;
    }

    /**
     * Adds the settings of an HTTP control request:
     * {@code {"clear":true,"throttle":{"GetRun":0.5},"serverErrors":{},"dropConnections":{},"loseResponses":{},"latencyMillis":{"*":200}}}.
     */
    void apply(JsonNode settings) {
        if (settings.path("clear").asBoolean(false)) {
            clear();
        }
        settings.path("throttle").fields().forEachRemaining(e -> throttle(e.getKey(), e.getValue().asDouble()));
        settings.path("serverErrors").fields().forEachRemaining(e -> serverErrors(e.getKey(), e.getValue().asDouble()));
        settings.path("dropConnections").fields().forEachRemaining(e -> dropConnections(e.getKey(), e.getValue().asDouble()));
        settings.path("loseResponses").fields().forEachRemaining(e -> loseResponses(e.getKey(), e.getValue().asDouble()));
        settings.path("latencyMillis").fields()
                .forEachRemaining(e -> latency(e.getKey(), Duration.ofMillis(e.getValue().asLong())));
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        ObjectNode throttle = node.putObject("throttle");
        throttles.forEach(throttle::put);
        ObjectNode errors = node.putObject("serverErrors");
        serverErrors.forEach(errors::put);
        ObjectNode dropped = node.putObject("dropConnections");
        drops.forEach(dropped::put);
        ObjectNode lost = node.putObject("loseResponses");
        lostResponses.forEach(lost::put);
        ObjectNode latency = node.putObject("latencyMillis");
        latencies.forEach((op, d) -> latency.put(op, d.toMillis()));
        return node;
    }

    private static double checkRatio(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("a ratio is between 0 and 1: " + ratio);
        }
        return ratio;
    }
}
