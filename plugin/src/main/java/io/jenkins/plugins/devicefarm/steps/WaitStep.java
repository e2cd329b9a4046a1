package io.jenkins.plugins.devicefarm.steps;

import hudson.AbortException;
import hudson.Util;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Waits for a run or job to complete without holding a thread, stops it on abort or timeout,
 * records it and sets the build result by the result policy. Returns the outcome as a map.
 * The verdicts are kept as the text the user gave and checked in {@link #policy()} when the step
 * starts, so {@code passed: 'YELLOW'} fails with one line naming the field and the allowed values
 * instead of a stack trace from instantiating the step. They default to the core's defaults, so
 * the Snippet Generator omits them.
 */
public abstract class WaitStep extends DeviceFarmStep {
    private final String arn;
    private boolean stopOnAbort = true;
    private Integer timeoutMinutes;
    private boolean setBuildResult = true;
    private Integer minPollSeconds;
    private Integer maxPollSeconds;
    private String passed = defaultFor(DeviceFarmResult.PASSED);
    private String warned = defaultFor(DeviceFarmResult.WARNED);
    private String failed = defaultFor(DeviceFarmResult.FAILED);
    private String errored = defaultFor(DeviceFarmResult.ERRORED);
    private String stopped = defaultFor(DeviceFarmResult.STOPPED);
    private String skipped = defaultFor(DeviceFarmResult.SKIPPED);

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

    /** The policy of the step; a value that is not a build result throws, naming its field and the allowed values. */
    ResultPolicy policy() {
        return ResultPolicy.defaults()
                .with("passed", DeviceFarmResult.PASSED, passed)
                .with("warned", DeviceFarmResult.WARNED, warned)
                .with("failed", DeviceFarmResult.FAILED, failed)
                .with("errored", DeviceFarmResult.ERRORED, errored)
                .with("stopped", DeviceFarmResult.STOPPED, stopped)
                .with("skipped", DeviceFarmResult.SKIPPED, skipped);
    }

    /** The default build result for a Device Farm result, by name (e.g. UNSTABLE for WARNED). */
    static String defaultFor(DeviceFarmResult r) {
        return ResultPolicy.defaults().verdictFor(r).name();
    }

    /** Blank means the default; anything else is kept as given and checked when the step starts. */
    private static String verdict(String v, DeviceFarmResult r) {
        return Util.fixEmptyAndTrim(v) == null ? defaultFor(r) : v.strip();
    }

    public String getArn() { return arn; }

    public boolean isStopOnAbort() { return stopOnAbort; }
    @DataBoundSetter public void setStopOnAbort(boolean v) { stopOnAbort = v; }

    public Integer getTimeoutMinutes() { return timeoutMinutes; }
    @DataBoundSetter public void setTimeoutMinutes(Integer v) { timeoutMinutes = v; }

    public boolean isSetBuildResult() { return setBuildResult; }
    @DataBoundSetter public void setSetBuildResult(boolean v) { setBuildResult = v; }

    public Integer getMinPollSeconds() { return minPollSeconds; }
    @DataBoundSetter public void setMinPollSeconds(Integer v) { minPollSeconds = v; }

    public Integer getMaxPollSeconds() { return maxPollSeconds; }
    @DataBoundSetter public void setMaxPollSeconds(Integer v) { maxPollSeconds = v; }

    public String getPassed() { return passed; }
    @DataBoundSetter public void setPassed(String v) { passed = verdict(v, DeviceFarmResult.PASSED); }

    public String getWarned() { return warned; }
    @DataBoundSetter public void setWarned(String v) { warned = verdict(v, DeviceFarmResult.WARNED); }

    public String getFailed() { return failed; }
    @DataBoundSetter public void setFailed(String v) { failed = verdict(v, DeviceFarmResult.FAILED); }

    public String getErrored() { return errored; }
    @DataBoundSetter public void setErrored(String v) { errored = verdict(v, DeviceFarmResult.ERRORED); }

    public String getStopped() { return stopped; }
    @DataBoundSetter public void setStopped(String v) { stopped = verdict(v, DeviceFarmResult.STOPPED); }

    public String getSkipped() { return skipped; }
    @DataBoundSetter public void setSkipped(String v) { skipped = verdict(v, DeviceFarmResult.SKIPPED); }
}
