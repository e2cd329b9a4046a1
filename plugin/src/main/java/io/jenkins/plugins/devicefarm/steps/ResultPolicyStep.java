package io.jenkins.plugins.devicefarm.steps;

import hudson.Util;
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
    private String passed = defaultFor(DeviceFarmResult.PASSED);
    private String warned = defaultFor(DeviceFarmResult.WARNED);
    private String failed = defaultFor(DeviceFarmResult.FAILED);
    private String errored = defaultFor(DeviceFarmResult.ERRORED);
    private String stopped = defaultFor(DeviceFarmResult.STOPPED);
    private String skipped = defaultFor(DeviceFarmResult.SKIPPED);

    /**
     * The policy of the step; a value that is not a build result throws
     * {@link io.jenkins.plugins.devicefarm.core.InvalidInputException}, naming its field and the allowed values.
     */
    protected ResultPolicy policy() {
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

    public boolean isSetBuildResult() { return setBuildResult; }
    @DataBoundSetter public void setSetBuildResult(boolean v) { setBuildResult = v; }

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
