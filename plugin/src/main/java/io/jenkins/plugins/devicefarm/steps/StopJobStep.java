package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** {@code deviceFarmStopJob(arn: ...)}. */
public class StopJobStep extends StopStep {
    @DataBoundConstructor
    public StopJobStep(String arn) {
        super(arn);
    }

    @Override
    ArnKind kind() {
        return ArnKind.JOB;
    }

    @Extension
    @Symbol("deviceFarmStopJob")
    public static class DescriptorImpl extends ArnStepDescriptor {
        public DescriptorImpl() {
            super(ArnKind.JOB);
        }

        @Override
        public String getFunctionName() {
            return "deviceFarmStopJob";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.StopJobStep_DisplayName();
        }
    }
}
