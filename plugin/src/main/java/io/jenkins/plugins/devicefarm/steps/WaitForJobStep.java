package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code deviceFarmWaitForJob(arn: ...)}. */
public class WaitForJobStep extends WaitStep {
    @DataBoundConstructor
    public WaitForJobStep(String arn) {
        super(arn);
    }

    @Override
    ArnKind kind() {
        return ArnKind.JOB;
    }

    @Extension
    @Symbol("deviceFarmWaitForJob")
    public static class DescriptorImpl extends WaitStepDescriptor {
        public DescriptorImpl() {
            super(ArnKind.JOB);
        }

        @Override
        public String getFunctionName() {
            return "deviceFarmWaitForJob";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WaitForJobStep_DisplayName();
        }
    }
}
