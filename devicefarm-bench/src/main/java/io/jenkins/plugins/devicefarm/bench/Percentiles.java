package io.jenkins.plugins.devicefarm.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of durations in nanoseconds, shown in milliseconds. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(Collection<Long> nanos) {
        sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    double millis(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {millis(50), millis(95), millis(99), maxMillis()});
    }
}
