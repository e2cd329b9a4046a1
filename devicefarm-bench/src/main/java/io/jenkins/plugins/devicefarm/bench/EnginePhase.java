package io.jenkins.plugins.devicefarm.bench;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.core.watch.Watch;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Our engine: every run watched by the shared scheduler, some cancelled at random moments. */
final class EnginePhase {
    private EnginePhase() {}

    static PhaseResult run(String label, BenchConfig cfg, double throttleRatio) throws Exception {
        try (BenchWorld world = new BenchWorld(cfg.runs(), cfg.timeScale())) {
            if (throttleRatio > 0) {
                world.sim.faults().seed(cfg.seed()).throttle("*", throttleRatio);
            }
            world.sim.journal().clear();
            // The plugin's default 5 s..60 s polling, compressed by the same factor as the clock.
            PollSettings polls = PollSettings.of(scaled(Duration.ofSeconds(5), cfg), scaled(Duration.ofSeconds(60), cfg));
            Map<Integer, Long> cancelNanos = new ConcurrentHashMap<>();
            Map<Integer, Long> doneNanos = new ConcurrentHashMap<>();
            List<Watch> watches = new ArrayList<>();
            List<Integer> toCancel = cfg.cancelIndices();
            double heapBefore = ResourceSampler.liveHeapMb();
            double[] heapDuring = new double[1];
            ResourceSampler sampler = new ResourceSampler("devicefarm-watcher-");
            long start = System.nanoTime();
            double cpuStart = ResourceSampler.processCpuSeconds();
            List<Outcome> outcomes = new ArrayList<>();
            int lost = 0;
            try (DeviceFarmWatcher watcher = new DeviceFarmWatcher(polls);
                 CancelTimer timer = new CancelTimer()) {
                for (int i = 0; i < world.runs.size(); i++) {
                    int n = i;
                    Watch w = watcher.watch(world.client, DeviceFarmArn.parse("arn", world.runs.get(i).arn(), ArnKind.RUN),
                            WatchOptions.untilCompleted());
                    w.outcome().whenComplete((o, e) -> doneNanos.put(n, System.nanoTime()));
                    watches.add(w);
                }
                for (int i : toCancel) {
                    timer.at(cfg.cancelMoment(i, world.runs.get(i)), () -> {
                        cancelNanos.put(i, System.nanoTime());
                        watches.get(i).cancel("benchmark abort");
                    });
                }
                // Midway through the shortest runs, every watch is live: measure what they retain.
                timer.at(world.runs.get(0).scheduledNanos() + world.runs.get(0).realDuration().toNanos() / 2,
                        () -> heapDuring[0] = ResourceSampler.liveHeapMb());
                for (Watch w : watches) {
                    try {
                        outcomes.add(w.outcome().get(10, TimeUnit.MINUTES));
                    } catch (Exception e) {
                        outcomes.add(null);
                        lost++;
                    }
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double processCpu = ResourceSampler.processCpuSeconds() - cpuStart;
            sampler.close();
            return summarize(label, world, sampler, processCpu, heapDuring[0] - heapBefore, wall, outcomes, toCancel, cancelNanos, doneNanos, lost);
        }
    }

    private static PhaseResult summarize(String label, BenchWorld world, ResourceSampler sampler, double processCpu, double retainedMb, double wall,
                                         List<Outcome> outcomes, List<Integer> toCancel, Map<Integer, Long> cancelNanos,
                                         Map<Integer, Long> doneNanos, int lost) {
        List<Long> abort = new ArrayList<>();
        List<Long> lag = new ArrayList<>();
        int stoppedWithFigures = 0;
        int afterCompletion = 0;
        double cancelledMetered = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            BenchWorld.ScheduledRun r = world.runs.get(i);
            if (!toCancel.contains(i)) {
                if (doneNanos.containsKey(i)) {
                    lag.add(Math.max(0, doneNanos.get(i) - (r.scheduledNanos() + r.realDuration().toNanos())));
                }
                continue;
            }
            if (o == null) {
                continue;
            }
            cancelledMetered += o.getDeviceMinutes().getMetered();
            Long stop = world.firstStopNanos.get(r.arn());
            if (o.isStoppedByUs() && stop != null && cancelNanos.containsKey(i)) {
                abort.add(stop - cancelNanos.get(i));
                // A stop accepted during teardown leaves the result as the tests made it; the figures are final all the same.
                boolean figures = o.isEnded() && o.getCounters().getTotal() > 0;
                stoppedWithFigures += figures ? 1 : 0;
                if (!figures) {
                    System.err.println("cancelled run without final figures: " + o);
                }
            } else if (!o.isStoppedByUs()) {
                afterCompletion++; // the run had completed on its own before the cancel came
            } else {
                System.err.println("cancelled run stopped but no stop seen: " + o);
            }
        }
        int calls = world.calls("GetRun") + world.calls("StopRun");
        return new PhaseResult(label, outcomes.size(), sampler.peakThreads(), sampler.cpuSeconds(), processCpu, sampler.peakHeapAboveBaselineMb(),
                retainedMb, calls, world.throttledCalls(), wall, new Percentiles(lag), new Percentiles(abort), toCancel.size(),
                stoppedWithFigures, afterCompletion, cancelledMetered, lost);
    }

    static Duration scaled(Duration d, BenchConfig cfg) {
        return Duration.ofNanos((long) (d.toNanos() / cfg.timeScale()));
    }

    /** Fires cancels at their moments from one bench thread (not counted as an engine thread). */
    static final class CancelTimer implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService exec =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-cancel"));

        void at(long nanoTime, Runnable action) {
            exec.schedule(action, Math.max(0, nanoTime - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
            exec.shutdownNow();
        }
    }
}
