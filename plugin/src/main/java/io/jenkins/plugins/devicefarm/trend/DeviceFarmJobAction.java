package io.jenkins.plugins.devicefarm.trend;

import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.devicefarm.core.trend.BuildSummary;
import java.util.List;

/**
 * The job page's Device Farm trends (floatingBox.jelly): device minutes, metered and unmetered,
 * and test counters per build. No sidebar link; the data lives on each build's page. Both charts
 * of one page share one bounded walk of the history (made when the first of them needs it).
 */
public final class DeviceFarmJobAction implements Action {
    private final Job<?, ?> job;
    private List<BuildSummary> history;

    DeviceFarmJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public DeviceFarmTrendChart getMinutesTrend() {
        return DeviceFarmTrendChart.deviceMinutes(this::history);
    }

    public DeviceFarmTrendChart getTestsTrend() {
        return DeviceFarmTrendChart.tests(this::history);
    }

    /** The trend's builds, newest first, read once per page whatever the number of charts and calls. */
    synchronized List<BuildSummary> history() {
        if (history == null) {
            history = TrendHistory.of(job);
        }
        return history;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.DeviceFarmJobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
