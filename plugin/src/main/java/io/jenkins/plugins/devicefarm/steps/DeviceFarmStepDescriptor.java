package io.jenkins.plugins.devicefarm.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Shared by the Device Farm steps: no workspace needed, the credentials field of the Snippet
 * Generator, and the result menus of the steps that set the build result ({@link ResultPolicyStep}).
 * Those menus start at the step's own defaults when there is no step yet (the Snippet Generator),
 * so an untouched form generates no result arguments.
 */
public abstract class DeviceFarmStepDescriptor extends StepDescriptor {

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return DeviceFarmForms.credentials(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        return DeviceFarmForms.ifConfigurable(item, () -> DeviceFarmForms.checkCredentials(item, value));
    }

    // The step keeps its verdicts as text, checked when it starts (one line naming the field for a
    // bad value, not a stack trace), so the menus are filled here rather than by f:enum.
    @POST
    public ListBoxModel doFillPassedItems(@AncestorInPath Item item) {
        return verdicts(item);
    }

    @POST
    public ListBoxModel doFillWarnedItems(@AncestorInPath Item item) {
        return verdicts(item);
    }

    @POST
    public ListBoxModel doFillFailedItems(@AncestorInPath Item item) {
        return verdicts(item);
    }

    @POST
    public ListBoxModel doFillErroredItems(@AncestorInPath Item item) {
        return verdicts(item);
    }

    @POST
    public ListBoxModel doFillStoppedItems(@AncestorInPath Item item) {
        return verdicts(item);
    }

    @POST
    public ListBoxModel doFillSkippedItems(@AncestorInPath Item item) {
        return verdicts(item);
    }

    /** Every build result, for users who may configure the job; nothing for others (the freestyle recorder's menus too). */
    public static ListBoxModel verdicts(Item item) {
        ListBoxModel m = new ListBoxModel();
        if (DeviceFarmForms.canConfigure(item)) {
            for (Verdict v : Verdict.values()) {
                m.add(v.name());
            }
        }
        return m;
    }

    /** The build result the step gives a Device Farm result ("FAILED" → "FAILURE") unless told otherwise. */
    @Restricted(NoExternalUse.class) // config.jelly
    public String defaultVerdict(String deviceFarmResult) {
        return ResultPolicy.defaultVerdictText(DeviceFarmResult.valueOf(deviceFarmResult));
    }
}
