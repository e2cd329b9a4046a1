package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;

/** The descriptor of {@code deviceFarmWaitForRun} and {@code deviceFarmWaitForJob}. */
public abstract class WaitStepDescriptor extends ArnStepDescriptor {
    protected WaitStepDescriptor(ArnKind kind) {
        super(kind);
    }
}
