package io.jenkins.plugins.devicefarm.core.schedule;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilter;
import software.amazon.awssdk.services.devicefarm.model.EnvironmentVariable;
import software.amazon.awssdk.services.devicefarm.model.ExecutionConfiguration;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunConfiguration;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunRequest;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunTest;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/**
 * Every ScheduleRun field of the current model (SDK 2.40.2), given the way users type them: a
 * pool by name or ARN or device filters, variables as a map, timeouts in minutes, uploads as ARNs
 * (resolve workspace files and upload names first). {@link #problems()} checks every field at
 * once, before anything is sent; each problem names its field and the fix.
 */
public final class RunRequest {
    /** Device Farm's longest run name. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Device Farm's per-device limit. */
    public static final int MAX_JOB_TIMEOUT_MINUTES = 150;
    /** Device Farm takes 1 to 32. */
    public static final int MAX_ENVIRONMENT_VARIABLES = 32;
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}_[A-Z]{2}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    private final String projectArn;
    private final String testType;
    private String name;
    private String app;
    private String devicePool;
    private List<DeviceFilterSpec> deviceFilters = List.of();
    private Integer maxDevices;
    private String testPackage;
    private String testSpec;
    private String testFilter;
    private Map<String, String> testParameters = Map.of();
    private String extraData;
    private List<String> auxiliaryApps = List.of();
    private String locale;
    private Double latitude;
    private Double longitude;
    private Boolean wifi;
    private Boolean bluetooth;
    private Boolean nfc;
    private Boolean gps;
    private String billingMethod;
    private String networkProfileArn;
    private List<String> vpceConfigurationArns = List.of();
    private String proxyHost;
    private Integer proxyPort;
    private List<String> iosArtifactPaths = List.of();
    private List<String> androidArtifactPaths = List.of();
    private List<String> deviceHostArtifactPaths = List.of();
    private Map<String, String> environmentVariables = Map.of();
    private String executionRoleArn;
    private Integer jobTimeoutMinutes;
    private Boolean accountsCleanup;
    private Boolean appPackagesCleanup;
    private Boolean videoCapture;
    private Boolean skipAppResign;

    /** The two required fields: the project ARN and the test type (any case). */
    public RunRequest(String projectArn, String testType) {
        this.projectArn = projectArn;
        this.testType = testType;
    }

    /** The run's name; the scheduler appends a unique tag. */
    public RunRequest name(String v) { name = v; return this; }
    /** The app upload ARN (not needed by web tests). */
    public RunRequest app(String uploadArn) { app = uploadArn; return this; }
    /** A device pool, by name or ARN; or else {@link #deviceFilters}. */
    public RunRequest devicePool(String nameOrArn) { devicePool = nameOrArn; return this; }
    /** Device selection filters, with {@link #maxDevices}; or else {@link #devicePool}. */
    public RunRequest deviceFilters(List<DeviceFilterSpec> v) { deviceFilters = v == null ? List.of() : List.copyOf(v); return this; }
    /** How many of the devices the filters match to test on (at least 1). */
    public RunRequest maxDevices(Integer v) { maxDevices = v; return this; }
    /** The test package upload ARN (all test types but BUILTIN_FUZZ). */
    public RunRequest testPackage(String uploadArn) { testPackage = uploadArn; return this; }
    /** The test spec upload ARN (custom environment mode). */
    public RunRequest testSpec(String uploadArn) { testSpec = uploadArn; return this; }
    /** Which tests to run, in the framework's syntax. */
    public RunRequest testFilter(String v) { testFilter = v; return this; }
    /** Parameters of the test type, e.g. {@code appium_version}. */
    public RunRequest testParameters(Map<String, String> v) { testParameters = v == null ? Map.of() : new LinkedHashMap<>(v); return this; }
    /** The extra data (EXTERNAL_DATA zip) upload ARN. */
    public RunRequest extraData(String uploadArn) { extraData = uploadArn; return this; }
    /** App upload ARNs installed beside the app. */
    public RunRequest auxiliaryApps(List<String> v) { auxiliaryApps = v == null ? List.of() : List.copyOf(v); return this; }
    /** e.g. en_US. */
    public RunRequest locale(String v) { locale = v; return this; }
    /** Device location, both or neither. */
    public RunRequest location(Double lat, Double lon) { latitude = lat; longitude = lon; return this; }
    /** Radio states; null leaves Device Farm's default (on). */
    public RunRequest radios(Boolean wifiOn, Boolean bluetoothOn, Boolean nfcOn, Boolean gpsOn) {
        wifi = wifiOn; bluetooth = bluetoothOn; nfc = nfcOn; gps = gpsOn; return this;
    }
    /** METERED or UNMETERED, any case. */
    public RunRequest billingMethod(String v) { billingMethod = v; return this; }
    /** A network profile (curated or the project's) the devices use. */
    public RunRequest networkProfileArn(String v) { networkProfileArn = v; return this; }
    /** VPC endpoint configurations the devices reach private services through. */
    public RunRequest vpceConfigurationArns(List<String> v) { vpceConfigurationArns = v == null ? List.of() : List.copyOf(v); return this; }
    /** A proxy the devices use, both or neither. */
    public RunRequest deviceProxy(String host, Integer port) { proxyHost = host; proxyPort = port; return this; }
    /** Paths on the device and host whose files come back as CUSTOMER_ARTIFACT. */
    public RunRequest customerArtifactPaths(List<String> ios, List<String> android, List<String> deviceHost) {
        iosArtifactPaths = ios == null ? List.of() : List.copyOf(ios);
        androidArtifactPaths = android == null ? List.of() : List.copyOf(android);
        deviceHostArtifactPaths = deviceHost == null ? List.of() : List.copyOf(deviceHost);
        return this;
    }
    /** Up to 32 variables for the test host. */
    public RunRequest environmentVariables(Map<String, String> v) { environmentVariables = v == null ? Map.of() : new LinkedHashMap<>(v); return this; }
    /** The IAM role the test host assumes. */
    public RunRequest executionRoleArn(String v) { executionRoleArn = v; return this; }
    /** Per device, 1 to 150 minutes. */
    public RunRequest jobTimeoutMinutes(Integer v) { jobTimeoutMinutes = v; return this; }
    /** Clean up accounts on the devices when the test begins. */
    public RunRequest accountsCleanup(Boolean v) { accountsCleanup = v; return this; }
    /** Remove app packages from the devices when the test begins. */
    public RunRequest appPackagesCleanup(Boolean v) { appPackagesCleanup = v; return this; }
    /** Record a video of each device (default on). */
    public RunRequest videoCapture(Boolean v) { videoCapture = v; return this; }
    /** Do not re-sign the app (private devices). */
    public RunRequest skipAppResign(Boolean v) { skipAppResign = v; return this; }

    /** The name as given (without the unique tag). */
    public String name() { return name; }
    /** The pool as given (name or ARN), or null with device filters. */
    public String devicePool() { return devicePool; }

    /** The project (validated). */
    public DeviceFarmArn project() {
        return DeviceFarmArn.parse("projectArn", projectArn, ArnKind.PROJECT);
    }

    /** The test type (validated). */
    public TestType testType() {
        TestType t = TestType.fromValue(blank(testType) ? "" : testType.strip().toUpperCase(Locale.ROOT));
        if (t == TestType.UNKNOWN_TO_SDK_VERSION) {
            throw new InvalidInputException("testType", blank(testType) ? "is empty" : "'" + shorten(testType)
                    + "' is not a test type", "Use one of " + TestType.knownValues().stream().map(Enum::toString).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return t;
    }

    /** Every problem of every field, in field order; empty when the request can be sent. */
    public List<InvalidInputException> problems() {
        List<InvalidInputException> problems = new ArrayList<>();
        checkGet(problems, this::project);
        checkGet(problems, this::testType);
        check(problems, () -> {
            if (!blank(name) && (name.strip().length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl))) {
                throw new InvalidInputException("name", "must be at most " + MAX_NAME_LENGTH + " printable characters",
                        "Shorten it");
            }
        });
        check(problems, () -> requiredUploads(safeTestType()));
        check(problems, this::poolOrFilters);
        for (int i = 0; i < deviceFilters.size(); i++) {
            int n = i;
            checkGet(problems, () -> deviceFilters.get(n).toSdk("deviceFilters[" + n + "]"));
        }
        check(problems, () -> testParameters.keySet().forEach(k -> {
            if (blank(k)) {
                throw new InvalidInputException("testParameters", "has an empty name", "Name every parameter");
            }
        }));
        check(problems, this::configurationProblems);
        check(problems, () -> {
            if (jobTimeoutMinutes != null && (jobTimeoutMinutes < 1 || jobTimeoutMinutes > MAX_JOB_TIMEOUT_MINUTES)) {
                throw new InvalidInputException("jobTimeoutMinutes", "must be from 1 to " + MAX_JOB_TIMEOUT_MINUTES
                        + ", was " + jobTimeoutMinutes, "Device Farm stops a device after at most 150 minutes");
            }
        });
        return problems;
    }

    /** Throws the first problem, if any. */
    public RunRequest validate() {
        List<InvalidInputException> problems = problems();
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return this;
    }

    /** The SDK request for {@code pool} (null with device filters) and the run's final {@code runName}; validates first. */
    public ScheduleRunRequest toSdkRequest(DeviceFarmArn pool, String runName) {
        validate();
        TestType type = testType();
        ScheduleRunRequest.Builder b = ScheduleRunRequest.builder().projectArn(project().toString()).name(runName);
        if (!blank(app)) {
            b.appArn(upload("app", app));
        }
        if (pool != null) {
            b.devicePoolArn(pool.toString());
        } else {
            List<DeviceFilter> filters = new ArrayList<>();
            for (int i = 0; i < deviceFilters.size(); i++) {
                filters.add(deviceFilters.get(i).toSdk("deviceFilters[" + i + "]"));
            }
            b.deviceSelectionConfiguration(s -> s.filters(filters).maxDevices(maxDevices));
        }
        ScheduleRunTest.Builder test = ScheduleRunTest.builder().type(type);
        if (!blank(testPackage)) {
            test.testPackageArn(upload("testPackage", testPackage));
        }
        if (!blank(testSpec)) {
            test.testSpecArn(upload("testSpec", testSpec));
        }
        if (!blank(testFilter)) {
            test.filter(testFilter.strip());
        }
        if (!testParameters.isEmpty()) {
            test.parameters(testParameters);
        }
        b.test(test.build()).configuration(configuration());
        ExecutionConfiguration.Builder e = ExecutionConfiguration.builder().jobTimeoutMinutes(jobTimeoutMinutes)
                .accountsCleanup(accountsCleanup).appPackagesCleanup(appPackagesCleanup).videoCapture(videoCapture)
                .skipAppResign(skipAppResign);
        b.executionConfiguration(e.build());
        return b.build();
    }

    private ScheduleRunConfiguration configuration() {
        ScheduleRunConfiguration.Builder c = ScheduleRunConfiguration.builder();
        if (!blank(extraData)) {
            c.extraDataPackageArn(upload("extraData", extraData));
        }
        if (!blank(networkProfileArn)) {
            c.networkProfileArn(DeviceFarmArn.parse("networkProfileArn", networkProfileArn, ArnKind.NETWORK_PROFILE).toString());
        }
        if (!blank(locale)) {
            c.locale(locale.strip());
        }
        if (latitude != null) {
            c.location(l -> l.latitude(latitude).longitude(longitude));
        }
        if (wifi != null || bluetooth != null || nfc != null || gps != null) {
            c.radios(r -> r.wifi(on(wifi)).bluetooth(on(bluetooth)).nfc(on(nfc)).gps(on(gps)));
        }
        if (!auxiliaryApps.isEmpty()) {
            c.auxiliaryApps(auxiliaryApps.stream().filter(a -> !blank(a)).map(a -> upload("auxiliaryApps", a)).toList());
        }
        if (!blank(billingMethod)) {
            c.billingMethod(BillingMethod.fromValue(billingMethod.strip().toUpperCase(Locale.ROOT)));
        }
        List<String> vpce = vpceConfigurationArns.stream().filter(v -> !blank(v))
                .map(v -> DeviceFarmArn.parse("vpceConfigurationArns", v, ArnKind.VPCE_CONFIGURATION).toString()).toList();
        if (!vpce.isEmpty()) {
            c.vpceConfigurationArns(vpce);
        }
        if (!blank(proxyHost)) {
            c.deviceProxy(p -> p.host(proxyHost.strip()).port(proxyPort));
        }
        if (!iosArtifactPaths.isEmpty() || !androidArtifactPaths.isEmpty() || !deviceHostArtifactPaths.isEmpty()) {
            c.customerArtifactPaths(p -> p.iosPaths(iosArtifactPaths).androidPaths(androidArtifactPaths)
                    .deviceHostPaths(deviceHostArtifactPaths));
        }
        if (!environmentVariables.isEmpty()) {
            c.environmentVariables(environmentVariables.entrySet().stream()
                    .map(e -> EnvironmentVariable.builder().name(e.getKey()).value(e.getValue()).build()).toList());
        }
        if (!blank(executionRoleArn)) {
            c.executionRoleArn(executionRoleArn.strip());
        }
        return c.build();
    }

    private void requiredUploads(TestType type) {
        if (type == null) {
            return;
        }
        boolean web = type.toString().startsWith("APPIUM_WEB_");
        if (!web && blank(app)) {
            throw new InvalidInputException("app", "is required for " + type, "Give the app to test (.apk or .ipa)");
        }
        if (!blank(app)) {
            upload("app", app);
        }
        if (type != TestType.BUILTIN_FUZZ && blank(testPackage)) {
            throw new InvalidInputException("testPackage", "is required for " + type, "Give the test package");
        }
        if (!blank(testPackage)) {
            upload("testPackage", testPackage);
        }
        if (!blank(testSpec)) {
            upload("testSpec", testSpec);
        }
    }

    private void poolOrFilters() {
        boolean pool = !blank(devicePool);
        boolean filters = !deviceFilters.isEmpty();
        if (pool && filters) {
            throw new InvalidInputException("devicePool", "and deviceFilters are both given", "Give one of them");
        }
        if (!pool && !filters) {
            throw new InvalidInputException("devicePool", "is empty", "Give a device pool name or ARN, or deviceFilters with maxDevices");
        }
        if (pool && DevicePools.isArn(devicePool)) {
            DeviceFarmArn.parse("devicePool", devicePool, ArnKind.DEVICE_POOL);
        }
        if (filters && (maxDevices == null || maxDevices < 1)) {
            throw new InvalidInputException("maxDevices", maxDevices == null ? "is required with deviceFilters"
                    : "must be at least 1, was " + maxDevices, "Give how many matching devices to test on, e.g. 5");
        }
        if (!filters && maxDevices != null) {
            throw new InvalidInputException("maxDevices", "only applies to deviceFilters", "Remove it, or use deviceFilters");
        }
    }

    private void configurationProblems() {
        if (!blank(extraData)) {
            upload("extraData", extraData);
        }
        auxiliaryApps.stream().filter(a -> !blank(a)).forEach(a -> upload("auxiliaryApps", a));
        if (!blank(locale) && !LOCALE.matcher(locale.strip()).matches()) {
            throw new InvalidInputException("locale", "'" + shorten(locale) + "' is not a locale", "Use e.g. en_US or de_DE");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidInputException(latitude == null ? "latitude" : "longitude", "is missing",
                    "Give both latitude and longitude, or neither");
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || latitude.isNaN())) {
            throw new InvalidInputException("latitude", "must be from -90 to 90, was " + latitude, "Use decimal degrees");
        }
        if (longitude != null && (longitude < -180 || longitude > 180 || longitude.isNaN())) {
            throw new InvalidInputException("longitude", "must be from -180 to 180, was " + longitude, "Use decimal degrees");
        }
        if (!blank(billingMethod) && BillingMethod.fromValue(billingMethod.strip().toUpperCase(Locale.ROOT))
                == BillingMethod.UNKNOWN_TO_SDK_VERSION) {
            throw new InvalidInputException("billingMethod", "'" + shorten(billingMethod) + "' is not a billing method",
                    "Use METERED or UNMETERED");
        }
        if (!blank(networkProfileArn)) {
            DeviceFarmArn.parse("networkProfileArn", networkProfileArn, ArnKind.NETWORK_PROFILE);
        }
        vpceConfigurationArns.stream().filter(v -> !blank(v))
                .forEach(v -> DeviceFarmArn.parse("vpceConfigurationArns", v, ArnKind.VPCE_CONFIGURATION));
        if (blank(proxyHost) != (proxyPort == null)) {
            throw new InvalidInputException(blank(proxyHost) ? "deviceProxyHost" : "deviceProxyPort", "is missing",
                    "Give both the proxy host and port, or neither");
        }
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new InvalidInputException("deviceProxyPort", "must be from 1 to 65535, was " + proxyPort, "Give the proxy's port");
        }
        for (List<String> paths : List.of(iosArtifactPaths, androidArtifactPaths, deviceHostArtifactPaths)) {
            if (paths.stream().anyMatch(RunRequest::blank)) {
                throw new InvalidInputException("customerArtifactPaths", "has an empty path", "Remove it");
            }
        }
        environmentProblems();
        if (!blank(executionRoleArn) && !ROLE.matcher(executionRoleArn.strip()).matches()) {
            throw new InvalidInputException("executionRoleArn", "'" + shorten(executionRoleArn) + "' is not an IAM role ARN",
                    "Use e.g. arn:aws:iam::123456789012:role/DeviceFarmTests");
        }
    }

    private void environmentProblems() {
        if (environmentVariables.size() > MAX_ENVIRONMENT_VARIABLES) {
            throw new InvalidInputException("environmentVariables", "has " + environmentVariables.size() + " variables",
                    "Device Farm takes at most " + MAX_ENVIRONMENT_VARIABLES);
        }
        for (Map.Entry<String, String> e : environmentVariables.entrySet()) {
            if (e.getKey() == null || !ENV_NAME.matcher(e.getKey()).matches()) {
                throw new InvalidInputException("environmentVariables", "'" + shorten(String.valueOf(e.getKey()))
                        + "' is not a variable name", "Use letters, digits and _, not starting with a digit");
            }
            if (e.getValue() == null) {
                throw new InvalidInputException("environmentVariables", e.getKey() + " has no value", "Give it a value");
            }
        }
    }

    private TestType safeTestType() {
        try {
            return testType();
        } catch (InvalidInputException e) {
            return null; // reported on its own
        }
    }

    private static String upload(String field, String arn) {
        return DeviceFarmArn.parse(field, arn, ArnKind.UPLOAD).toString();
    }

    private static boolean on(Boolean b) {
        return b == null || b;
    }

    private static void check(List<InvalidInputException> problems, Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            problems.add(e);
        }
    }

    private static void checkGet(List<InvalidInputException> problems, Supplier<?> check) {
        check(problems, (Runnable) check::get);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return "run '" + name + "' of " + testType + " in " + projectArn
                + (blank(devicePool) ? " on devices matching " + deviceFilters : " on pool " + devicePool);
    }
}
