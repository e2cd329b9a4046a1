package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How a scenario's results and artifact downloads behave (the {@code "results"} object of a
 * scenario file). May be changed while the simulator runs; tests change it through
 * {@link Scenario#results()}.
 *
 * <pre>{"extraScreenshots": 2000, "failDownloadsOnce": 0.2, "truncateDownloadsOnce": 0,
 *  "stallDownloadsMillis": 0, "urlLifetimeSeconds": 3600}</pre>
 */
public final class ResultsScript {
    private volatile int extraScreenshots;
    private volatile double failDownloadsOnce;
    private volatile double truncateDownloadsOnce;
    private volatile Duration stallDownloads = Duration.ZERO;
    private volatile Duration urlLifetime = Duration.ofHours(1);

    /** Screenshots added to every completed job (on the test that ran the tests), for paging and bulk downloads. */
    @JsonProperty("extraScreenshots")
    public ResultsScript extraScreenshots(int count) {
        if (count < 0 || count > 100_000) {
            throw new IllegalArgumentException("extraScreenshots must be 0 to 100000: " + count);
        }
        this.extraScreenshots = count;
        return this;
    }

    /** This share (0..1, seeded random per file) of artifact files answer their first download with HTTP 500. */
    @JsonProperty("failDownloadsOnce")
    public ResultsScript failDownloadsOnce(double ratio) {
        this.failDownloadsOnce = ratio(ratio);
        return this;
    }

    /** This share of files send only half their bytes, then close the connection, on their first download. */
    @JsonProperty("truncateDownloadsOnce")
    public ResultsScript truncateDownloadsOnce(double ratio) {
        this.truncateDownloadsOnce = ratio(ratio);
        return this;
    }

    /** Every download pauses this long (real time) after half its bytes: for per-file timeouts. */
    public ResultsScript stallDownloads(Duration pause) {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("a stall cannot be negative: " + pause);
        }
        this.stallDownloads = pause;
        return this;
    }

    @JsonProperty("stallDownloadsMillis")
    void stallDownloadsMillis(long millis) {
        stallDownloads(Duration.ofMillis(millis));
    }

    /** How long a presigned artifact URL stays valid, in simulator time. */
    public ResultsScript urlLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a URL lifetime must be positive: " + lifetime);
        }
        this.urlLifetime = lifetime;
        return this;
    }

    @JsonProperty("urlLifetimeSeconds")
    void urlLifetimeSeconds(long seconds) {
        urlLifetime(Duration.ofSeconds(seconds));
    }

    public int extraScreenshots() {
        return extraScreenshots;
    }

    public double failDownloadsOnce() {
        return failDownloadsOnce;
    }

    public double truncateDownloadsOnce() {
        return truncateDownloadsOnce;
    }

    public Duration stallDownloads() {
        return stallDownloads;
    }

    public Duration urlLifetime() {
        return urlLifetime;
    }

    private static double ratio(double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("a ratio is between 0 and 1: " + ratio);
        }
        return ratio;
    }
}
