package io.jenkins.plugins.devicefarm.simulator;

/**
 * Timing of every remote access session: seconds PENDING, seconds PREPARING (billed device setup),
 * and seconds STOPPING after StopRemoteAccessSession.
 */
public record SessionScript(long queueSeconds, long setupSeconds, long stopSeconds) {
    public static final SessionScript DEFAULT = new SessionScript(10, 30, 5);

    public SessionScript {
        if (queueSeconds < 0 || setupSeconds < 0 || stopSeconds < 0) {
            throw new IllegalArgumentException("session script durations cannot be negative");
        }
    }
}
