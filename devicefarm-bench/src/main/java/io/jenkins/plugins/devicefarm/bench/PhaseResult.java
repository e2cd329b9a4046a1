package io.jenkins.plugins.devicefarm.bench;

/** The figures of one benchmark phase. */
record PhaseResult(
        String label,
        int runs,
        int peakThreads,
        double cpuSeconds,
        double processCpuSeconds,
        double peakHeapMb,
        double retainedHeapMb,
        int apiCalls,
        long throttled,
        double wallSeconds,
        Percentiles detectionLag,
        Percentiles abortToStop,
        int cancelled,
        int cancelledStoppedWithFigures,
        int cancelledAfterCompletion,
        double cancelledMeteredMinutes,
        int lost) {

    double callsPerRun() {
        return (double) apiCalls / runs;
    }
}
