package io.jenkins.plugins.devicefarm.run;

import io.jenkins.plugins.devicefarm.DeviceFarmGlobalConfiguration;
import java.util.function.UnaryOperator;

/**
 * The fields of {@code deviceFarmRun} as both the Pipeline step and the freestyle step hold them,
 * and the one way they become a checked {@link RunSpec}. Lists are one value a line (filters:
 * {@code ATTRIBUTE OPERATOR value[,value]}; variables and parameters: {@code NAME=VALUE}); in a
 * Pipeline they may also be written as Groovy lists and maps ({@link RunArguments}).
 */
interface RunSettings {
    String getProjectArn();
    String getName();
    String getApp();
    String getTestType();
    String getTestPackage();
    String getTestSpec();
    String getExtraData();
    String getAuxiliaryApps();
    String getDevicePool();
    String getDeviceFilters();
    Integer getMaxDevices();
    String getTestFilter();
    String getTestParameters();
    String getEnvironmentVariables();
    Integer getJobTimeoutMinutes();
    Integer getTimeoutMinutes();
    boolean isVideoCapture();
    boolean isAppPackagesCleanup();
    boolean isAccountsCleanup();
    boolean isSkipAppResign();
    String getLocale();
    String getNetworkProfileArn();
    String getVpceConfigurationArns();
    String getBillingMethod();
    String getExecutionRoleArn();
    String getArtifacts();
    boolean isPublishTests();
    boolean isArchive();
    boolean isKeepUploads();
    boolean isWait();
    boolean isPreflight();
    boolean isSetBuildResult();

    /**
     * The checked spec, each text value passed through {@code expand} first (a freestyle build's
     * {@code ${VAR}}s; nothing for Pipeline, where Groovy has done it). A blank project means the
     * global default project. Throws {@link io.jenkins.plugins.devicefarm.core.InvalidInputException}
     * naming the first bad field.
     */
    default RunSpec toSpec(UnaryOperator<String> expand) {
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
        b.networkProfileArn = e.apply(getNetworkProfileArn());
        b.vpceConfigurationArns = e.apply(getVpceConfigurationArns());
        b.billingMethod = e.apply(getBillingMethod());
        b.executionRoleArn = e.apply(getExecutionRoleArn());
        b.artifacts = e.apply(getArtifacts());
        b.publishTests = isPublishTests();
        b.archive = isArchive();
        b.keepUploads = isKeepUploads();
        b.waitForRun = isWait();
        b.preflight = isPreflight();
        b.setBuildResult = isSetBuildResult();
        return b.build();
    }
}
