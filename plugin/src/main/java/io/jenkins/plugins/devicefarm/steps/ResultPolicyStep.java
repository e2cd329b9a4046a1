package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that sets the build result from a Device Farm result ({@code deviceFarmWaitForRun},
 * {@code deviceFarmWaitForJob}, {@code deviceFarmRun}): {@code setBuildResult} and the verdict of
 * each Device Farm result. The verdicts are kept as the text the user gave and checked by
 * {@link #policy()} when the step starts, so {@code passed: 'YELLOW'} fails with one line naming
 * the field and the allowed values instead of a stack trace from instantiating the step. They
 * default to the core's defaults, so the Snippet Generator omits them. The form is
 * {@code /lib/devicefarm/resultPolicy.jelly}; the menus are in {@link DeviceFarmStepDescriptor}.
 */
public abstract class ResultPolicyStep extends DeviceFarmStep {
    private boolean setBuildResult = true;
    private String passed = ResultPolicy.defaultVerdictText(DeviceFarmResult.PASSED);
    private String warned = ResultPolicy.defaultVerdictText(DeviceFarmResult.WARNED);
    private String failed = ResultPolicy.defaultVerdictText(DeviceFarmResult.FAILED);
    private String errored = ResultPolicy.defaultVerdictText(DeviceFarmResult.ERRORED);
    private String stopped = ResultPolicy.defaultVerdictText(DeviceFarmResult.STOPPED);
    private String skipped = ResultPolicy.defaultVerdictText(DeviceFarmResult.SKIPPED);

    /**
     * The policy of the step; a value that is not a build result throws
     * {@link io.jenkins.plugins.devicefarm.core.InvalidInputException}, naming its field and the allowed values.
     */
    protected ResultPolicy policy() {
        return ResultPolicy.ofVerdicts(passed, warned, failed, errored, stopped, skipped);
    }

    public boolean isSetBuildResult() { return setBuildResult; }
    @DataBoundSetter public void setSetBuildResult(boolean v) { setBuildResult = v; }

    public String getPassed() { return passed; }
    @DataBoundSetter public void setPassed(String v) { passed = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.PASSED); }

    public String getWarned() { return warned; }
    @DataBoundSetter public void setWarned(String v) { warned = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.WARNED); }

    public String getFailed() { return failed; }
    @DataBoundSetter public void setFailed(String v) { failed = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.FAILED); }

    public String getErrored() { return errored; }
    @DataBoundSetter public void setErrored(String v) { errored = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.ERRORED); }

    public String getStopped() { return stopped; }
    @DataBoundSetter public void setStopped(String v) { stopped = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.STOPPED); }

    public String getSkipped() { return skipped; }
    @DataBoundSetter public void setSkipped(String v) { skipped = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.SKIPPED); }
}
