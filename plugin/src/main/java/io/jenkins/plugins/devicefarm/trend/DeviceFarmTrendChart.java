package io.jenkins.plugins.devicefarm.trend;

import edu.hm.hafner.echarts.JacksonFacade;
import hudson.model.Job;
import io.jenkins.plugins.devicefarm.core.trend.BuildSummary;
import io.jenkins.plugins.devicefarm.core.trend.TrendModel;
import io.jenkins.plugins.devicefarm.core.trend.TrendSeries;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import io.jenkins.plugins.echarts.JenkinsPalette;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * One trend chart of the job page, rendered by echarts-api's {@code <c:trend-chart>}: the model
 * is fetched by Ajax from {@link #getBuildTrendModel()}. Built here as a map in the JSON shape of
 * echarts' LinesChartModel because device minutes are fractional and LineSeries holds integers.
 */
public final class DeviceFarmTrendChart implements AsyncTrendChart {
    private static final JacksonFacade JACKSON = new JacksonFacade();

    private final Job<?, ?> job;
    private final String title;
    private final BiFunction<List<BuildSummary>, Integer, TrendSeries> series;
    private final boolean integers;

    DeviceFarmTrendChart(Job<?, ?> job, String title, BiFunction<List<BuildSummary>, Integer, TrendSeries> series, boolean integers) {
        this.job = job;
        this.title = title;
        this.series = series;
        this.integers = integers;
    }

    static DeviceFarmTrendChart deviceMinutes(Job<?, ?> job) {
        return new DeviceFarmTrendChart(job, "AWS Device Farm device minutes", TrendModel::deviceMinutes, false);
    }

    static DeviceFarmTrendChart tests(Job<?, ?> job) {
        return new DeviceFarmTrendChart(job, "AWS Device Farm tests", TrendModel::counters, true);
    }

    public String getTitle() {
        return title;
    }

    /** Clicking a point opens that build's Device Farm page. */
    public String getUrlName() {
        return "devicefarm";
    }

    @Override
    @JavaScriptMethod
    public String getBuildTrendModel() {
        return JACKSON.toJson(model());
    }

    /** Shown as soon as one finished build has a Device Farm record, whatever its result. */
    @Override
    public boolean isTrendVisible() {
        return !TrendHistory.of(job, 1).isEmpty();
    }

    /** The chart model: labels and build numbers oldest first, one stacked series per value. */
    Map<String, Object> model() {
        List<BuildSummary> builds = TrendHistory.of(job, TrendModel.DEFAULT_MAX_BUILDS);
        TrendSeries s = series.apply(builds, TrendModel.DEFAULT_MAX_BUILDS);
        List<Integer> numbers = builds.stream().map(BuildSummary::number).sorted(Comparator.naturalOrder()).toList();
        List<Map<String, Object>> lines = new ArrayList<>();
        int color = 0;
        for (Map.Entry<String, List<Double>> e : s.series().entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", e.getKey());
            line.put("type", "line");
            line.put("symbol", "circle");
            line.put("stack", "stacked");
            line.put("areaStyle", Map.of());
            line.put("itemStyle", Map.of("color", colorOf(e.getKey(), color++)));
            line.put("data", e.getValue());
            lines.add(line);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domainAxisLabels", s.labels());
        m.put("buildNumbers", numbers);
        m.put("series", lines);
        m.put("integerRangeAxis", integers);
        m.put("rangeMin", 0);
        return m;
    }

    private static String colorOf(String name, int index) {
        return switch (name) {
            case "passed", "unmetered" -> JenkinsPalette.GREEN.normal();
            case "failed", "metered" -> JenkinsPalette.RED.normal();
            case "warned" -> JenkinsPalette.YELLOW.normal();
            case "errored" -> JenkinsPalette.ORANGE.normal();
            case "skipped", "stopped" -> JenkinsPalette.GREY.normal();
            default -> JenkinsPalette.chartColor(index).normal();
        };
    }
}
