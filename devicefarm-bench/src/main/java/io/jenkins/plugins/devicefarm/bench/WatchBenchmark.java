package io.jenkins.plugins.devicefarm.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the engine against the in-process simulator: 1,000 runs watched at once, 200 of them
 * cancelled at random moments, the same under 30% throttling, and the existing plugin's way of
 * waiting as a baseline. Prints a Markdown report and, with {@code --out FILE}, writes it as its own section of that page.
 */
public final class WatchBenchmark {
    private WatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchConfig cfg = BenchConfig.parse(args);
        System.out.printf(Locale.ROOT, "Benchmark: %d runs, %d cancelled, clock x%.0f, %.0f%% throttled in phase 3%n",
                cfg.runs(), cfg.cancels(), cfg.timeScale(), cfg.throttle() * 100);
        // Warm the JIT first so the first measured phase is not charged for compilation.
        EnginePhase.run("warm-up", new BenchConfig(Math.min(200, cfg.runs()), 0, cfg.timeScale() * 4, 0, cfg.seed()), 0);
        PhaseResult ours = EnginePhase.run("engine", cfg, 0);
        System.out.println("phase 1/3 done: " + ours.wallSeconds() + " s");
        PhaseResult throttled = EnginePhase.run("engine, " + pct(cfg.throttle()) + " throttled", cfg, cfg.throttle());
        System.out.println("phase 2/3 done: " + throttled.wallSeconds() + " s");
        PhaseResult baseline = BaselinePhase.run(cfg);
        System.out.println("phase 3/3 done: " + baseline.wallSeconds() + " s");

        String report = Report.markdown(cfg, List.of(ours, throttled, baseline), BenchmarkPage.machine(), String.join(" ", args));
        System.out.println(report);
        String out = BenchmarkPage.option(args, "--out");
        if (out != null) {
            BenchmarkPage.write(Path.of(out), report);
        }
    }

    private static String pct(double r) {
        return Math.round(r * 100) + "%";
    }
}
