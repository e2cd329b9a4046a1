package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.SessionSettings;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.session.DroppedField;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code deviceFarmSession(deviceArn: ...) { ... }}: creates a remote access session, waits until
 * it is RUNNING without holding a thread, runs the body with DEVICE_FARM_SESSION_ARN, the
 * session's endpoints (DEVICE_FARM_REMOTE_DRIVER_ENDPOINT, DEVICE_FARM_INTERACTIVE_ENDPOINT,
 * DEVICE_FARM_SESSION_ENDPOINT: secrets, masked) and DEVICE_FARM_DEVICE_NAME, and stops the
 * session when the body ends, however it ends. Values are plain text; the core validates them.
 * The fields AWS removed are still accepted by the DSL only to be refused with what replaced them.
 */
public class SessionStep extends DeviceFarmStep implements SessionSettings {
    private final String deviceArn;
    private String projectArn;
    private String instanceArn;
    private String name;
    private String billingMethod;
    private String vpceConfigurationArns;
    private String interactionMode;
    private boolean skipAppResign;
    private String app;
    private String auxiliaryApps;
    private String appiumVersion;
    private String deviceProxy;
    private boolean keepUploads;
    // Removed by AWS: kept so that a script giving them gets told what replaced them.
    private Boolean remoteRecordEnabled;
    private String remoteRecordAppArn;
    private String clientId;
    private String sshPublicKey;
    private Boolean remoteDebugEnabled;

    @DataBoundConstructor
    public SessionStep(String deviceArn) {
        this.deviceArn = deviceArn;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new SessionExecution(context, this);
    }

    public String getDeviceArn() { return deviceArn; }

    public String getProjectArn() { return projectArn; }
    @DataBoundSetter public void setProjectArn(String v) { projectArn = Util.fixEmptyAndTrim(v); }

    public String getInstanceArn() { return instanceArn; }
    @DataBoundSetter public void setInstanceArn(String v) { instanceArn = Util.fixEmptyAndTrim(v); }

    public String getName() { return name; }
    @DataBoundSetter public void setName(String v) { name = Util.fixEmptyAndTrim(v); }

    public String getBillingMethod() { return billingMethod; }
    @DataBoundSetter public void setBillingMethod(String v) { billingMethod = Util.fixEmptyAndTrim(v); }

    /** VPC endpoint configuration ARNs, separated by commas or white space. */
    public String getVpceConfigurationArns() { return vpceConfigurationArns; }
    @DataBoundSetter public void setVpceConfigurationArns(String v) { vpceConfigurationArns = Util.fixEmptyAndTrim(v); }

    public String getInteractionMode() { return interactionMode; }
    @DataBoundSetter public void setInteractionMode(String v) { interactionMode = Util.fixEmptyAndTrim(v); }

    public boolean isSkipAppResign() { return skipAppResign; }
    @DataBoundSetter public void setSkipAppResign(boolean v) { skipAppResign = v; }

    public String getApp() { return app; }
    @DataBoundSetter public void setApp(String v) { app = Util.fixEmptyAndTrim(v); }

    public String getAuxiliaryApps() { return auxiliaryApps; }
    @DataBoundSetter public void setAuxiliaryApps(String v) { auxiliaryApps = Util.fixEmptyAndTrim(v); }

    public String getAppiumVersion() { return appiumVersion; }
    @DataBoundSetter public void setAppiumVersion(String v) { appiumVersion = Util.fixEmptyAndTrim(v); }

    public String getDeviceProxy() { return deviceProxy; }
    @DataBoundSetter public void setDeviceProxy(String v) { deviceProxy = Util.fixEmptyAndTrim(v); }

    /** Keep the uploads the step made of workspace apps instead of deleting them when the session ends. */
    public boolean isKeepUploads() { return keepUploads; }
    @DataBoundSetter public void setKeepUploads(boolean v) { keepUploads = v; }

    /** @deprecated removed by AWS; a value fails the step, saying what replaced it. */
    @Deprecated public Boolean getRemoteRecordEnabled() { return remoteRecordEnabled; }
    @Deprecated @DataBoundSetter public void setRemoteRecordEnabled(Boolean v) { remoteRecordEnabled = v; }

    /** @deprecated removed by AWS; use {@link #setApp}. */
    @Deprecated public String getRemoteRecordAppArn() { return remoteRecordAppArn; }
    @Deprecated @DataBoundSetter public void setRemoteRecordAppArn(String v) { remoteRecordAppArn = Util.fixEmptyAndTrim(v); }

    /** @deprecated removed by AWS with remote debugging. */
    @Deprecated public String getClientId() { return clientId; }
    @Deprecated @DataBoundSetter public void setClientId(String v) { clientId = Util.fixEmptyAndTrim(v); }

    /** @deprecated removed by AWS with remote debugging. */
    @Deprecated public String getSshPublicKey() { return sshPublicKey; }
    @Deprecated @DataBoundSetter public void setSshPublicKey(String v) { sshPublicKey = Util.fixEmptyAndTrim(v); }

    /** @deprecated removed by AWS. */
    @Deprecated public Boolean getRemoteDebugEnabled() { return remoteDebugEnabled; }
    @Deprecated @DataBoundSetter public void setRemoteDebugEnabled(Boolean v) { remoteDebugEnabled = v; }

    /** The request, with any field AWS removed, which the core refuses before anything is created. */
    @Override
    public SessionRequest toRequest(UnaryOperator<String> expand) {
        return SessionSettings.super.toRequest(expand)
                .dropped(DroppedField.REMOTE_RECORD_ENABLED, remoteRecordEnabled)
                .dropped(DroppedField.REMOTE_RECORD_APP_ARN, remoteRecordAppArn)
                .dropped(DroppedField.CLIENT_ID, clientId)
                .dropped(DroppedField.SSH_PUBLIC_KEY, sshPublicKey)
                .dropped(DroppedField.REMOTE_DEBUG_ENABLED, remoteDebugEnabled);
    }

    @Extension
    @Symbol("deviceFarmSession")
    public static class DescriptorImpl extends DeviceFarmStepDescriptor {
        @Override
        public String getFunctionName() {
            return "deviceFarmSession";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.SessionStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @POST
        public FormValidation doCheckDeviceArn(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> DeviceFarmForms.checkArns("deviceArn", value, true, ArnKind.DEVICE));
        }

        @POST
        public FormValidation doCheckProjectArn(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> DeviceFarmForms.checkProjectArn(value));
        }

        @POST
        public FormValidation doCheckInstanceArn(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> DeviceFarmForms.checkArns("instanceArn", value, false, ArnKind.DEVICE_INSTANCE));
        }

        @POST
        public FormValidation doCheckVpceConfigurationArns(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> DeviceFarmForms.checkArns("vpceConfigurationArns", value, false, ArnKind.VPCE_CONFIGURATION));
        }

        @POST
        public FormValidation doCheckApp(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> SessionSettings.checkField("app", value));
        }

        @POST
        public FormValidation doCheckAuxiliaryApps(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> SessionSettings.checkField("auxiliaryApps", value));
        }

        @POST
        public FormValidation doCheckAppiumVersion(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> SessionSettings.checkField("appiumVersion", value));
        }

        @POST
        public FormValidation doCheckDeviceProxy(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> SessionSettings.checkField("deviceProxy", value));
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
