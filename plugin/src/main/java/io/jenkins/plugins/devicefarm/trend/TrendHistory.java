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
        return recorded(job, MAX_WALK, maxBuilds, true).stream()
                .map(b -> new BuildSummary(b.getNumber(), b.getDisplayName(), record(b).getTotals()))
                .toList();
    }

    /** The record of the newest finished build among the last {@code lookBack} that has one; null if none. */
    static DeviceFarmBuildAction latestRecord(Job<?, ?> job, int lookBack) {
        List<Run<?, ?>> builds = recorded(job, lookBack, 1, true);
        return builds.isEmpty() ? null : record(builds.get(0));
    }

    /** True when one of the newest {@code lookBack} builds, running ones included, has a Device Farm record. */
    static boolean usesDeviceFarm(Job<?, ?> job, int lookBack) {
        return !recorded(job, lookBack, 1, false).isEmpty();
    }

    /** Newest first: at most {@code max} builds with a record among the newest {@code lookBack}. */
    private static List<Run<?, ?>> recorded(Job<?, ?> job, int lookBack, int max, boolean finishedOnly) {
        List<Run<?, ?>> found = new ArrayList<>();
        Run<?, ?> b = job.getLastBuild();
        for (int n = 0; b != null && n < lookBack && found.size() < max; n++) {
            if (record(b) != null && !(finishedOnly && b.isBuilding())) {
                found.add(b);
            }
            b = b.getPreviousBuild();
        }
        return found;
    }

    private static DeviceFarmBuildAction record(Run<?, ?> build) {
        return build.getAction(DeviceFarmBuildAction.class);
    }
}
