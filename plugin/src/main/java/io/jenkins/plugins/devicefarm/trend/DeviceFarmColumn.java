package io.jenkins.plugins.devicefarm.trend;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Job;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * List view column "AWS Device Farm": the tests and metered device minutes of the job's newest
 * finished build that used Device Farm, linked to that build's Device Farm page.
 */
public class DeviceFarmColumn extends ListViewColumn {
    /** Builds looked at per job and page view: a view lists many jobs, and loading builds costs. */
    static final int LOOK_BACK = 10;

    @DataBoundConstructor
    public DeviceFarmColumn() {}

    @CheckForNull
    public DeviceFarmBuildAction getLatestRecord(Job<?, ?> job) {
        return TrendHistory.latestRecord(job, LOOK_BACK);
    }

    @Extension
    @Symbol("deviceFarmColumn")
    public static class DescriptorImpl extends ListViewColumnDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeviceFarmColumn_DisplayName();
        }

        /** Only views that ask for it: most jobs do not use Device Farm. */
        @Override
        public boolean shownByDefault() {
            return false;
        }
    }
}
