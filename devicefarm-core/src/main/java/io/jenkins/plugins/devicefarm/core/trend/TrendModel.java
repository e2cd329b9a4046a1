package io.jenkins.plugins.devicefarm.core.trend;

import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.DeviceMinutes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns per-build summaries into the two job-page trends: device minutes and test counters. */
public final class TrendModel {
    /** Builds shown when the caller does not say. */
    public static final int DEFAULT_MAX_BUILDS = 50;

    private static final Map<String, Function<DeviceMinutes, Double>> MINUTES = new LinkedHashMap<>();
    private static final Map<String, Function<Counters, Integer>> COUNTERS = new LinkedHashMap<>();

    static {
        MINUTES.put("metered", DeviceMinutes::getMetered);
        MINUTES.put("unmetered", DeviceMinutes::getUnmetered);
        COUNTERS.put("passed", Counters::getPassed);
        COUNTERS.put("failed", Counters::getFailed);
        COUNTERS.put("warned", Counters::getWarned);
        COUNTERS.put("errored", Counters::getErrored);
        COUNTERS.put("skipped", Counters::getSkipped);
        COUNTERS.put("stopped", Counters::getStopped);
    }

    private TrendModel() {}

    /** Metered and unmetered device minutes of the newest {@code maxBuilds} builds, oldest first. */
    public static TrendSeries deviceMinutes(List<BuildSummary> builds, int maxBuilds) {
        Map<String, Function<BuildSummary, Double>> f = new LinkedHashMap<>();
        MINUTES.forEach((k, v) -> f.put(k, b -> v.apply(b.totals().getDeviceMinutes())));
        return series(builds, maxBuilds, f);
    }

    /** Passed, failed, warned, errored, skipped and stopped tests per build, oldest first. */
    public static TrendSeries counters(List<BuildSummary> builds, int maxBuilds) {
        Map<String, Function<BuildSummary, Double>> f = new LinkedHashMap<>();
        COUNTERS.forEach((k, v) -> f.put(k, b -> (double) v.apply(b.totals().getCounters())));
        return series(builds, maxBuilds, f);
    }

    private static TrendSeries series(List<BuildSummary> builds, int maxBuilds,
                                      Map<String, Function<BuildSummary, Double>> values) {
        List<BuildSummary> chosen = builds.stream()
                .sorted(Comparator.comparingInt(BuildSummary::number).reversed())
                .limit(Math.max(0, maxBuilds))
                .sorted(Comparator.comparingInt(BuildSummary::number))
                .toList();
        List<String> labels = new ArrayList<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        values.keySet().forEach(k -> series.put(k, new ArrayList<>()));
        for (BuildSummary b : chosen) {
            labels.add(b.label());
            values.forEach((k, f) -> series.get(k).add(f.apply(b)));
        }
        return new TrendSeries(labels, series);
    }
}
