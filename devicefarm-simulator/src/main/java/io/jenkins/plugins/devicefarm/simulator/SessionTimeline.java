package io.jenkins.plugins.devicefarm.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The life of one remote access session: PENDING, PENDING_DEVICE while its device is BUSY with
 * someone else, PREPARING once the device is assigned (billed setup), then RUNNING until StopRemoteAccessSession (STOPPING for the scripted stop time) or until
 * the per-device limit ends it. Like {@link JobTimeline}, derived from the clock on every request.
 */
final class SessionTimeline {
    static final int LIMIT_MINUTES = 150;

    private SessionTimeline() {}

    static SessionState at(Instant created, SessionScript script, long deviceWaitSeconds, Instant stopAt, Instant now) {
        Instant queued = created.plusSeconds(script.queueSeconds());
        Instant deviceStart = queued.plusSeconds(deviceWaitSeconds);
        Instant ready = deviceStart.plusSeconds(script.setupSeconds());
        Instant end = deviceStart.plus(Duration.ofMinutes(LIMIT_MINUTES));
        String message = "The remote access session reached the " + LIMIT_MINUTES
                + "-minute per-device limit and was stopped.";
        boolean deviceUsed = true;
        boolean stopping = stopAt != null && stopAt.isBefore(end);
        if (stopping && stopAt.isBefore(deviceStart)) {
            end = stopAt;
            deviceUsed = false;
            message = "The remote access session was stopped before a device was assigned; it is not billed.";
        } else if (stopping) {
            end = Timing.earlier(end, stopAt.plusSeconds(script.stopSeconds()));
            message = "The remote access session was stopped by request.";
        }

        String status = Timing.status(now, end, stopping ? stopAt : null,
                new Timing.Phase("PENDING", created),
                new Timing.Phase("PENDING_DEVICE", queued),
                new Timing.Phase("PREPARING", deviceStart),
                new Timing.Phase("RUNNING", ready));
        boolean completed = "COMPLETED".equals(status);
        return new SessionState(
                status,
                completed ? "STOPPED" : "PENDING",
                deviceUsed && !now.isBefore(deviceStart) ? deviceStart : null,
                completed ? end : null,
                Timing.billedMinutes(deviceUsed, deviceStart, end, now),
                completed ? message : null);
    }
}
