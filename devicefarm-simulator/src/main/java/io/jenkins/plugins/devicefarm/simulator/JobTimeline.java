package io.jenkins.plugins.devicefarm.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The life of one job, computed from its {@link Plan}: when it was created, its run's script and
 * timeout, when it got a concurrency slot, how long its device was BUSY, and when a stop was
 * requested. Nothing is stored per phase, so any clock (manual or real) gives a consistent answer
 * on every request.
 *
 * <pre>
 * created ─ PENDING ─ ready ─ PENDING_CONCURRENCY ─ slot ─ PENDING_DEVICE ─ deviceFree ─ SCHEDULING ─ deviceStart
 *   ─ PREPARING ─ testsStart ─ RUNNING ─ testsEnd ─ (teardown, RUNNING) ─ end
 * </pre>
 * The queue time of the script is split around the waits: half PENDING, half SCHEDULING. Billing
 * covers deviceStart..end. A stop before deviceStart completes the job at once, unbilled, with
 * nothing counted, since nothing ran; a later stop runs teardown (STOPPING) and bills it.
 */
final class JobTimeline {
    /**
     * One job's inputs: {@code slotAt} is when it may take a device under the account's
     * concurrency quota (never before {@link #ready}); {@code stopAt} is null unless stopped.
     */
    record Plan(Instant created, RunScript script, int timeoutMinutes, long deviceWaitSeconds, Instant slotAt,
            Instant stopAt) {}

    private JobTimeline() {}

    /** When a job leaves PENDING and starts to need a concurrency slot. */
    static Instant ready(Instant created, RunScript script) {
        return created.plus(Duration.ofSeconds(script.queueSeconds()).dividedBy(2));
    }

    /** When the job completes, as things stand (a later stop can only bring it forward). */
    static Instant end(Plan plan) {
        return at(plan, Instant.MAX).stopped();
    }

    static JobState at(Plan plan, Instant now) {
        RunScript script = plan.script();
        Instant created = plan.created();
        Instant ready = ready(created, script);
        Duration schedulingTime = Duration.ofSeconds(script.queueSeconds()).minus(Duration.between(created, ready));
        Instant deviceFree = plan.slotAt().plusSeconds(plan.deviceWaitSeconds());
        Instant deviceStart = deviceFree.plus(schedulingTime);
        Instant testsStart = deviceStart.plusSeconds(script.setupSeconds());
        Instant testsEnd = testsStart.plusSeconds(script.testSeconds());
        Instant limit = deviceStart.plus(Duration.ofMinutes(plan.timeoutMinutes()));

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
                message = "The job exceeded its execution timeout of " + plan.timeoutMinutes() + " minutes and was stopped.";
            }
        }
        Instant stopAt = plan.stopAt();
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

        String status = Timing.status(now, end, stopping && deviceUsed ? stopAt : null,
                new Timing.Phase("PENDING", created),
                new Timing.Phase("PENDING_CONCURRENCY", ready),
                new Timing.Phase("PENDING_DEVICE", plan.slotAt()),
                new Timing.Phase("SCHEDULING", deviceFree),
                new Timing.Phase("PREPARING", deviceStart),
                new Timing.Phase("RUNNING", testsStart));
        boolean completed = "COMPLETED".equals(status);

        Instant testedUntil = Timing.earlier(now, testsFrozen);
        double fraction = testedUntil.isBefore(testsStart) ? 0
                : script.testSeconds() == 0 ? 1
                : Timing.seconds(testsStart, testedUntil) / script.testSeconds();
        boolean interrupted = completed && deviceUsed && "STOPPED".equals(result);
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
