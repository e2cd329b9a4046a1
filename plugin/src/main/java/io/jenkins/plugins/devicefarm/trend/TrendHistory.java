package io.jenkins.plugins.devicefarm.trend;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.core.trend.BuildSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's recent builds that used Device Farm, newest first, as the core's trend input.
 * Builds without a record (or still running) are skipped, so a run of failed builds before the
 * newest does not hide the trend; the walk is bounded so large histories stay cheap.
 */
final class TrendHistory {
    /** Builds looked at, at most, per chart. */
    static final int MAX_WALK = 200;

    private TrendHistory() {}

    static List<BuildSummary> of(Job<?, ?> job, int maxBuilds) {
        List<BuildSummary> summaries = new ArrayList<>();
        Run<?, ?> b = job.getLastBuild();
        for (int n = 0; b != null && n < MAX_WALK && summaries.size() < maxBuilds; n++) {
            DeviceFarmBuildAction a = b.getAction(DeviceFarmBuildAction.class);
            if (a != null && !b.isBuilding()) {
                summaries.add(new BuildSummary(b.getNumber(), b.getDisplayName(), a.getTotals()));
            }
            b = b.getPreviousBuild();
        }
        return summaries;
    }

    /** The record of the newest finished build among the last {@code lookBack} that has one; null if none. */
    static DeviceFarmBuildAction latestRecord(Job<?, ?> job, int lookBack) {
        Run<?, ?> b = job.getLastBuild();
        for (int n = 0; b != null && n < lookBack; n++) {
            DeviceFarmBuildAction a = b.getAction(DeviceFarmBuildAction.class);
            if (a != null && !b.isBuilding()) {
                return a;
            }
            b = b.getPreviousBuild();
        }
        return null;
    }

    /** True when one of the newest {@code lookBack} builds has a Device Farm record. */
    static boolean usesDeviceFarm(Job<?, ?> job, int lookBack) {
        Run<?, ?> b = job.getLastBuild();
        for (int n = 0; b != null && n < lookBack; n++) {
            if (b.getAction(DeviceFarmBuildAction.class) != null) {
                return true;
            }
            b = b.getPreviousBuild();
        }
        return false;
    }
}
