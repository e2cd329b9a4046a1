package io.jenkins.plugins.devicefarm.steps;

import hudson.AbortException;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Stops a run or job through the core's lifecycle (one stop per ARN, whoever else asks: a
 * second abort, the safety net), which retries until Device Farm accepts it, follows it to its
 * end and records it; tracked only once Device Farm's answer confirms it. Returns its outcome.
 * After a restart the stop is simply asked again.
 */
final class StopExecution extends DeviceFarmExecution {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private final ArnKind kind;
    private final String functionName;

    StopExecution(StepContext context, StopStep step) {
        super(context, step);
        this.arn = step.getArn() == null ? null : step.getArn().strip();
        this.kind = step.kind();
        this.functionName = step.getDescriptor().getFunctionName();
    }

    @Override
    public boolean start() throws Exception {
        try {
            DeviceFarmArn.parse("arn", arn, kind);
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        background(this::stopNow);
        return false;
    }

    @Override
    public void onResume() {
        if (!isDone()) {
            background(this::stopNow);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        fail(cause); // the stop already asked for goes on, with its own client, and is still recorded
    }

    @Override
    public String getStatus() {
        return "stopping " + kind.displayName() + " " + arn;
    }

    private void stopNow() throws Exception {
        listener().getLogger().println("[Device Farm] Stopping " + kind.displayName() + " " + arn);
        lifecycle().stop(lease(), DeviceFarmArn.parse("arn", arn, kind), functionName + " in " + run().getFullDisplayName(), ledger())
                .whenCompleteAsync(this::finished, Timer.get());
    }

    /** After the lifecycle recorded what the stop came to. */
    private void finished(Outcome outcome, Throwable error) {
        if (error != null) {
            fail(error);
            return;
        }
        listener().getLogger().println("[Device Farm] " + outcome);
        succeed(outcome.toMap());
    }
}
