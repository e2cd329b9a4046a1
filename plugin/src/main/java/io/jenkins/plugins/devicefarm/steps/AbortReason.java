package io.jenkins.plugins.devicefarm.steps;

import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;

/** Why a step stops what it started: shared by every Pipeline step execution, deviceFarmRun's too. */
public final class AbortReason {
    private AbortReason() {
    }

    /** "Jenkins build aborted", with who aborted the build when Jenkins knows it. */
    public static String of(Throwable cause) {
        StringBuilder b = new StringBuilder("Jenkins build aborted");
        if (cause instanceof FlowInterruptedException f) {
            for (CauseOfInterruption c : f.getCauses()) {
                b.append(" (").append(c.getShortDescription()).append(')');
            }
        }
        return b.toString();
    }
}
