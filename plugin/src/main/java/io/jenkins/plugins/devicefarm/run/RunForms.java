package io.jenkins.plugins.devicefarm.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactTypes;
import io.jenkins.plugins.devicefarm.core.run.RunSpec;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/** The form helpers of {@code deviceFarmRun}, reusing the checks the step itself makes. */
final class RunForms {
    private RunForms() {}

    /** Device Farm's test types, for users who may configure the job. */
    static ListBoxModel testTypes(@CheckForNull Item item) {
        ListBoxModel m = new ListBoxModel();
        if (DeviceFarmForms.canConfigure(item)) {
            TestType.knownValues().stream().map(Object::toString).sorted().forEach(m::add);
        }
        return m;
    }

    static FormValidation checkArtifacts(@CheckForNull String value) {
        return DeviceFarmForms.check(() -> ArtifactTypes.parse("artifacts", RunSpec.values(value)));
    }

    /** Blank, a ${...} reference, or whole minutes from 1 to {@code max}. */
    static FormValidation checkMinutes(String field, @CheckForNull String value, int max) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return FormValidation.ok();
        }
        try {
            int minutes = Integer.parseInt(value.strip());
            if (minutes >= 1 && minutes <= max) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return FormValidation.error("%s: give whole minutes from 1 to %d.", field, max);
    }
}
