package io.jenkins.plugins.devicefarm.core.model;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What became of one run, job or remote access session: the latest state seen, the counters
 * and device minutes, and whether we stopped it. Immutable plain values, safe to persist in
 * build.xml and Pipeline program state. Never holds secrets (a session's endpoint is not kept).
 */
public final class Outcome implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Device Farm's final status. */
    public static final String COMPLETED = "COMPLETED";

    private final ArnKind kind;
    private final String arn;
    private final String name;
    private final String status;
    private final String result;
    private final String message;
    private final String deviceName;
    private final Counters counters;
    private final DeviceMinutes deviceMinutes;
    private final long startedMillis;
    private final long stoppedMillis;
    private final boolean stoppedByUs;
    private final String stopReason;
    private final String consoleUrl;

    private Outcome(Builder b) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.arn = Objects.requireNonNull(b.arn, "arn");
        this.name = b.name;
        this.status = b.status;
        this.result = b.result;
        this.message = b.message;
        this.deviceName = b.deviceName;
        this.counters = b.counters == null ? Counters.ZERO : b.counters;
        this.deviceMinutes = b.deviceMinutes == null ? DeviceMinutes.ZERO : b.deviceMinutes;
        this.startedMillis = b.startedMillis;
        this.stoppedMillis = b.stoppedMillis;
        this.stoppedByUs = b.stoppedByUs;
        this.stopReason = b.stopReason;
        this.consoleUrl = b.consoleUrl;
    }

    public static Builder builder(ArnKind kind, String arn) {
        Builder b = new Builder();
        b.kind = kind;
        b.arn = arn;
        return b;
    }

    public Builder toBuilder() {
        Builder b = builder(kind, arn);
        b.name = name;
        b.status = status;
        b.result = result;
        b.message = message;
        b.deviceName = deviceName;
        b.counters = counters;
        b.deviceMinutes = deviceMinutes;
        b.startedMillis = startedMillis;
        b.stoppedMillis = stoppedMillis;
        b.stoppedByUs = stoppedByUs;
        b.stopReason = stopReason;
        b.consoleUrl = consoleUrl;
        return b;
    }

    /** This outcome, marked as stopped by us for {@code reason} (e.g. "build aborted"). */
    public Outcome stoppedByUs(String reason) {
        return toBuilder().stoppedByUs(true).stopReason(reason).build();
    }

    public ArnKind getKind() { return kind; }
    public String getArn() { return arn; }
    public String getName() { return name; }
    /** Device Farm's status as it spells it (PENDING … COMPLETED, STOPPING). */
    public String getStatus() { return status; }
    /** Device Farm's result as it spells it (PENDING, PASSED, WARNED, FAILED, SKIPPED, ERRORED, STOPPED). */
    public String getResult() { return result; }
    public String getMessage() { return message; }
    /** The device of a job or session; null for runs. */
    public String getDeviceName() { return deviceName; }
    public Counters getCounters() { return counters; }
    public DeviceMinutes getDeviceMinutes() { return deviceMinutes; }
    /** Epoch millis, 0 when Device Farm has not said. */
    public long getStartedMillis() { return startedMillis; }
    /** Epoch millis, 0 when Device Farm has not said. */
    public long getStoppedMillis() { return stoppedMillis; }
    public boolean isStoppedByUs() { return stoppedByUs; }
    public String getStopReason() { return stopReason; }
    public String getConsoleUrl() { return consoleUrl; }

    /** Device Farm will not change this any more. */
    public boolean isEnded() {
        return COMPLETED.equals(status);
    }

    /** A remote access session is ready for use (its endpoints are served) only while RUNNING. */
    public boolean isRunning() {
        return "RUNNING".equals(status);
    }

    /**
     * The Pipeline return value: only strings, numbers, booleans and maps, so a sandboxed
     * Jenkinsfile can read every entry.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name());
        m.put("arn", arn);
        m.put("name", name);
        m.put("status", status);
        m.put("result", result);
        m.put("message", message);
        m.put("device", deviceName);
        m.put("url", consoleUrl);
        m.put("stoppedByUs", stoppedByUs);
        m.put("stopReason", stopReason);
        m.put("counters", counters.toMap());
        m.put("deviceMinutes", deviceMinutes.toMap());
        return m;
    }

    @Override
    public String toString() {
        return kind.displayName() + " " + (name == null ? arn : "'" + name + "' (" + arn + ")") + ": " + status + "/" + result
                + (stoppedByUs ? ", stopped by Jenkins" + (stopReason == null ? "" : " (" + stopReason + ")") : "")
                + ", " + counters + ", " + deviceMinutes;
    }

    /** Builds outcomes; only kind and arn are required. */
    public static final class Builder {
        private ArnKind kind;
        private String arn;
        private String name;
        private String status;
        private String result;
        private String message;
        private String deviceName;
        private Counters counters;
        private DeviceMinutes deviceMinutes;
        private long startedMillis;
        private long stoppedMillis;
        private boolean stoppedByUs;
        private String stopReason;
        private String consoleUrl;

        private Builder() {}

        public Builder name(String v) { name = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder result(String v) { result = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder deviceName(String v) { deviceName = v; return this; }
        public Builder counters(Counters v) { counters = v; return this; }
        public Builder deviceMinutes(DeviceMinutes v) { deviceMinutes = v; return this; }
        public Builder startedMillis(long v) { startedMillis = v; return this; }
        public Builder stoppedMillis(long v) { stoppedMillis = v; return this; }
        public Builder stoppedByUs(boolean v) { stoppedByUs = v; return this; }
        public Builder stopReason(String v) { stopReason = v; return this; }
        public Builder consoleUrl(String v) { consoleUrl = v; return this; }

        public Outcome build() {
            return new Outcome(this);
        }
    }
}
