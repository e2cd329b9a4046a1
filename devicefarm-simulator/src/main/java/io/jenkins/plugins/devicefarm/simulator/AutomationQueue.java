package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Metered automation concurrency: at most {@code limit} metered jobs hold a device at once; the
 * others wait in PENDING_CONCURRENCY, first come first served. A job holds its slot from the moment
 * it gets one until it completes (or is stopped while still waiting, holding none).
 *
 * <p>Slot times depend only on the jobs' creation, scripts and stop requests, never on the clock,
 * so they are computed once per change and cached. A stop only brings a job's end forward from the
 * moment of the stop, so recomputing never rewrites what a client has already seen.
 */
final class AutomationQueue {
    private final IntSupplier limit;
    private final List<SimJob> jobs = new ArrayList<>(); // guarded by this; metered jobs in creation order
    private Map<SimJob, Instant> slots; // guarded by this; null when a change invalidated it
    private int slotsLimit;

    AutomationQueue(IntSupplier limit) {
        this.limit = limit;
    }

    synchronized void add(SimJob job) {
        jobs.add(job);
        slots = null;
    }

    synchronized void changed() {
        slots = null;
    }

    /** When {@code job} (one of ours) gets its slot: at once when it is ready, else when a slot frees up. */
    synchronized Instant slotAt(SimJob job) {
        int max = limit.getAsInt();
        if (slots == null || slotsLimit != max) {
            slots = compute(max);
            slotsLimit = max;
        }
        return slots.get(job);
    }

    /**
     * Jobs take slots in the order they became ready (creation order among equals), each no earlier
     * than the one before: the number of holders then only grows at an instant where it was checked.
     */
    private Map<SimJob, Instant> compute(int max) {
        Map<SimJob, Instant> result = new HashMap<>();
        if (max >= jobs.size()) { // never more jobs than slots: nobody waits
            jobs.forEach(job -> result.put(job, job.ready()));
            return result;
        }
        List<SimJob> byReady = jobs.stream().sorted(Comparator.comparing(SimJob::ready)).toList(); // stable
        List<Instant[]> held = new ArrayList<>(); // [from, until) of every slot given so far
        Instant previous = Instant.MIN;
        for (SimJob job : byReady) {
            Instant t = Timing.later(job.ready(), previous);
            while (true) {
                Instant at = t;
                List<Instant[]> busy = held.stream().filter(h -> !at.isBefore(h[0]) && at.isBefore(h[1])).toList();
                if (busy.size() < max) {
                    break;
                }
                t = busy.stream().map(h -> h[1]).min(Instant::compareTo).orElseThrow();
            }
            result.put(job, t);
            Instant end = JobTimeline.end(job.plan(t));
            if (end.isAfter(t)) { // a job stopped while it waited never held a slot
                previous = t;
                held.add(new Instant[] {t, end});
            }
        }
        return result;
    }
}
