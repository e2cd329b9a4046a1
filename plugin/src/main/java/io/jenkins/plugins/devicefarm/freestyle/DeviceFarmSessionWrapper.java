package io.jenkins.plugins.devicefarm.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.SessionSettings;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.io.IOException;
import java.util.Set;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * Build environment "Run with an AWS Device Farm remote access session": the same fields as the
 * Pipeline {@code deviceFarmSession} step. The session is RUNNING before the build steps start;
 * its disposer stops it when they end, aborted or not.
 */
public class DeviceFarmSessionWrapper extends SimpleBuildWrapper implements SessionSettings {
    static final String ENV_ARN = "DEVICE_FARM_SESSION_ARN";
    static final String ENV_ENDPOINT = "DEVICE_FARM_SESSION_ENDPOINT";
    static final String ENV_DEVICE = "DEVICE_FARM_DEVICE_NAME";

    private final String projectArn;
    private final String deviceArn;
    private String instanceArn;
    private String name;
    private String billingMethod;
    private String vpceConfigurationArns;
    private String interactionMode;
    private boolean skipAppResign;
    private boolean remoteRecordEnabled;
    private String remoteRecordAppArn;
    private String credentialsId;
    private String region;

    /** A blank project means the default project of Manage Jenkins > System. */
    @DataBoundConstructor
    public DeviceFarmSessionWrapper(String projectArn, String deviceArn) {
        this.projectArn = Util.fixEmptyAndTrim(projectArn);
        this.deviceArn = Util.fixEmptyAndTrim(deviceArn);
    }

    public String getProjectArn() { return projectArn; }
    public String getDeviceArn() { return deviceArn; }

    public String getInstanceArn() { return instanceArn; }
    @DataBoundSetter public void setInstanceArn(String v) { instanceArn = Util.fixEmptyAndTrim(v); }

    public String getName() { return name; }
    @DataBoundSetter public void setName(String v) { name = Util.fixEmptyAndTrim(v); }

    public String getBillingMethod() { return billingMethod; }
    @DataBoundSetter public void setBillingMethod(String v) { billingMethod = Util.fixEmptyAndTrim(v); }

    /** One per line (or comma-separated). */
    public String getVpceConfigurationArns() { return vpceConfigurationArns; }
    @DataBoundSetter public void setVpceConfigurationArns(String v) { vpceConfigurationArns = Util.fixEmptyAndTrim(v); }

    public String getInteractionMode() { return interactionMode; }
    @DataBoundSetter public void setInteractionMode(String v) { interactionMode = Util.fixEmptyAndTrim(v); }

    public boolean isSkipAppResign() { return skipAppResign; }
    @DataBoundSetter public void setSkipAppResign(boolean v) { skipAppResign = v; }

    public boolean isRemoteRecordEnabled() { return remoteRecordEnabled; }
    @DataBoundSetter public void setRemoteRecordEnabled(boolean v) { remoteRecordEnabled = v; }

    public String getRemoteRecordAppArn() { return remoteRecordAppArn; }
    @DataBoundSetter public void setRemoteRecordAppArn(String v) { remoteRecordAppArn = Util.fixEmptyAndTrim(v); }

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Util.fixEmptyAndTrim(v); }

    public String getRegion() { return region; }
    @DataBoundSetter public void setRegion(String v) { region = Util.fixEmptyAndTrim(v); }

    /** Device Farm is reached over HTTPS from the controller: no workspace or agent needed. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars env) throws IOException, InterruptedException {
        SessionRequest request = toRequest(env::expand);
        DeviceFarmClient client;
        try {
            request.toSdkRequest(); // every field checked before anything is created
            client = DeviceFarmClients.forRun(build, credentialsId, region);
        } catch (InvalidInputException e) {
            throw new AbortException("[Device Farm] " + e.getMessage());
        }
        SessionOpener.Opened opened = new SessionOpener(build, client, credentialsId, region, listener).open(request);
        String arn = opened.outcome().getArn();
        // Set before anything can print the endpoint; also covers Pipeline's wrap step.
        SessionEndpointMask.register(build, opened.endpoint());
        context.setDisposer(new SessionDisposer(arn, credentialsId, region));
        context.env(ENV_ARN, arn);
        if (opened.endpoint() != null) {
            context.env(ENV_ENDPOINT, opened.endpoint());
        } else {
            listener.getLogger().println("[Device Farm] The session is RUNNING but Device Farm gave no endpoint.");
        }
        if (opened.outcome().getDeviceName() != null) {
            context.env(ENV_DEVICE, opened.outcome().getDeviceName());
        }
        listener.getLogger().println("[Device Farm] Session ready: " + opened.outcome()
                + ". " + ENV_ARN + ", " + ENV_ENDPOINT + " (masked in this log) and " + ENV_DEVICE + " are set.");
    }

    @Override
    public ConsoleLogFilter createLoggerDecorator(@NonNull Run<?, ?> build) {
        return new SessionEndpointMask(build);
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        sensitiveVariables.add(ENV_ENDPOINT);
    }

    @Extension
    @Symbol("deviceFarmSessionWrapper")
    public static final class DescriptorImpl extends BuildWrapperDescriptor {
        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run with an AWS Device Farm remote access session";
        }

        @POST
        public FormValidation doCheckProjectArn(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkProjectArn(value);
        }

        @POST
        public FormValidation doCheckDeviceArn(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkArns("deviceArn", value, true, ArnKind.DEVICE);
        }

        @POST
        public FormValidation doCheckInstanceArn(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkArns("instanceArn", value, false, ArnKind.DEVICE_INSTANCE);
        }

        @POST
        public FormValidation doCheckVpceConfigurationArns(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkArns("vpceConfigurationArns", value, false, ArnKind.VPCE_CONFIGURATION);
        }

        @POST
        public FormValidation doCheckRemoteRecordAppArn(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return DeviceFarmForms.checkArns("remoteRecordAppArn", value, false, ArnKind.UPLOAD);
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

        @POST
        public ListBoxModel doFillBillingMethodItems(@AncestorInPath Item item) {
            return DeviceFarmForms.billingMethods(item);
        }

        @POST
        public ListBoxModel doFillInteractionModeItems(@AncestorInPath Item item) {
            return DeviceFarmForms.interactionModes(item);
        }
    }
}
