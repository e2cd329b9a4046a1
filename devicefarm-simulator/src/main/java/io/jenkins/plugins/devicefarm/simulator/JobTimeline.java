package io.jenkins.plugins.devicefarm.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The life of one job, computed from its creation time, its run's script, its timeout and when a
 * stop was requested. Nothing is stored per phase, so any clock (manual or real) gives a consistent
 * answer on every request.
 *
 * <pre>
 * created ─ PENDING ─ SCHEDULING ─ deviceStart ─ PREPARING ─ testsStart ─ RUNNING ─ testsEnd ─ (teardown, RUNNING) ─ end
 * </pre>
 * Billing covers deviceStart..end. A stop before deviceStart completes the job at once, unbilled;
 * a later stop runs teardown (STOPPING) and bills it.
 */
final class JobTimeline {
    private JobTimeline() {}

    static JobState at(Instant created, RunScript script, int timeoutMinutes, Instant stopAt, Instant now) {
        Instant scheduling = created.plus(Duration.ofSeconds(script.queueSeconds()).dividedBy(2));
        Instant deviceStart = created.plusSeconds(script.queueSeconds());
        Instant testsStart = deviceStart.plusSeconds(script.setupSeconds());
        Instant testsEnd = testsStart.plusSeconds(script.testSeconds());
        Instant limit = deviceStart.plus(Duration.ofMinutes(timeoutMinutes));

        Instant end = testsEnd.plusSeconds(script.teardownSeconds());
        Instant testsFrozen = testsEnd;
        String result = script.result();
        String message = script.message();
        boolean deviceUsed = true;
        if (limit.isBefore(end)) {
            end = limit;
            testsFrozen = Timing.earlier(testsEnd, limit);
            if (limit.isBefore(testsEnd)) {
                result = "STOPPED";
                message = "The job exceeded its execution timeout of " + timeoutMinutes + " minutes and was stopped.";
            }
        }
        boolean stopping = stopAt != null && stopAt.isBefore(end);
        if (stopping && stopAt.isBefore(deviceStart)) {
            end = stopAt;
            testsFrozen = stopAt;
            deviceUsed = false;
            result = "STOPPED";
            message = "The job was stopped before tests started on the device; it is not billed.";
        } else if (stopping) {
            end = Timing.earlier(end, stopAt.plusSeconds(script.teardownSeconds()));
            testsFrozen = Timing.earlier(testsFrozen, stopAt);
            if (stopAt.isBefore(testsEnd)) {
                result = "STOPPED";
                message = "The job was stopped by request.";
            }
        }

        String status = Timing.status(now, end, stopping ? stopAt : null,
                new Timing.Phase("PENDING", created),
                new Timing.Phase("SCHEDULING", scheduling),
                new Timing.Phase("PREPARING", deviceStart),
                new Timing.Phase("RUNNING", testsStart));
        boolean completed = "COMPLETED".equals(status);

        Instant testedUntil = Timing.earlier(now, testsFrozen);
        double fraction = testedUntil.isBefore(testsStart) ? 0
                : script.testSeconds() == 0 ? 1
                : Timing.seconds(testsStart, testedUntil) / script.testSeconds();
        boolean interrupted = completed && "STOPPED".equals(result);
        Counters counters = Counters.progress(script.counters(), fraction, interrupted);

        return new JobState(
                status,
                completed ? result : "PENDING",
                deviceUsed && !now.isBefore(deviceStart) ? deviceStart : null,
                completed ? end : null,
                counters,
                Timing.billedMinutes(deviceUsed, deviceStart, end, now),
                completed ? message : null);
    }
}
