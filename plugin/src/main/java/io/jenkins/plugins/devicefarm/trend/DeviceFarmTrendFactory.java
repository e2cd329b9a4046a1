package io.jenkins.plugins.devicefarm.trend;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Gives every job (Pipeline and freestyle alike) the Device Farm trend, as soon as one of its
 * recent builds used Device Farm; other jobs' pages stay untouched.
 */
@Extension
@SuppressWarnings("rawtypes") // TransientActionFactory<Job> as core's own factories for jobs
public class DeviceFarmTrendFactory extends TransientActionFactory<Job> {
    /** Newest builds looked at for a Device Farm record. */
    static final int LOOK_BACK = 20;

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
        return TrendHistory.usesDeviceFarm(job, LOOK_BACK) ? List.of(new DeviceFarmJobAction(job)) : List.of();
    }
}
