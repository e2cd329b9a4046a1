package io.jenkins.plugins.devicefarm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Benchmark knobs; the same cancel set and moments are used by every phase. */
record BenchConfig(int runs, int cancels, double timeScale, double throttle, long seed) {

    static BenchConfig parse(String[] args) {
        int runs = 1000;
        int cancels = 200;
        double scale = 60;
        double throttle = 0.3;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--cancels" -> cancels = Integer.parseInt(args[i + 1]);
                case "--time-scale" -> scale = Double.parseDouble(args[i + 1]);
                case "--throttle" -> throttle = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> { }
            }
        }
        if (cancels > runs) {
            throw new IllegalArgumentException("--cancels cannot exceed --runs");
        }
        return new BenchConfig(runs, cancels, scale, throttle, seed);
    }

    /** Which runs are cancelled: the same ones in every phase. */
    List<Integer> cancelIndices() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(i);
        }
        Collections.shuffle(all, new Random(seed));
        return List.copyOf(all.subList(0, cancels));
    }

    /** A moment (System.nanoTime) uniformly within the run's life, from queueing to teardown. */
    long cancelMoment(int index, BenchWorld.ScheduledRun run) {
        double fraction = new Random(seed * 31 + index).nextDouble();
        return run.scheduledNanos() + (long) (fraction * run.realDuration().toNanos());
    }
}
