package io.jenkins.plugins.devicefarm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Run;

/**
 * How the existing Device Farm plugin waits: one thread per run calling GetRun every 30 s
 * (compressed by the clock factor), and on cancel the thread just ends; the run goes on.
 */
final class BaselinePhase {
    private BaselinePhase() {}

    static PhaseResult run(BenchConfig cfg) throws Exception {
        try (BenchWorld world = new BenchWorld(cfg.runs(), cfg.timeScale());
             DeviceFarmClient client = BenchWorld.clientFor(world.sim, cfg.runs() + 16)) {
            world.sim.journal().clear();
            long intervalMillis = Math.max(1, (long) (30_000 / cfg.timeScale()));
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            AtomicLong cpuNanos = new AtomicLong();
            AtomicInteger failed = new AtomicInteger();
            Map<Integer, Long> doneNanos = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            List<Integer> toCancel = cfg.cancelIndices();
            double heapBefore = ResourceSampler.liveHeapMb();
            double[] heapDuring = new double[1];
            ResourceSampler sampler = new ResourceSampler("baseline-poller-");
            long start = System.nanoTime();
            double cpuStart = ResourceSampler.processCpuSeconds();
            for (int i = 0; i < world.runs.size(); i++) {
                int n = i;
                String arn = world.runs.get(i).arn();
                Thread t = new Thread(() -> {
                    try {
                        while (true) {
                            Run r = client.getRun(b -> b.arn(arn)).run();
                            if ("COMPLETED".equals(r.statusAsString())) {
                                doneNanos.put(n, System.nanoTime());
                                return;
                            }
                            Thread.sleep(intervalMillis);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // "aborted": the old plugin simply stops waiting
                    } catch (RuntimeException e) {
                        if (!Thread.currentThread().isInterrupted()) {
                            failed.incrementAndGet(); // the wait ends with the error: the build loses track of the run
                        }
                    } finally {
                        cpuNanos.addAndGet(mx.getCurrentThreadCpuTime());
                    }
                }, "baseline-poller-" + i);
                threads.add(t);
                t.start();
            }
            try (EnginePhase.CancelTimer timer = new EnginePhase.CancelTimer()) {
                for (int i : toCancel) {
                    timer.at(cfg.cancelMoment(i, world.runs.get(i)), threads.get(i)::interrupt);
                }
                timer.at(world.runs.get(0).scheduledNanos() + world.runs.get(0).realDuration().toNanos() / 2,
                        () -> heapDuring[0] = ResourceSampler.liveHeapMb());
                for (Thread t : threads) {
                    t.join();
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double processCpu = ResourceSampler.processCpuSeconds() - cpuStart;
            sampler.close();
            int calls = world.calls("GetRun") + world.calls("StopRun");

            // The cancelled runs were never stopped: wait for them to finish and read what they billed.
            long lastEnd = world.runs.stream().mapToLong(r -> r.scheduledNanos() + r.realDuration().toNanos()).max().orElse(0);
            long wait = lastEnd - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000 + 200);
            }
            double cancelledMetered = 0;
            for (int i : toCancel) {
                String arn = world.runs.get(i).arn();
                cancelledMetered += world.client.getRun(b -> b.arn(arn)).run().deviceMinutes().metered();
            }
            List<Long> lag = new ArrayList<>();
            doneNanos.forEach((i, done) -> {
                BenchWorld.ScheduledRun r = world.runs.get(i);
                lag.add(Math.max(0, done - (r.scheduledNanos() + r.realDuration().toNanos())));
            });
            return new PhaseResult("baseline: thread per run, fixed 30 s poll", world.runs.size(), sampler.peakThreads(),
                    cpuNanos.get() / 1e9, processCpu, sampler.peakHeapAboveBaselineMb(), heapDuring[0] - heapBefore, calls, world.throttledCalls(), wall,
                    new Percentiles(lag), new Percentiles(List.of()), toCancel.size(), 0, 0, cancelledMetered, failed.get());
        }
    }
}
