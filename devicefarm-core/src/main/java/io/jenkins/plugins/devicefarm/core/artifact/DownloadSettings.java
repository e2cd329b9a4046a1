package io.jenkins.plugins.devicefarm.core.artifact;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.io.Serializable;
import java.time.Duration;

/**
 * How artifacts are downloaded: files at once, attempts per file, the backoff between attempts, a
 * per-file and an overall timeout, the connect timeout and how long to wait for an answer's headers.
 * Immutable and serializable (it travels to the agent with the file list).
 */
public final class DownloadSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_PARALLEL = 16;

    private final int parallel;
    private final int attempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration perFileTimeout;
    private final Duration overallTimeout;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private DownloadSettings(int parallel, int attempts, Duration firstBackoff, Duration maxBackoff, Duration perFileTimeout,
                             Duration overallTimeout, Duration connectTimeout, Duration readTimeout) {
        this.parallel = parallel;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.perFileTimeout = perFileTimeout;
        this.overallTimeout = overallTimeout;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** 4 at once, 4 attempts with 1 s growing to 30 s between them, 15 minutes a file, 60 minutes in all. */
    public static DownloadSettings defaults() {
        return new DownloadSettings(4, 4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofMinutes(60), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** Files downloaded at once, 1 to {@value #MAX_PARALLEL}. */
    public DownloadSettings withParallel(int n) {
        if (n < 1 || n > MAX_PARALLEL) {
            throw new InvalidInputException("parallelDownloads", n + " is out of range", "Use 1 to " + MAX_PARALLEL);
        }
        return new DownloadSettings(n, attempts, firstBackoff, maxBackoff, perFileTimeout, overallTimeout, connectTimeout, readTimeout);
    }

    /** Tries per file, 1 to 10. */
    public DownloadSettings withAttempts(int n) {
        if (n < 1 || n > 10) {
            throw new InvalidInputException("downloadAttempts", n + " is out of range", "Use 1 to 10");
        }
        return new DownloadSettings(parallel, n, firstBackoff, maxBackoff, perFileTimeout, overallTimeout, connectTimeout, readTimeout);
    }

    public DownloadSettings withBackoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new InvalidInputException("backoff", "must be positive with the first delay at most the longest",
                    "Use e.g. 1 s growing to 30 s");
        }
        return new DownloadSettings(parallel, attempts, first, max, perFileTimeout, overallTimeout, connectTimeout, readTimeout);
    }

    public DownloadSettings withTimeouts(Duration perFile, Duration overall) {
        positive("fileTimeout", perFile);
        positive("downloadTimeout", overall);
        return new DownloadSettings(parallel, attempts, firstBackoff, maxBackoff, perFile, overall, connectTimeout, readTimeout);
    }

    /** {@code read}: how long to wait for the answer (status and headers) after sending the request. */
    public DownloadSettings withSocketTimeouts(Duration connect, Duration read) {
        positive("connectTimeout", connect);
        positive("readTimeout", read);
        return new DownloadSettings(parallel, attempts, firstBackoff, maxBackoff, perFileTimeout, overallTimeout, connect, read);
    }

    public int parallel() { return parallel; }
    public int attempts() { return attempts; }
    public Duration firstBackoff() { return firstBackoff; }
    public Duration maxBackoff() { return maxBackoff; }
    public Duration perFileTimeout() { return perFileTimeout; }
    public Duration overallTimeout() { return overallTimeout; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInputException(field, "must be more than 0 and at most a day", "Use e.g. 15 minutes");
        }
    }
}
