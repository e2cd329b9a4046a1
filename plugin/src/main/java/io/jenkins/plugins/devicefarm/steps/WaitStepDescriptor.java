package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The descriptor of {@code deviceFarmWaitForRun} and {@code deviceFarmWaitForJob}. Its result
 * menus start at the step's own defaults when there is no step yet (the Snippet Generator), so
 * an untouched form generates no result arguments.
 */
public abstract class WaitStepDescriptor extends ArnStepDescriptor {
    protected WaitStepDescriptor(ArnKind kind) {
        super(kind);
    }

    /** The build result the step gives a Device Farm result ("FAILED" → "FAILURE") unless told otherwise. */
    @Restricted(NoExternalUse.class) // config.jelly
    public String defaultVerdict(String deviceFarmResult) {
        return ResultPolicy.defaults().verdictFor(DeviceFarmResult.valueOf(deviceFarmResult)).name();
    }
}
