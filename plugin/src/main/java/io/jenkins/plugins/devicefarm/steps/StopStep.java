package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/** Stops a run or job now, follows it to its final state (bounded by the engine), records it and returns the outcome map. */
public abstract class StopStep extends DeviceFarmStep {
    private final String arn;

    protected StopStep(String arn) {
        this.arn = arn;
    }

    /** RUN or JOB. */
    abstract ArnKind kind();

    public String getArn() {
        return arn;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new StopExecution(context, this);
    }
}
