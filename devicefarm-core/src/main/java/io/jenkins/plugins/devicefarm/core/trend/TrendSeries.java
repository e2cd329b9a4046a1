package io.jenkins.plugins.devicefarm.core.trend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chart data: build labels on the x axis (oldest first) and named series of equal length. */
public final class TrendSeries {
    private final List<String> labels;
    private final Map<String, List<Double>> series;

    TrendSeries(List<String> labels, Map<String, List<Double>> series) {
        this.labels = List.copyOf(labels);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.series = Collections.unmodifiableMap(copy);
    }

    public List<String> labels() { return labels; }
    /** Series name → one value per label, in the order the chart should stack them. */
    public Map<String, List<Double>> series() { return series; }
    public boolean isEmpty() { return labels.isEmpty(); }
}
