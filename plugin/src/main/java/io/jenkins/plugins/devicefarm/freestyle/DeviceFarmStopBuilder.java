package io.jenkins.plugins.devicefarm.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.safety.ResourceStopper;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Build step "Stop an AWS Device Farm run or job" (sessions too): stops the ARN through the
 * engine, follows it to its end, records it on the build and logs it. If the build is aborted
 * meanwhile, the stop goes on and is still recorded.
 */
public class DeviceFarmStopBuilder extends Builder implements SimpleBuildStep {
    private final String arn;
    private String credentialsId;
    private String region;

    /** {@code ${VAR}} references are expanded from the build's environment. */
    @DataBoundConstructor
    public DeviceFarmStopBuilder(String arn) {
        this.arn = Util.fixEmptyAndTrim(arn);
    }

    public String getArn() { return arn; }

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Util.fixEmptyAndTrim(v); }

    public String getRegion() { return region; }
    @DataBoundSetter public void setRegion(String v) { region = Util.fixEmptyAndTrim(v); }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        String target = arn == null ? null : env.expand(arn).strip();
        DeviceFarmArn parsed;
        try {
            parsed = DeviceFarmArn.parse("arn", target, ArnKind.RUN, ArnKind.JOB, ArnKind.SESSION);
        } catch (InvalidInputException e) {
            throw new AbortException("[Device Farm] " + e.getMessage());
        }
        DeviceFarmBuildAction.of(run).track(parsed.toString(), credentialsId, region);
        listener.getLogger().println("[Device Farm] Stopping " + parsed.kind().displayName() + " " + parsed);
        try {
            Outcome o = ResourceStopper.stop(run, parsed.toString(), credentialsId, region,
                    "stop step in " + run.getFullDisplayName()).get();
            listener.getLogger().println("[Device Farm] " + o);
        } catch (ExecutionException e) {
            throw new AbortException("[Device Farm] " + ResourceStopper.unwrap(e).getMessage());
        }
    }

    @Extension
    @Symbol("deviceFarmStop")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeviceFarmStopBuilder_DisplayName();
        }

        @POST
        public FormValidation doCheckArn(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkArns("arn", value, true, ArnKind.RUN, ArnKind.JOB, ArnKind.SESSION);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkCredentials(item, value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return DeviceFarmForms.credentials(item, credentialsId);
        }
    }
}
