package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Waits for a run or job to complete without holding a thread, stops it on abort or timeout,
 * records it and sets the build result by the result policy. Returns the outcome as a map.
 * The verdict fields default to the core's defaults, so the Snippet Generator omits them.
 */
public abstract class WaitStep extends DeviceFarmStep {
    private final String arn;
    private boolean stopOnAbort = true;
    private Integer timeoutMinutes;
    private boolean setBuildResult = true;
    private Integer minPollSeconds;
    private Integer maxPollSeconds;
    private Verdict passed = defaultFor(DeviceFarmResult.PASSED);
    private Verdict warned = defaultFor(DeviceFarmResult.WARNED);
    private Verdict failed = defaultFor(DeviceFarmResult.FAILED);
    private Verdict errored = defaultFor(DeviceFarmResult.ERRORED);
    private Verdict stopped = defaultFor(DeviceFarmResult.STOPPED);
    private Verdict skipped = defaultFor(DeviceFarmResult.SKIPPED);

    protected WaitStep(String arn) {
        this.arn = arn;
    }

    /** RUN or JOB. */
    abstract ArnKind kind();

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new WaitExecution(context, this);
    }

    ResultPolicy policy() {
        ResultPolicy p = ResultPolicy.defaults();
        p = override(p, DeviceFarmResult.PASSED, passed);
        p = override(p, DeviceFarmResult.WARNED, warned);
        p = override(p, DeviceFarmResult.FAILED, failed);
        p = override(p, DeviceFarmResult.ERRORED, errored);
        p = override(p, DeviceFarmResult.STOPPED, stopped);
        return override(p, DeviceFarmResult.SKIPPED, skipped);
    }

    private static ResultPolicy override(ResultPolicy p, DeviceFarmResult r, Verdict v) {
        return v == null ? p : p.with(r, v);
    }

    private static Verdict defaultFor(DeviceFarmResult r) {
        return ResultPolicy.defaults().verdictFor(r);
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

    public Verdict getPassed() { return passed; }
    @DataBoundSetter public void setPassed(Verdict v) { passed = v; }

    public Verdict getWarned() { return warned; }
    @DataBoundSetter public void setWarned(Verdict v) { warned = v; }

    public Verdict getFailed() { return failed; }
    @DataBoundSetter public void setFailed(Verdict v) { failed = v; }

    public Verdict getErrored() { return errored; }
    @DataBoundSetter public void setErrored(Verdict v) { errored = v; }

    public Verdict getStopped() { return stopped; }
    @DataBoundSetter public void setStopped(Verdict v) { stopped = v; }

    public Verdict getSkipped() { return skipped; }
    @DataBoundSetter public void setSkipped(Verdict v) { skipped = v; }
}
