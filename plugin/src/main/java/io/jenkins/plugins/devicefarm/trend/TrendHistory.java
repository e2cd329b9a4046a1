package io.jenkins.plugins.devicefarm.trend;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.core.trend.BuildSummary;
import io.jenkins.plugins.devicefarm.core.trend.TrendWindow;
import java.util.List;

/**
 * What the job page reads of a job's builds, at a cost independent of the length of its history:
 * the trend's window (one walk of the newest builds), the build that carries the job action
 * (permalinks Jenkins keeps), and the list column's newest record (a few builds).
 */
final class TrendHistory {
    private TrendHistory() {}

    /** Finished builds with a Device Farm record among the newest {@link TrendWindow#DEFAULT_WINDOW}, newest first. */
    static List<BuildSummary> of(Job<?, ?> job) {
        Run<?, ?> newest = job.getLastBuild();
        return TrendWindow.<Run<?, ?>>collect(newest, b -> b.getPreviousBuild(), TrendHistory::summary, TrendWindow.DEFAULT_WINDOW);
    }

    /**
     * The newest of the job's last, last completed and last successful builds that has a Device Farm
     * record, as junit's job action comes from one build (SimpleBuildStep.LastBuildAction). The last
     * successful build keeps the trend when the newest build failed before reaching Device Farm;
     * the last completed one when Device Farm failed every build since.
     */
    @CheckForNull
    static Run<?, ?> carrier(Job<?, ?> job) {
        for (Run<?, ?> b : new Run<?, ?>[] {job.getLastBuild(), job.getLastCompletedBuild(), job.getLastSuccessfulBuild()}) {
            if (b != null && record(b) != null) {
                return b;
            }
        }
        return null;
    }

    /** The record of the newest finished build among the last {@code lookBack} that has one; null if none. */
    @CheckForNull
    static DeviceFarmBuildAction latestRecord(Job<?, ?> job, int lookBack) {
        Run<?, ?> b = job.getLastBuild();
        for (int n = 0; b != null && n < lookBack; n++) {
            DeviceFarmBuildAction a = record(b);
            if (a != null && !b.isBuilding()) {
                return a;
            }
            b = n + 1 < lookBack ? b.getPreviousBuild() : null;
        }
        return null;
    }

    @CheckForNull
    private static BuildSummary summary(Run<?, ?> build) {
        DeviceFarmBuildAction a = record(build);
        if (a == null || build.isBuilding()) {
            return null;
        }
        return new BuildSummary(build.getNumber(), build.getDisplayName(), a.getTotals());
    }

    @CheckForNull
    private static DeviceFarmBuildAction record(Run<?, ?> build) {
        return build.getAction(DeviceFarmBuildAction.class);
    }
}
