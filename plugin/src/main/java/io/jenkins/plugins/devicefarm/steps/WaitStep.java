package io.jenkins.plugins.devicefarm.steps;

import hudson.AbortException;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Waits for a run or job to complete without holding a thread, stops it on abort or timeout,
 * records it and sets the build result by the result policy ({@link ResultPolicyStep}). Returns
 * the outcome as a map.
 */
public abstract class WaitStep extends ResultPolicyStep {
    private final String arn;
    private boolean stopOnAbort = true;
    private Integer timeoutMinutes;
    private Integer minPollSeconds;
    private Integer maxPollSeconds;

    protected WaitStep(String arn) {
        this.arn = arn;
    }

    /** RUN or JOB. */
    abstract ArnKind kind();

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            policy(); // before anything else: one line naming the field, not a stack trace
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        return new WaitExecution(context, this);
    }

    public String getArn() { return arn; }

    public boolean isStopOnAbort() { return stopOnAbort; }
    @DataBoundSetter public void setStopOnAbort(boolean v) { stopOnAbort = v; }

    public Integer getTimeoutMinutes() { return timeoutMinutes; }
    @DataBoundSetter public void setTimeoutMinutes(Integer v) { timeoutMinutes = v; }

    public Integer getMinPollSeconds() { return minPollSeconds; }
    @DataBoundSetter public void setMinPollSeconds(Integer v) { minPollSeconds = v; }

    public Integer getMaxPollSeconds() { return maxPollSeconds; }
    @DataBoundSetter public void setMaxPollSeconds(Integer v) { maxPollSeconds = v; }
}
