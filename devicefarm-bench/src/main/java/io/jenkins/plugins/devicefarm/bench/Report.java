package io.jenkins.plugins.devicefarm.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The benchmark's figures as a Markdown page: the table, the targets, the machine and the command. */
final class Report {
    /** What the engine owns (DeviceFarmWatcher.threadCount()): 2 poll threads and 4 stop threads, whatever the number of watches. */
    static final int ENGINE_THREADS = 6;

    private Report() {}

    static String markdown(BenchConfig cfg, List<PhaseResult> phases, String machine, String args) {
        PhaseResult ours = phases.get(0);
        PhaseResult throttled = phases.get(1);
        PhaseResult base = phases.get(2);
        StringBuilder s = new StringBuilder();
        s.append("# Benchmark: watching Device Farm runs\n\n");
        s.append("Command: `mvn -B -ntp -q -pl devicefarm-bench -am package -DskipTests && java -jar devicefarm-bench/target/devicefarm-bench.jar")
                .append(args.isBlank() ? "" : " " + args).append("`\n\n");
        s.append("Machine: ").append(machine).append("\n\n");
        s.append(String.format(Locale.ROOT, "Clock compressed %.0f times: one real second is %.0f simulated seconds; runs take "
                + "%d to %d simulated minutes (queue, setup, 5 to 50 minutes of tests, teardown) on 2 devices each. Polling "
                + "intervals (ours 5 s growing to 60 s; baseline a fixed 30 s) are compressed by the same factor. "
                + "The simulator runs in the same JVM, so heap and process figures include it.%n%n",
                cfg.timeScale(), cfg.timeScale(), (BenchWorld.QUEUE + BenchWorld.SETUP + BenchWorld.testSeconds(0) + BenchWorld.TEARDOWN) / 60,
                (BenchWorld.QUEUE + BenchWorld.SETUP + BenchWorld.testSeconds(BenchWorld.DURATION_STEPS - 1) + BenchWorld.TEARDOWN) / 60));
        s.append("| figure | ").append(ours.label()).append(" | ").append(throttled.label()).append(" | ").append(base.label())
                .append(" | engine ÷ baseline |\n|---|---:|---:|---:|---:|\n");
        row(s, "runs watched at once", phases, p -> (double) p.runs(), "%.0f", true);
        row(s, "peak live threads that wait", phases, p -> (double) p.peakThreads(), "%.0f", true);
        row(s, "CPU time of those threads (s)", phases, PhaseResult::cpuSeconds, "%.2f", true);
        row(s, "CPU time of the whole process, simulator included (s)", phases, PhaseResult::processCpuSeconds, "%.2f", true);
        row(s, "heap retained while all watches are live, after GC (MB)", phases, PhaseResult::retainedHeapMb, "%.1f", true);
        row(s, "peak used heap above start, garbage included (MB)", phases, PhaseResult::peakHeapMb, "%.1f", true);
        row(s, "API calls (GetRun + StopRun)", phases, p -> (double) p.apiCalls(), "%.0f", true);
        row(s, "calls per run", phases, PhaseResult::callsPerRun, "%.1f", true);
        row(s, "throttled answers", phases, p -> (double) p.throttled(), "%.0f", false);
        row(s, "wall time (s)", phases, PhaseResult::wallSeconds, "%.1f", false);
        row(s, "completion seen after it happened, p50 (ms)", phases, p -> p.detectionLag().millis(50), "%.0f", true);
        row(s, "completion seen after it happened, p95 (ms)", phases, p -> p.detectionLag().millis(95), "%.0f", true);
        for (double q : new double[] {50, 95, 99}) {
            row(s, String.format(Locale.ROOT, "abort → StopRun received, p%.0f (ms)", q), phases, p -> p.abortToStop().millis(q), "%.1f", false);
        }
        row(s, "abort → StopRun received, max (ms)", phases, p -> p.abortToStop().maxMillis(), "%.1f", false);
        row(s, "cancelled runs", phases, p -> (double) p.cancelled(), "%.0f", false);
        row(s, "… stopped, final counters and minutes captured", phases, p -> (double) p.cancelledStoppedWithFigures(), "%.0f", false);
        row(s, "… had already completed when cancelled", phases, p -> (double) p.cancelledAfterCompletion(), "%.0f", false);
        row(s, "metered device minutes billed by cancelled runs", phases, PhaseResult::cancelledMeteredMinutes, "%.0f", true);
        row(s, "watches lost (failed or hung)", phases, p -> (double) p.lost(), "%.0f", false);
        s.append("\nThe baseline never stops a cancelled run (no StopRun), so its abort → stop time is \"never\" (NaN above), "
                + "and its cancelled runs bill until they finish.");
        if (base.lost() > 0) {
            s.append(" Its lost watches are threads whose GetRun failed (a connection timed out or got no answer among "
                    + "its 1,000 open connections) and that did not try again, as a wait that ends with the error.");
        }
        s.append("\n\n");
        s.append(throttlingCost(cfg, ours, throttled));
        s.append("## Targets (2-core machine)\n\n");
        target(s, "engine threads ≤ " + ENGINE_THREADS + " (2 poll, 4 stop) whatever the number of watches",
                ours.peakThreads() <= ENGINE_THREADS && throttled.peakThreads() <= ENGINE_THREADS,
                ours.peakThreads() + " and " + throttled.peakThreads());
        target(s, "abort → stop p99 under 100 ms on loopback", ours.abortToStop().millis(99) < 100,
                String.format(Locale.ROOT, "%.1f ms (%.1f ms throttled)", ours.abortToStop().millis(99), throttled.abortToStop().millis(99)));
        target(s, "under 64 MB heap for 1,000 watches", ours.retainedHeapMb() < 64,
                String.format(Locale.ROOT, "%.1f MB retained after GC (peak %.1f MB with garbage; simulator included)",
                        ours.retainedHeapMb(), ours.peakHeapMb()));
        target(s, "no more API calls than a fixed 30 s poll", ours.apiCalls() <= base.apiCalls(),
                ours.apiCalls() + " vs " + base.apiCalls());
        target(s, "nothing lost under throttling", throttled.lost() == 0
                && throttled.cancelledStoppedWithFigures() + throttled.cancelledAfterCompletion() == throttled.cancelled(),
                throttled.lost() + " lost; " + throttled.cancelledStoppedWithFigures() + " stopped + "
                        + throttled.cancelledAfterCompletion() + " already done of " + throttled.cancelled() + " cancelled");
        return s.toString();
    }

    /** What 30% throttling added, in calls and in time, the latter also in simulated seconds. */
    private static String throttlingCost(BenchConfig cfg, PhaseResult ours, PhaseResult throttled) {
        long extra = throttled.apiCalls() - ours.apiCalls();
        double lag50 = throttled.detectionLag().millis(50) - ours.detectionLag().millis(50);
        double lag95 = throttled.detectionLag().millis(95) - ours.detectionLag().millis(95);
        double stop99 = throttled.abortToStop().millis(99) - ours.abortToStop().millis(99);
        return String.format(Locale.ROOT, "## Under 30%% throttling%n%n"
                + "- extra calls: %+d (%+.1f%%), although %d answers were throttled: a throttled poll is not retried at once, "
                + "the next one simply comes later (interval ×2)%n"
                + "- added latency to see a completion: %+.0f ms at p50, %+.0f ms at p95 (%+.0f s and %+.0f s simulated)%n"
                + "- added abort → first StopRun latency at p99: %+.1f ms (stops go out on their own thread; a throttled stop is "
                + "retried with backoff until Device Farm accepts it)%n"
                + "- lost: %d; every cancelled run stopped with its final figures or had already completed%n%n"
                + "The engine trades detection delay for calls: it notices a completion %.0f s (simulated) after it happens at "
                + "p50, against half a poll interval for a fixed 30 s poll; a build that waits 30 more seconds costs no device "
                + "minutes, as the run has already ended.%n%n",
                extra, 100.0 * extra / ours.apiCalls(), throttled.throttled(), lag50, lag95,
                lag50 * cfg.timeScale() / 1000, lag95 * cfg.timeScale() / 1000, stop99, throttled.lost(),
                ours.detectionLag().millis(50) * cfg.timeScale() / 1000);
    }

    private static void row(StringBuilder s, String name, List<PhaseResult> phases, Function<PhaseResult, Double> f,
                            String format, boolean ratio) {
        s.append("| ").append(name);
        for (PhaseResult p : phases) {
            s.append(" | ").append(String.format(Locale.ROOT, format, f.apply(p)));
        }
        double base = f.apply(phases.get(2));
        s.append(" | ").append(ratio && base > 0 ? String.format(Locale.ROOT, "%.3f", f.apply(phases.get(0)) / base) : "").append(" |\n");
    }

    private static void target(StringBuilder s, String what, boolean met, String measured) {
        s.append("- ").append(met ? "met" : "**missed**").append(": ").append(what).append(" — measured ").append(measured).append('\n');
    }
}
