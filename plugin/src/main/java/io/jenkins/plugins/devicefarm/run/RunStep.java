package io.jenkins.plugins.devicefarm.run;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.DeviceFarmForms;
import io.jenkins.plugins.devicefarm.DeviceFarmGlobalConfiguration;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.run.RunArguments;
import io.jenkins.plugins.devicefarm.core.run.RunSpec;
import io.jenkins.plugins.devicefarm.core.schedule.RunRequest;
import io.jenkins.plugins.devicefarm.steps.DeviceFarmStepDescriptor;
import io.jenkins.plugins.devicefarm.steps.ResultPolicyStep;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code deviceFarmRun(...)}: uploads the app and tests from the workspace (or uses existing
 * uploads), schedules a run, follows it without holding a thread, publishes its tests and
 * returns the outcome with one entry per device. List fields hold one value a line (filters:
 * {@code ATTRIBUTE OPERATOR value[,value]}; variables and parameters: {@code NAME=VALUE}); a
 * Jenkinsfile may also write them as Groovy lists and maps ({@link RunArguments}). The freestyle step holds one of these
 * ({@link DeviceFarmRunBuilder}), so both have the same fields, form and help. The build result
 * options ({@code setBuildResult}, {@code passed:}, {@code failed:}...) are those of
 * {@code deviceFarmWaitForRun} ({@link ResultPolicyStep}).
 */
public class RunStep extends ResultPolicyStep {
    private String projectArn;
    private String name;
    private String app;
    private String testType;
    private String testPackage;
    private String testSpec;
    private String extraData;
    private String auxiliaryApps;
    private String devicePool;
    private String deviceFilters;
    private Integer maxDevices;
    private String testFilter;
    private String testParameters;
    private String environmentVariables;
    private Integer jobTimeoutMinutes;
    private Integer timeoutMinutes;
    private boolean videoCapture = true;
    private boolean appPackagesCleanup;
    private boolean accountsCleanup;
    private boolean skipAppResign;
    private String locale;
    private String latitude;
    private String longitude;
    private String radiosOff;
    private String deviceProxy;
    private String networkProfileArn;
    private String vpceConfigurationArns;
    private String iosArtifactPaths;
    private String androidArtifactPaths;
    private String deviceHostArtifactPaths;
    private String billingMethod;
    private String executionRoleArn;
    private String artifacts;
    private boolean publishTests = true;
    private boolean archive;
    private boolean keepUploads;
    private boolean wait = true;
    private boolean preflight;

    @DataBoundConstructor
    public RunStep() {
        // every field is a setter: the Snippet Generator and the Jenkinsfile name only what they set
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new RunExecution(context, this);
    }

    public String getProjectArn() { return projectArn; }
    @DataBoundSetter public void setProjectArn(String v) { projectArn = text(v); }

    public String getName() { return name; }
    @DataBoundSetter public void setName(String v) { name = text(v); }

    public String getApp() { return app; }
    @DataBoundSetter public void setApp(String v) { app = text(v); }

    public String getTestType() { return testType; }
    @DataBoundSetter public void setTestType(String v) { testType = text(v); }

    public String getTestPackage() { return testPackage; }
    @DataBoundSetter public void setTestPackage(String v) { testPackage = text(v); }

    public String getTestSpec() { return testSpec; }
    @DataBoundSetter public void setTestSpec(String v) { testSpec = text(v); }

    public String getExtraData() { return extraData; }
    @DataBoundSetter public void setExtraData(String v) { extraData = text(v); }

    public String getAuxiliaryApps() { return auxiliaryApps; }
    @DataBoundSetter public void setAuxiliaryApps(String v) { auxiliaryApps = text(v); }

    public String getDevicePool() { return devicePool; }
    @DataBoundSetter public void setDevicePool(String v) { devicePool = text(v); }

    public String getDeviceFilters() { return deviceFilters; }
    @DataBoundSetter public void setDeviceFilters(String v) { deviceFilters = text(v); }

    public Integer getMaxDevices() { return maxDevices; }
    @DataBoundSetter public void setMaxDevices(Integer v) { maxDevices = v; }

    public String getTestFilter() { return testFilter; }
    @DataBoundSetter public void setTestFilter(String v) { testFilter = text(v); }

    public String getTestParameters() { return testParameters; }
    @DataBoundSetter public void setTestParameters(String v) { testParameters = text(v); }

    public String getEnvironmentVariables() { return environmentVariables; }
    @DataBoundSetter public void setEnvironmentVariables(String v) { environmentVariables = text(v); }

    public Integer getJobTimeoutMinutes() { return jobTimeoutMinutes; }
    @DataBoundSetter public void setJobTimeoutMinutes(Integer v) { jobTimeoutMinutes = v; }

    public Integer getTimeoutMinutes() { return timeoutMinutes; }
    @DataBoundSetter public void setTimeoutMinutes(Integer v) { timeoutMinutes = v; }

    public boolean isVideoCapture() { return videoCapture; }
    @DataBoundSetter public void setVideoCapture(boolean v) { videoCapture = v; }

    public boolean isAppPackagesCleanup() { return appPackagesCleanup; }
    @DataBoundSetter public void setAppPackagesCleanup(boolean v) { appPackagesCleanup = v; }

    public boolean isAccountsCleanup() { return accountsCleanup; }
    @DataBoundSetter public void setAccountsCleanup(boolean v) { accountsCleanup = v; }

    public boolean isSkipAppResign() { return skipAppResign; }
    @DataBoundSetter public void setSkipAppResign(boolean v) { skipAppResign = v; }

    public String getLocale() { return locale; }
    @DataBoundSetter public void setLocale(String v) { locale = text(v); }

    public String getLatitude() { return latitude; }
    @DataBoundSetter public void setLatitude(String v) { latitude = text(v); }

    public String getLongitude() { return longitude; }
    @DataBoundSetter public void setLongitude(String v) { longitude = text(v); }

    public String getRadiosOff() { return radiosOff; }
    @DataBoundSetter public void setRadiosOff(String v) { radiosOff = text(v); }

    public String getDeviceProxy() { return deviceProxy; }
    @DataBoundSetter public void setDeviceProxy(String v) { deviceProxy = text(v); }

    public String getNetworkProfileArn() { return networkProfileArn; }
    @DataBoundSetter public void setNetworkProfileArn(String v) { networkProfileArn = text(v); }

    public String getVpceConfigurationArns() { return vpceConfigurationArns; }
    @DataBoundSetter public void setVpceConfigurationArns(String v) { vpceConfigurationArns = text(v); }

    public String getIosArtifactPaths() { return iosArtifactPaths; }
    @DataBoundSetter public void setIosArtifactPaths(String v) { iosArtifactPaths = text(v); }

    public String getAndroidArtifactPaths() { return androidArtifactPaths; }
    @DataBoundSetter public void setAndroidArtifactPaths(String v) { androidArtifactPaths = text(v); }

    public String getDeviceHostArtifactPaths() { return deviceHostArtifactPaths; }
    @DataBoundSetter public void setDeviceHostArtifactPaths(String v) { deviceHostArtifactPaths = text(v); }

    public String getBillingMethod() { return billingMethod; }
    @DataBoundSetter public void setBillingMethod(String v) { billingMethod = text(v); }

    public String getExecutionRoleArn() { return executionRoleArn; }
    @DataBoundSetter public void setExecutionRoleArn(String v) { executionRoleArn = text(v); }

    public String getArtifacts() { return artifacts; }
    @DataBoundSetter public void setArtifacts(String v) { artifacts = text(v); }

    public boolean isPublishTests() { return publishTests; }
    @DataBoundSetter public void setPublishTests(boolean v) { publishTests = v; }

    public boolean isArchive() { return archive; }
    @DataBoundSetter public void setArchive(boolean v) { archive = v; }

    public boolean isKeepUploads() { return keepUploads; }
    @DataBoundSetter public void setKeepUploads(boolean v) { keepUploads = v; }

    public boolean isWait() { return wait; }
    @DataBoundSetter public void setWait(boolean v) { wait = v; }

    public boolean isPreflight() { return preflight; }
    @DataBoundSetter public void setPreflight(boolean v) { preflight = v; }

    /** Blank is unset; a browser's CRLF line breaks (text areas) are kept as plain line breaks. */
    private static String text(String v) {
        String t = Util.fixEmptyAndTrim(v);
        return t == null ? null : t.replace("\r\n", "\n");
    }

    /**
     * The checked spec, each text value passed through {@code expand} first (a freestyle build's
     * {@code ${VAR}}s; nothing for Pipeline, where Groovy has done it). A blank project means the
     * global default project. Throws {@link io.jenkins.plugins.devicefarm.core.InvalidInputException}
     * naming the first bad field (a build result option too).
     */
    RunSpec toSpec(UnaryOperator<String> expand) {
        UnaryOperator<String> e = v -> v == null ? null : expand.apply(v);
        RunSpec.Builder b = RunSpec.builder();
        b.projectArn = e.apply(getProjectArn() != null ? getProjectArn() : DeviceFarmGlobalConfiguration.get().getDefaultProjectArn());
        b.name = e.apply(getName());
        b.app = e.apply(getApp());
        b.testType = e.apply(getTestType());
        b.testPackage = e.apply(getTestPackage());
        b.testSpec = e.apply(getTestSpec());
        b.extraData = e.apply(getExtraData());
        b.auxiliaryApps = e.apply(getAuxiliaryApps());
        b.devicePool = e.apply(getDevicePool());
        b.deviceFilters = e.apply(getDeviceFilters());
        b.maxDevices = getMaxDevices();
        b.testFilter = e.apply(getTestFilter());
        b.testParameters = e.apply(getTestParameters());
        b.environmentVariables = e.apply(getEnvironmentVariables());
        b.jobTimeoutMinutes = getJobTimeoutMinutes();
        b.timeoutMinutes = getTimeoutMinutes();
        b.videoCapture = isVideoCapture();
        b.appPackagesCleanup = isAppPackagesCleanup();
        b.accountsCleanup = isAccountsCleanup();
        b.skipAppResign = isSkipAppResign();
        b.locale = e.apply(getLocale());
        b.latitude = e.apply(getLatitude());
        b.longitude = e.apply(getLongitude());
        b.radiosOff = e.apply(getRadiosOff());
        b.deviceProxy = e.apply(getDeviceProxy());
        b.networkProfileArn = e.apply(getNetworkProfileArn());
        b.vpceConfigurationArns = e.apply(getVpceConfigurationArns());
        b.iosArtifactPaths = e.apply(getIosArtifactPaths());
        b.androidArtifactPaths = e.apply(getAndroidArtifactPaths());
        b.deviceHostArtifactPaths = e.apply(getDeviceHostArtifactPaths());
        b.billingMethod = e.apply(getBillingMethod());
        b.executionRoleArn = e.apply(getExecutionRoleArn());
        b.artifacts = e.apply(getArtifacts());
        b.publishTests = isPublishTests();
        b.archive = isArchive();
        b.keepUploads = isKeepUploads();
        b.waitForRun = isWait();
        b.preflight = isPreflight();
        b.setBuildResult = isSetBuildResult();
        b.policy = policy();
        return b.build();
    }

    @Extension
    @Symbol("deviceFarmRun")
    public static class DescriptorImpl extends DeviceFarmStepDescriptor {
        @Override
        public String getFunctionName() {
            return "deviceFarmRun";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run tests on AWS Device Farm";
        }

        /** The workspace holds the files to upload and receives the test report. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, FlowNode.class);
        }

        /** Groovy lists and maps for the list fields (see {@link RunArguments}). */
        @Override
        public Step newInstance(Map<String, Object> arguments) throws Exception {
            return super.newInstance(RunArguments.flatten(arguments));
        }

        @POST
        public ListBoxModel doFillTestTypeItems(@AncestorInPath Item item) {
            return RunForms.testTypes(item);
        }

        @POST
        public ListBoxModel doFillBillingMethodItems(@AncestorInPath Item item) {
            return DeviceFarmForms.billingMethods(item);
        }

        @POST
        public FormValidation doCheckProjectArn(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> DeviceFarmForms.checkProjectArn(value));
        }

        @POST
        public FormValidation doCheckArtifacts(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> RunForms.checkArtifacts(value));
        }

        @POST
        public FormValidation doCheckVpceConfigurationArns(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item,
                    () -> DeviceFarmForms.checkArns("vpceConfigurationArns", value, false, ArnKind.VPCE_CONFIGURATION));
        }

        @POST
        public FormValidation doCheckJobTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return DeviceFarmForms.ifConfigurable(item, () -> RunForms.checkMinutes("jobTimeoutMinutes", value,
                    RunRequest.MAX_JOB_TIMEOUT_MINUTES));
        }
    }
}
