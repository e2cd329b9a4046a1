package io.jenkins.plugins.devicefarm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, every 20 ms, the live threads whose names start with a prefix, their CPU time, and
 * the used heap; keeps the peaks. The sampler's own thread is not counted.
 */
final class ResourceSampler implements AutoCloseable {
    private final String threadPrefix;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Long> cpuByThread = new HashMap<>();
    private final long baselineHeap;
    private volatile int peakThreads;
    private volatile long peakHeap;

    ResourceSampler(String threadPrefix) {
        this.threadPrefix = threadPrefix;
        System.gc();
        this.baselineHeap = memory.getHeapMemoryUsage().getUsed();
        timer.scheduleAtFixedRate(this::sample, 0, 20, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        int live = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(threadPrefix)) {
                live++;
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    cpuByThread.merge(info.getThreadId(), cpu, Math::max);
                }
            }
        }
        peakThreads = Math.max(peakThreads, live);
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
    }

    /** CPU seconds of the whole process so far (all threads, the in-process simulator included). */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Used heap right after a full collection: what is really retained, garbage excluded. */
    static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    int peakThreads() {
        return peakThreads;
    }

    /** CPU seconds used by the sampled threads (as last seen alive). */
    synchronized double cpuSeconds() {
        return cpuByThread.values().stream().mapToLong(Long::longValue).sum() / 1e9;
    }

    /** Peak used heap above what was in use when sampling started, in MB. */
    double peakHeapAboveBaselineMb() {
        return Math.max(0, peakHeap - baselineHeap) / (1024.0 * 1024.0);
    }

    double peakHeapMb() {
        return peakHeap / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        sample();
        timer.shutdownNow();
    }
}
