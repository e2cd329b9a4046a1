package io.jenkins.plugins.devicefarm.trend;

import edu.hm.hafner.echarts.JacksonFacade;
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
import java.util.function.Supplier;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * One trend chart of the job page, rendered by echarts-api's {@code <c:trend-chart>}: the model
 * is fetched by Ajax from {@link #getBuildTrendModel()}. Built here as a map in the JSON shape of
 * echarts' LinesChartModel because device minutes are fractional and LineSeries holds integers.
 * The builds come from the job action, which reads them once for all its charts.
 */
public final class DeviceFarmTrendChart implements AsyncTrendChart {
    private static final JacksonFacade JACKSON = new JacksonFacade();

    /** One color per series, none shared: the tests chart and the minutes chart sit side by side. */
    private static final Map<String, JenkinsPalette> COLORS = Map.of(
            "passed", JenkinsPalette.GREEN,
            "failed", JenkinsPalette.RED,
            "warned", JenkinsPalette.YELLOW,
            "errored", JenkinsPalette.ORANGE,
            "skipped", JenkinsPalette.GREY,
            "stopped", JenkinsPalette.PURPLE,
            "metered", JenkinsPalette.BLUE,
            "unmetered", JenkinsPalette.CYAN);

    private final Supplier<List<BuildSummary>> builds;
    private final String title;
    private final BiFunction<List<BuildSummary>, Integer, TrendSeries> series;
    private final boolean integers;

    DeviceFarmTrendChart(Supplier<List<BuildSummary>> builds, String title,
                         BiFunction<List<BuildSummary>, Integer, TrendSeries> series, boolean integers) {
        this.builds = builds;
        this.title = title;
        this.series = series;
        this.integers = integers;
    }

    static DeviceFarmTrendChart deviceMinutes(Supplier<List<BuildSummary>> builds) {
        return new DeviceFarmTrendChart(builds, Messages.DeviceFarmTrendChart_DeviceMinutes(), TrendModel::deviceMinutes, false);
    }

    static DeviceFarmTrendChart tests(Supplier<List<BuildSummary>> builds) {
        return new DeviceFarmTrendChart(builds, Messages.DeviceFarmTrendChart_Tests(), TrendModel::counters, true);
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

    /** Shown as soon as one finished build of the window has a Device Farm record, whatever its result. */
    @Override
    public boolean isTrendVisible() {
        return !builds.get().isEmpty();
    }

    /** The chart model: labels and build numbers oldest first, one stacked series per value. */
    Map<String, Object> model() {
        List<BuildSummary> window = builds.get();
        TrendSeries s = series.apply(window, TrendModel.DEFAULT_MAX_BUILDS);
        List<Integer> numbers = window.stream().map(BuildSummary::number).sorted(Comparator.naturalOrder()).toList();
        List<Map<String, Object>> lines = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<Double>> e : s.series().entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", e.getKey());
            line.put("type", "line");
            line.put("symbol", "circle");
            line.put("stack", "stacked");
            line.put("areaStyle", Map.of());
            line.put("itemStyle", Map.of("color", colorOf(e.getKey(), index++)));
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

    static String colorOf(String name, int index) {
        JenkinsPalette c = COLORS.get(name);
        return (c == null ? JenkinsPalette.chartColor(index) : c).normal();
    }
}
