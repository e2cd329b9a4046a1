package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
        PriorityQueue<Instant> ends = new PriorityQueue<>(); // of the slots held; all began at or before t
        Instant previous = Instant.MIN;
        for (SimJob job : byReady) {
            Instant t = Timing.later(job.ready(), previous);
            while (true) {
                while (!ends.isEmpty() && !ends.peek().isAfter(t)) {
                    ends.poll();
                }
                if (ends.size() < max) {
                    break;
                }
                t = ends.peek(); // the first slot to free up
            }
            result.put(job, t);
            previous = t; // a job stopped while it waited holds no slot, but those after it were waiting as long
            Instant end = JobTimeline.end(job.plan(t));
            if (end.isAfter(t)) {
                ends.add(end);
            }
        }
        return result;
    }
}
