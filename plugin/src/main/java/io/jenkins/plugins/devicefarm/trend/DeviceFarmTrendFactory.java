package io.jenkins.plugins.devicefarm.trend;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Gives a job (Pipeline and freestyle alike) the Device Farm trend when one of its last, last
 * completed or last successful builds used Device Farm. Jenkins calls this on every
 * {@code getAllActions()}, several times per page: it reads only those permalinks, never the history.
 */
@Extension
@SuppressWarnings("rawtypes") // TransientActionFactory<Job> as core's own factories for jobs
public class DeviceFarmTrendFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return DeviceFarmJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        return TrendHistory.carrier(job) != null ? List.of(new DeviceFarmJobAction(job)) : List.of();
    }
}
