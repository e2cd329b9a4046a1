package io.jenkins.plugins.devicefarm.core.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The job page's trend input in one bounded walk: the summaries of the newest {@code window}
 * builds that have one, newest first. It looks at no more than {@code window} builds and never
 * loads the build just past the window, whatever the length of the history.
 */
public final class TrendWindow {
    /** Builds looked at for the job page's charts: as many as a chart shows. */
    public static final int DEFAULT_WINDOW = TrendModel.DEFAULT_MAX_BUILDS;

    private TrendWindow() {}

    /**
     * @param newest the newest build, or null for a job without builds
     * @param previous the build before (loads it, in Jenkins)
     * @param summary a build's summary, or null when it has none (no Device Farm record, still running)
     */
    public static <B> List<BuildSummary> collect(B newest, UnaryOperator<B> previous, Function<B, BuildSummary> summary,
                                                 int window) {
        List<BuildSummary> found = new ArrayList<>();
        B b = newest;
        for (int n = 0; b != null && n < window; n++) {
            BuildSummary s = summary.apply(b);
            if (s != null) {
                found.add(s);
            }
            b = n + 1 < window ? previous.apply(b) : null;
        }
        return found;
    }
}
