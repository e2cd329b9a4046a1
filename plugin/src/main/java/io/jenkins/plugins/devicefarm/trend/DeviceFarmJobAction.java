package io.jenkins.plugins.devicefarm.trend;

import hudson.model.Action;
import hudson.model.Job;

/**
 * The job page's Device Farm trends (floatingBox.jelly): device minutes, metered and unmetered,
 * and test counters per build. No sidebar link; the data lives on each build's page.
 */
public final class DeviceFarmJobAction implements Action {
    private final Job<?, ?> job;

    DeviceFarmJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public DeviceFarmTrendChart getMinutesTrend() {
        return DeviceFarmTrendChart.deviceMinutes(job);
    }

    public DeviceFarmTrendChart getTestsTrend() {
        return DeviceFarmTrendChart.tests(job);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "AWS Device Farm trend";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
