package io.jenkins.plugins.devicefarm.simulator;

import java.time.Duration;
import java.time.Instant;

/** Small time arithmetic shared by the job and session timelines. */
final class Timing {
    private Timing() {}

    /** A status that begins at {@code from}. */
    record Phase(String status, Instant from) {}

    /**
     * The status at {@code now}: COMPLETED from {@code end}, STOPPING from {@code stoppingFrom} (null
     * when no stop applies), otherwise the last of the ordered {@code phases} that has begun.
     */
    static String status(Instant now, Instant end, Instant stoppingFrom, Phase... phases) {
        if (!now.isBefore(end)) {
            return "COMPLETED";
        }
        if (stoppingFrom != null && !now.isBefore(stoppingFrom)) {
            return "STOPPING";
        }
        String status = phases[0].status();
        for (Phase phase : phases) {
            if (!now.isBefore(phase.from())) {
                status = phase.status();
            }
        }
        return status;
    }

    static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Minutes a device was held: from {@code deviceStart} until {@code end}, as far as {@code now} has got. */
    static double billedMinutes(boolean deviceUsed, Instant deviceStart, Instant end, Instant now) {
        if (!deviceUsed || now.isBefore(deviceStart)) {
            return 0;
        }
        return seconds(deviceStart, earlier(now, end)) / 60;
    }
}
