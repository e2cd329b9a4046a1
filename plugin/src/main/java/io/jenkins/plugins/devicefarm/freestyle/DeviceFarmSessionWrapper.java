package io.jenkins.plugins.devicefarm.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
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
import io.jenkins.plugins.devicefarm.SessionSettings;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.session.DroppedField;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Build environment "Run with an AWS Device Farm remote access session": the same fields as the
 * Pipeline {@code deviceFarmSession} step. The session is RUNNING before the build steps start;
 * its disposer stops it when they end, aborted or not. Freestyle builds only: as a Pipeline
 * {@code wrap} it could keep none of its promises (endpoints in program.dat, a mask agents never
 * see, no resume after a restart), so there it refuses to start and points to deviceFarmSession.
 */
public class DeviceFarmSessionWrapper extends SimpleBuildWrapper implements SessionSettings {
    static final String ENV_ARN = "DEVICE_FARM_SESSION_ARN";
    static final String ENV_ENDPOINT = "DEVICE_FARM_SESSION_ENDPOINT";
    static final String ENV_REMOTE_DRIVER = "DEVICE_FARM_REMOTE_DRIVER_ENDPOINT";
    static final String ENV_INTERACTIVE = "DEVICE_FARM_INTERACTIVE_ENDPOINT";
    static final String ENV_DEVICE = "DEVICE_FARM_DEVICE_NAME";
    private static final Logger LOGGER = Logger.getLogger(DeviceFarmSessionWrapper.class.getName());

    // Normalised in the getters too: a saved job's config.xml may hold "<projectArn></projectArn>".
    private final String projectArn;
    private final String deviceArn;
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
    /** Removed by AWS; only read from jobs saved before, then dropped with a warning (see readResolve). */
    private Boolean remoteRecordEnabled;
    private String remoteRecordAppArn;
    private String credentialsId;
    private String region;

    /** A blank project means the default project of Manage Jenkins > System. */
    @DataBoundConstructor
    public DeviceFarmSessionWrapper(String projectArn, String deviceArn) {
        this.projectArn = Util.fixEmptyAndTrim(projectArn);
        this.deviceArn = Util.fixEmptyAndTrim(deviceArn);
    }

    public String getProjectArn() { return Util.fixEmptyAndTrim(projectArn); }
    public String getDeviceArn() { return Util.fixEmptyAndTrim(deviceArn); }

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

    public String getApp() { return app; }
    @DataBoundSetter public void setApp(String v) { app = Util.fixEmptyAndTrim(v); }

    /** One per line (or comma-separated), at most 3. */
    public String getAuxiliaryApps() { return auxiliaryApps; }
    @DataBoundSetter public void setAuxiliaryApps(String v) { auxiliaryApps = Util.fixEmptyAndTrim(v); }

    public String getAppiumVersion() { return appiumVersion; }
    @DataBoundSetter public void setAppiumVersion(String v) { appiumVersion = Util.fixEmptyAndTrim(v); }

    public String getDeviceProxy() { return deviceProxy; }
    @DataBoundSetter public void setDeviceProxy(String v) { deviceProxy = Util.fixEmptyAndTrim(v); }

    /** Keep the uploads made of workspace apps instead of deleting them when the session ends. */
    public boolean isKeepUploads() { return keepUploads; }
    @DataBoundSetter public void setKeepUploads(boolean v) { keepUploads = v; }

    /**
     * Jobs saved before AWS removed remote recording still load: the old values are dropped with
     * one warning in the Jenkins log per load, and are gone from the job once it is saved again.
     */
    protected Object readResolve() {
        List<String> dropped = new ArrayList<>();
        if (Boolean.TRUE.equals(remoteRecordEnabled)) { // jobs saved before wrote false too: nothing to say then
            dropped.add(DroppedField.REMOTE_RECORD_ENABLED.explanation());
        }
        if (Util.fixEmptyAndTrim(remoteRecordAppArn) != null) {
            dropped.add(DroppedField.REMOTE_RECORD_APP_ARN.explanation());
        }
        if (!dropped.isEmpty()) {
            LOGGER.log(Level.WARNING, "AWS Device Farm session settings of a job ignored, as Device Farm no longer has them: {0}",
                    String.join(" ", dropped));
        }
        remoteRecordEnabled = null; // gone from config.xml once the job is saved again
        remoteRecordAppArn = null;
        return this;
    }

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String v) { credentialsId = Util.fixEmptyAndTrim(v); }

    public String getRegion() { return region; }
    @DataBoundSetter public void setRegion(String v) { region = Util.fixEmptyAndTrim(v); }

    /** Device Farm is reached over HTTPS from the controller: a workspace is used only for apps given as paths. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    /** A freestyle build comes here, with its workspace: apps given as paths are uploaded from it. */
    @Override
    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener, EnvVars env)
            throws IOException, InterruptedException {
        open(context, build, workspace, listener, env);
    }

    @Override
    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars env) throws IOException, InterruptedException {
        open(context, build, null, listener, env);
    }

    private void open(Context context, Run<?, ?> build, @CheckForNull FilePath workspace, TaskListener listener, EnvVars env)
            throws IOException, InterruptedException {
        // Before anything is created: as a Pipeline wrap it could keep neither the endpoints secret nor the session across a restart.
        FreestyleOnly.check(build, "deviceFarmSessionWrapper", "deviceFarmSession(deviceArn: ...) { ... }");
        SessionRequest request = toRequest(env::expand);
        SessionOpener.Opened opened;
        List<String> uploads = new CopyOnWriteArrayList<>(); // made of workspace apps: deleted when the session ends
        try {
            request.toSdkRequest(); // every field checked before anything is created
            opened = new SessionOpener(build, credentialsId, region, listener).open(request, workspace, uploads);
        } catch (InvalidInputException e) { // e.g. unknown credentials: one line, nothing created
            SessionDisposer.deleteUploads(build, credentialsId, region, uploads, keepUploads, listener);
            throw new AbortException("[Device Farm] " + e.getMessage());
        } catch (IOException | InterruptedException | RuntimeException e) {
            SessionDisposer.deleteUploads(build, credentialsId, region, uploads, keepUploads, listener);
            throw e;
        }
        String arn = opened.outcome().getArn();
        RemoteEndpoints endpoints = opened.endpoints();
        // Set before anything can print the endpoints.
        SessionEndpointMask.register(build, endpoints.secrets());
        context.setDisposer(new SessionDisposer(arn, credentialsId, region, List.copyOf(uploads), keepUploads));
        context.env(ENV_ARN, arn);
        putIfGiven(context, ENV_REMOTE_DRIVER, endpoints.remoteDriverEndpoint());
        putIfGiven(context, ENV_INTERACTIVE, endpoints.interactiveEndpoint());
        putIfGiven(context, ENV_ENDPOINT, endpoints.endpoint());
        if (endpoints.isEmpty()) {
            listener.getLogger().println("[Device Farm] The session is RUNNING but Device Farm gave no endpoint.");
        }
        if (opened.outcome().getDeviceName() != null) {
            context.env(ENV_DEVICE, opened.outcome().getDeviceName());
        }
        listener.getLogger().println("[Device Farm] Session ready: " + opened.outcome() + ". " + ENV_ARN + ", " + ENV_DEVICE
                + " and the endpoints " + ENV_REMOTE_DRIVER + ", " + ENV_INTERACTIVE + ", " + ENV_ENDPOINT
                + " (masked in this log) are set.");
    }

    private static void putIfGiven(Context context, String name, String value) {
        if (value != null) {
            context.env(name, value);
        }
    }

    @Override
    public ConsoleLogFilter createLoggerDecorator(@NonNull Run<?, ?> build) {
        return new SessionEndpointMask(build);
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        sensitiveVariables.add(ENV_ENDPOINT);
        sensitiveVariables.add(ENV_REMOTE_DRIVER);
        sensitiveVariables.add(ENV_INTERACTIVE);
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
            return Messages.DeviceFarmSessionWrapper_DisplayName();
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
        public FormValidation doCheckApp(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return SessionSettings.checkField("app", value);
        }

        @POST
        public FormValidation doCheckAuxiliaryApps(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return SessionSettings.checkField("auxiliaryApps", value);
        }

        @POST
        public FormValidation doCheckAppiumVersion(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return SessionSettings.checkField("appiumVersion", value);
        }

        @POST
        public FormValidation doCheckDeviceProxy(@AncestorInPath Item item, @QueryParameter String value) {
            DeviceFarmForms.checkConfigure(item);
            return SessionSettings.checkField("deviceProxy", value);
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
