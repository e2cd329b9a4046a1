package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code deviceFarmStopRun(arn: ...)}. */
public class StopRunStep extends StopStep {
    @DataBoundConstructor
    public StopRunStep(String arn) {
        super(arn);
    }

    @Override
    ArnKind kind() {
        return ArnKind.RUN;
    }

    @Extension
    @Symbol("deviceFarmStopRun")
    public static class DescriptorImpl extends ArnStepDescriptor {
        public DescriptorImpl() {
            super(ArnKind.RUN);
        }

        @Override
        public String getFunctionName() {
            return "deviceFarmStopRun";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.StopRunStep_DisplayName();
        }
    }
}
