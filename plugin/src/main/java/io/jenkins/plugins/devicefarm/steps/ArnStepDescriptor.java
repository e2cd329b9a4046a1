package io.jenkins.plugins.devicefarm.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The descriptor of a step whose {@code arn} names one kind of resource: the Snippet Generator checks it. */
public abstract class ArnStepDescriptor extends DeviceFarmStepDescriptor {
    private final ArnKind kind;

    protected ArnStepDescriptor(ArnKind kind) {
        this.kind = kind;
    }

    @POST
    public FormValidation doCheckArn(@AncestorInPath Item item, @QueryParameter String value) {
        return DeviceFarmForms.ifConfigurable(item, () -> DeviceFarmForms.checkArns("arn", value, true, kind));
    }
}
