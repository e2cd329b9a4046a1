package io.jenkins.plugins.devicefarm.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.model.OutcomeTotals;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import io.jenkins.plugins.devicefarm.steps.DeviceFarmStepDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Post-build action "Watch AWS Device Farm runs and publish results": follows runs or jobs an
 * earlier step scheduled, records their counters and device minutes on the build, and sets the
 * build result by the result policy of the form. Stops them if the build is aborted meanwhile.
 * Verdicts are kept as text (blank = the default) so the job's config.xml holds no core types.
 */
public class DeviceFarmResultsRecorder extends Recorder implements SimpleBuildStep {
    private final String arns;
    private String credentialsId;
    private String region;
    private int timeoutMinutes;
    // As ResultPolicyStep: text, the default unless told otherwise; null (a job saved before) is the default too.
    private String passed = ResultPolicy.defaultVerdictText(DeviceFarmResult.PASSED);
    private String warned = ResultPolicy.defaultVerdictText(DeviceFarmResult.WARNED);
    private String failed = ResultPolicy.defaultVerdictText(DeviceFarmResult.FAILED);
    private String errored = ResultPolicy.defaultVerdictText(DeviceFarmResult.ERRORED);
    private String stopped = ResultPolicy.defaultVerdictText(DeviceFarmResult.STOPPED);
    private String skipped = ResultPolicy.defaultVerdictText(DeviceFarmResult.SKIPPED);

    /** One run or job ARN per line; {@code ${VAR}} references are expanded from the build's environment. */
    @DataBoundConstructor
    public DeviceFarmResultsRecorder(String arns) {
        this.arns = Util.fixEmptyAndTrim(arns);
    }

    public String getArns() { return arns; }

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Util.fixEmptyAndTrim(v); }

    public String getRegion() { return region; }
    @DataBoundSetter public void setRegion(String v) { region = Util.fixEmptyAndTrim(v); }

    /** 0 = no deadline; when it passes, the runs are stopped and the build fails. */
    public int getTimeoutMinutes() { return timeoutMinutes; }
    @DataBoundSetter public void setTimeoutMinutes(int v) { timeoutMinutes = Math.max(0, v); }

    public String getPassed() { return passed; }
    @DataBoundSetter public void setPassed(String v) { passed = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.PASSED); }

    public String getWarned() { return warned; }
    @DataBoundSetter public void setWarned(String v) { warned = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.WARNED); }

    public String getFailed() { return failed; }
    @DataBoundSetter public void setFailed(String v) { failed = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.FAILED); }

    public String getErrored() { return errored; }
    @DataBoundSetter public void setErrored(String v) { errored = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.ERRORED); }

    public String getStopped() { return stopped; }
    @DataBoundSetter public void setStopped(String v) { stopped = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.STOPPED); }

    public String getSkipped() { return skipped; }
    @DataBoundSetter public void setSkipped(String v) { skipped = ResultPolicy.verdictTextOrDefault(v, DeviceFarmResult.SKIPPED); }

    /** The policy of the form; names the field of a value that is not a build result. */
    ResultPolicy policy() {
        return ResultPolicy.ofVerdicts(passed, warned, failed, errored, stopped, skipped);
    }

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
        FreestyleOnly.check(run, "deviceFarmResults", "deviceFarmWaitForRun or deviceFarmWaitForJob");
        List<DeviceFarmArn> targets = new ArrayList<>();
        ResultPolicy policy;
        WatchOptions options = WatchOptions.untilCompleted();
        try {
            for (String arn : DeviceFarmForms.lines(arns == null ? null : env.expand(arns))) {
                targets.add(DeviceFarmArn.parse("arns", arn, ArnKind.RUN, ArnKind.JOB));
            }
            if (targets.isEmpty()) {
                throw new InvalidInputException("arns", "names no run or job", "Enter one run or job ARN per line");
            }
            policy = policy();
            if (timeoutMinutes > 0) {
                options = options.timeout(Duration.ofMinutes(timeoutMinutes), true);
            }
        } catch (InvalidInputException e) {
            throw new AbortException("[Device Farm] " + e.getMessage());
        }
        try (ClientLease lease = DeviceFarmClients.lease(run, credentialsId, region)) {
            if (Result.ABORTED.equals(run.getResult())) {
                // Publishers still run after an abort; waiting would hold the executor for nothing.
                listener.getLogger().println("[Device Farm] The build was aborted: not waiting; stopping the runs.");
                BuildLedger ledger = new BuildLedger(run, credentialsId, region, listener);
                for (DeviceFarmArn arn : targets) {
                    DeviceFarmEngine.lifecycle().stop(lease.retain(), arn, "build aborted (" + run.getFullDisplayName() + ")", ledger);
                }
                return;
            }
            listener.getLogger().println("[Device Farm] Waiting for " + targets.size() + " run(s)/job(s) to complete");
            RunWaiter.Results results;
            try {
                results = new RunWaiter(run, listener, credentialsId, region).await(lease, targets, options);
            } catch (InterruptedException e) {
                // An abort is not an error: a publisher's exception would print a stack trace
                // (AbstractBuild.reportError). The runs were stopped; end ABORTED, quietly.
                listener.getLogger().println("[Device Farm] Build aborted while waiting for Device Farm.");
                run.setResult(Result.ABORTED);
                return;
            }
            setResult(run, listener, policy, results);
        } catch (InvalidInputException e) {
            throw new AbortException("[Device Farm] " + e.getMessage()); // unknown credentials, a bad region
        }
    }

    private static void setResult(Run<?, ?> run, TaskListener listener, ResultPolicy policy, RunWaiter.Results results) {
        Verdict verdict = policy.verdictFor(results.outcomes());
        if (!results.failures().isEmpty()) {
            verdict = verdict.combine(Verdict.FAILURE);
        }
        OutcomeTotals totals = OutcomeTotals.of(results.outcomes());
        listener.getLogger().println("[Device Farm] Tests: " + totals.getCounters() + "; device minutes: " + totals.getDeviceMinutes()
                + "; build result by the result policy: " + verdict);
        Result result = Result.fromString(verdict.name());
        Result current = run.getResult();
        if (current == null || result.isWorseThan(current)) {
            run.setResult(result);
        }
    }

    @Extension
    @Symbol("deviceFarmResults")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeviceFarmResultsRecorder_DisplayName();
        }

        @POST
        public FormValidation doCheckArns(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkArns("arns", value, true, ArnKind.RUN, ArnKind.JOB);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            String minutes = Util.fixEmptyAndTrim(value);
            if (minutes == null) {
                return FormValidation.ok();
            }
            FormValidation number = FormValidation.validateNonNegativeInteger(minutes);
            if (number.kind != FormValidation.Kind.OK || Integer.parseInt(minutes) == 0) {
                return number; // 0 = no deadline
            }
            return DeviceFarmForms.check(() -> WatchOptions.validTimeout(Duration.ofMinutes(Integer.parseInt(minutes))));
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

        // The menus of /lib/devicefarm/resultPolicy.jelly, as the steps': every build result, the default preselected.
        @POST
        public ListBoxModel doFillPassedItems(@AncestorInPath Item item) {
            return DeviceFarmStepDescriptor.verdicts(item);
        }

        @POST
        public ListBoxModel doFillWarnedItems(@AncestorInPath Item item) {
            return DeviceFarmStepDescriptor.verdicts(item);
        }

        @POST
        public ListBoxModel doFillFailedItems(@AncestorInPath Item item) {
            return DeviceFarmStepDescriptor.verdicts(item);
        }

        @POST
        public ListBoxModel doFillErroredItems(@AncestorInPath Item item) {
            return DeviceFarmStepDescriptor.verdicts(item);
        }

        @POST
        public ListBoxModel doFillStoppedItems(@AncestorInPath Item item) {
            return DeviceFarmStepDescriptor.verdicts(item);
        }

        @POST
        public ListBoxModel doFillSkippedItems(@AncestorInPath Item item) {
            return DeviceFarmStepDescriptor.verdicts(item);
        }

        /** The build result a Device Farm result gets unless told otherwise, preselected in its menu. */
        @Restricted(NoExternalUse.class) // /lib/devicefarm/resultPolicy.jelly
        public String defaultVerdict(String deviceFarmResult) {
            return ResultPolicy.defaultVerdictText(DeviceFarmResult.valueOf(deviceFarmResult));
        }
    }
}
