package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code deviceFarmWaitForRun(arn: ...)}. */
public class WaitForRunStep extends WaitStep {
    @DataBoundConstructor
    public WaitForRunStep(String arn) {
        super(arn);
    }

    @Override
    ArnKind kind() {
        return ArnKind.RUN;
    }

    @Extension
    @Symbol("deviceFarmWaitForRun")
    public static class DescriptorImpl extends WaitStepDescriptor {
        public DescriptorImpl() {
            super(ArnKind.RUN);
        }

        @Override
        public String getFunctionName() {
            return "deviceFarmWaitForRun";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WaitForRunStep_DisplayName();
        }
    }
}
