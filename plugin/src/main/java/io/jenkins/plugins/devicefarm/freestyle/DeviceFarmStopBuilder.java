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
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
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
 * core's lifecycle, follows it to its end, records it on the build and logs it. If the build is
 * aborted meanwhile, the stop goes on and is still recorded. Freestyle builds only.
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
        FreestyleOnly.check(run, "deviceFarmStop", "deviceFarmStopRun or deviceFarmStopJob");
        String target = arn == null ? null : env.expand(arn).strip();
        DeviceFarmArn parsed;
        CompletableFuture<Outcome> stopping;
        try {
            parsed = DeviceFarmArn.parse("arn", target, ArnKind.RUN, ArnKind.JOB, ArnKind.SESSION);
            listener.getLogger().println("[Device Farm] Stopping " + parsed.kind().displayName() + " " + parsed);
            // Tracked once Device Farm's answer confirms it; one stop per ARN whoever else asks.
            stopping = DeviceFarmEngine.lifecycle().stop(DeviceFarmClients.lease(run, credentialsId, region), parsed,
                    "stop step in " + run.getFullDisplayName(), new BuildLedger(run, credentialsId, region, listener));
        } catch (InvalidInputException e) {
            throw new AbortException("[Device Farm] " + e.getMessage());
        }
        try {
            listener.getLogger().println("[Device Farm] " + stopping.get());
        } catch (ExecutionException e) {
            throw new AbortException("[Device Farm] " + DeviceFarmLifecycle.unwrap(e).getMessage());
        } catch (InterruptedException e) {
            listener.getLogger().println("[Device Farm] Build aborted: the stop goes on and is recorded on the build.");
            throw e; // a builder's abort ends the build ABORTED without a stack trace
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
