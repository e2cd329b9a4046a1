package io.jenkins.plugins.devicefarm.run;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.upload.UploadFinder;
import io.jenkins.plugins.devicefarm.core.upload.UploadTypes;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilter;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilterAttribute;
import software.amazon.awssdk.services.devicefarm.model.RuleOperator;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * Everything {@code deviceFarmRun} (or the freestyle step) was asked, checked before anything is
 * uploaded or scheduled: each bad value fails with one line naming its field and the fix. Plain
 * serializable values only (Pipeline program state): no client, no URL, no secret.
 */
final class RunSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Device Farm's range for executionConfiguration.jobTimeoutMinutes. */
    static final int MAX_JOB_TIMEOUT_MINUTES = 150;

    /** One file a run needs: where it comes from (workspace path, upload ARN or upload name) and its upload type. */
    record Input(String field, String value, String uploadType) implements Serializable {
        UploadType type() {
            return UploadType.fromValue(uploadType);
        }

        boolean isArn() {
            return UploadFinder.isArn(value);
        }

        /** A value with a folder in it can only be a workspace path. */
        boolean isPath() {
            return value.contains("/") || value.contains("\\");
        }
    }

    /** A device selection filter as plain values. */
    record Filter(String attribute, String operator, List<String> values) implements Serializable {
        DeviceFilter toSdk() {
            return DeviceFilter.builder().attribute(attribute).operator(operator).values(values).build();
        }
    }

    final DeviceFarmArn project;
    final String name;
    final TestType testType;
    final List<Input> inputs;
    final String devicePool;
    final List<Filter> filters;
    final Integer maxDevices;
    final String testFilter;
    final Map<String, String> testParameters;
    final Map<String, String> environmentVariables;
    final Integer jobTimeoutMinutes;
    final Duration timeout;
    final Boolean videoCapture;
    final Boolean appPackagesCleanup;
    final Boolean accountsCleanup;
    final Boolean skipAppResign;
    final String locale;
    final String networkProfileArn;
    final List<String> vpceConfigurationArns;
    final String billingMethod;
    final String executionRoleArn;
    final Set<ArtifactType> artifacts;
    final boolean publishTests;
    final boolean archive;
    final boolean keepUploads;
    final boolean waitForRun;
    final boolean preflight;
    final boolean setBuildResult;

    private RunSpec(Builder b) {
        this.project = DeviceFarmArn.parse("projectArn", required("projectArn", b.projectArn,
                "Set projectArn, or a default project in Manage Jenkins > System > AWS Device Farm"), ArnKind.PROJECT);
        this.testType = testType(b.testType);
        this.name = blank(b.name) ? null : b.name.strip();
        this.inputs = inputs(b, testType);
        this.devicePool = blank(b.devicePool) ? null : b.devicePool.strip();
        this.filters = filters(b.deviceFilters);
        if ((devicePool == null) == filters.isEmpty()) {
            throw new InvalidInputException(devicePool == null ? "devicePool" : "deviceFilters",
                    devicePool == null ? "neither a device pool nor device filters were given"
                            : "a device pool and device filters were both given",
                    "Give devicePool (a name or ARN), or deviceFilters with maxDevices, not both");
        }
        if (b.maxDevices != null && (filters.isEmpty() || b.maxDevices < 1)) {
            throw new InvalidInputException("maxDevices", filters.isEmpty() ? "applies to deviceFilters only"
                    : "must be at least 1, not " + b.maxDevices, filters.isEmpty() ? "Remove it, or use deviceFilters" : "Give 1 or more");
        }
        if (!filters.isEmpty() && b.maxDevices == null) {
            throw new InvalidInputException("maxDevices", "is required with deviceFilters", "Give how many matching devices to use, e.g. 5");
        }
        this.maxDevices = b.maxDevices;
        this.testFilter = blank(b.testFilter) ? null : b.testFilter.strip();
        this.testParameters = pairs("testParameters", b.testParameters);
        this.environmentVariables = pairs("environmentVariables", b.environmentVariables);
        if (b.jobTimeoutMinutes != null && (b.jobTimeoutMinutes < 1 || b.jobTimeoutMinutes > MAX_JOB_TIMEOUT_MINUTES)) {
            throw new InvalidInputException("jobTimeoutMinutes", "must be 1 to " + MAX_JOB_TIMEOUT_MINUTES + ", not "
                    + b.jobTimeoutMinutes, "Device Farm stops a device's tests after at most 150 minutes");
        }
        this.jobTimeoutMinutes = b.jobTimeoutMinutes;
        this.timeout = b.timeoutMinutes == null ? null : validTimeout(b.timeoutMinutes);
        this.videoCapture = b.videoCapture;
        this.appPackagesCleanup = b.appPackagesCleanup;
        this.accountsCleanup = b.accountsCleanup;
        this.skipAppResign = b.skipAppResign;
        this.locale = blank(b.locale) ? null : b.locale.strip();
        this.networkProfileArn = blank(b.networkProfileArn) ? null : b.networkProfileArn.strip();
        this.vpceConfigurationArns = values(b.vpceConfigurationArns);
        for (String arn : vpceConfigurationArns) {
            DeviceFarmArn.parse("vpceConfigurationArns", arn, ArnKind.VPCE_CONFIGURATION);
        }
        this.billingMethod = billingMethod(b.billingMethod);
        this.executionRoleArn = blank(b.executionRoleArn) ? null : b.executionRoleArn.strip();
        this.artifacts = artifacts(b.artifacts);
        this.publishTests = b.publishTests;
        this.archive = b.archive;
        this.keepUploads = b.keepUploads;
        this.waitForRun = b.waitForRun;
        this.preflight = b.preflight;
        this.setBuildResult = b.setBuildResult;
        if (archive && artifacts.isEmpty()) {
            throw new InvalidInputException("archive", "there is nothing to archive: no artifacts were chosen",
                    "Choose artifact types with artifacts, e.g. ['VIDEO', 'CUSTOMER_ARTIFACT']");
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** The file given for {@code field}, or null. */
    Input input(String field) {
        return inputs.stream().filter(i -> i.field().equals(field)).findFirst().orElse(null);
    }

    /** The inputs of the auxiliary apps, in order. */
    List<Input> auxiliaryApps() {
        return inputs.stream().filter(i -> i.field().startsWith("auxiliaryApps")).toList();
    }

    private static TestType testType(String value) {
        String v = required("testType", value, "Give the test type, e.g. APPIUM_JAVA_TESTNG");
        TestType t = TestType.fromValue(v.strip().toUpperCase(Locale.ROOT));
        if (t == null || t == TestType.UNKNOWN_TO_SDK_VERSION) {
            throw new InvalidInputException("testType", "'" + v + "' is not a Device Farm test type", "Use one of "
                    + TestType.knownValues().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        return t;
    }

    private static List<Input> inputs(Builder b, TestType testType) {
        List<Input> inputs = new ArrayList<>();
        boolean web = testType.toString().startsWith("APPIUM_WEB_");
        if (!blank(b.app)) {
            // The type of an app given by ARN is Device Farm's to say; a path or name tells it by its ending.
            UploadType type = UploadFinder.isArn(b.app) ? null : web ? UploadType.WEB_APP : UploadTypes.forApp("app", b.app);
            inputs.add(input("app", b.app, type));
        } else if (!web) {
            throw new InvalidInputException("app", "no app was given", "Give the app: a workspace path (.apk, .ipa), "
                    + "an upload ARN, or the name of an upload in the project");
        }
        if (!blank(b.testPackage)) {
            inputs.add(input("testPackage", b.testPackage, UploadTypes.testPackage("testPackage", testType)));
        } else if (testType != TestType.BUILTIN_FUZZ) {
            throw new InvalidInputException("testPackage", "no test package was given for " + testType,
                    "Give the tests: a workspace path, an upload ARN, or an upload name");
        }
        if (!blank(b.testSpec)) {
            inputs.add(input("testSpec", b.testSpec, UploadTypes.testSpec("testSpec", testType)));
        }
        if (!blank(b.extraData)) {
            inputs.add(input("extraData", b.extraData, UploadTypes.extraData()));
        }
        List<String> aux = values(b.auxiliaryApps);
        for (int i = 0; i < aux.size(); i++) {
            String field = "auxiliaryApps[" + i + "]";
            String value = aux.get(i);
            inputs.add(input(field, value, UploadFinder.isArn(value) ? null : UploadTypes.forApp(field, value)));
        }
        return List.copyOf(inputs);
    }

    /** An input; a workspace path or name must end as its type requires (checked here, before any upload). */
    private static Input input(String field, String value, UploadType type) {
        String v = value.strip();
        if (UploadFinder.isArn(v)) {
            DeviceFarmArn.parse(field, v, ArnKind.UPLOAD);
        } else if (type != null) {
            UploadTypes.requireName(field, v, type);
        }
        return new Input(field, v, type == null ? null : type.toString());
    }

    /** {@code ATTRIBUTE OPERATOR value[,value...]}, one filter a line. */
    private static List<Filter> filters(String text) {
        List<Filter> filters = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.strip().split("\\s+", 3);
            if (parts.length < 3) {
                throw new InvalidInputException("deviceFilters", "'" + line + "' is not ATTRIBUTE OPERATOR VALUES",
                        "Write e.g. PLATFORM EQUALS ANDROID, or OS_VERSION GREATER_THAN_OR_EQUALS 13");
            }
            DeviceFilterAttribute attribute = DeviceFilterAttribute.fromValue(parts[0].toUpperCase(Locale.ROOT));
            if (attribute == null || attribute == DeviceFilterAttribute.UNKNOWN_TO_SDK_VERSION) {
                throw new InvalidInputException("deviceFilters", "'" + parts[0] + "' is not a device filter attribute",
                        "Use one of " + names(DeviceFilterAttribute.knownValues()));
            }
            RuleOperator operator = RuleOperator.fromValue(parts[1].toUpperCase(Locale.ROOT));
            if (operator == null || operator == RuleOperator.UNKNOWN_TO_SDK_VERSION) {
                throw new InvalidInputException("deviceFilters", "'" + parts[1] + "' is not a filter operator",
                        "Use one of " + names(RuleOperator.knownValues()));
            }
            List<String> values = Arrays.stream(parts[2].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (values.size() > 1 && operator != RuleOperator.IN && operator != RuleOperator.NOT_IN) {
                throw new InvalidInputException("deviceFilters", operator + " takes one value, not " + values.size(),
                        "Use IN or NOT_IN for several values");
            }
            filters.add(new Filter(attribute.toString(), operator.toString(), values));
        }
        return List.copyOf(filters);
    }

    /** {@code KEY=VALUE}, one pair a line. */
    private static Map<String, String> pairs(String field, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (key.isEmpty()) {
                throw new InvalidInputException(field, "'" + shorten(line) + "' is not NAME=VALUE", "Write one NAME=VALUE a line");
            }
            pairs.put(key, line.substring(eq + 1));
        }
        return pairs;
    }

    /** The artifact types of {@code text} (names, one a line or comma-separated), naming the field for an unknown one. */
    static Set<ArtifactType> artifacts(String text) {
        Set<ArtifactType> types = new LinkedHashSet<>();
        for (String name : values(text)) {
            ArtifactType t = ArtifactType.fromValue(name.toUpperCase(Locale.ROOT));
            if (t == null || t == ArtifactType.UNKNOWN_TO_SDK_VERSION || t == ArtifactType.UNKNOWN) {
                throw new InvalidInputException("artifacts", "'" + name + "' is not a Device Farm artifact type",
                        "Use e.g. VIDEO, SCREENSHOT, DEVICE_LOG, CUSTOMER_ARTIFACT, TESTSPEC_OUTPUT");
            }
            types.add(t);
        }
        return types;
    }

    private static String billingMethod(String value) {
        if (blank(value)) {
            return null;
        }
        BillingMethod m = BillingMethod.fromValue(value.strip().toUpperCase(Locale.ROOT));
        if (m == null || m == BillingMethod.UNKNOWN_TO_SDK_VERSION) {
            throw new InvalidInputException("billingMethod", "'" + value + "' is not a billing method", "Use METERED or UNMETERED");
        }
        return m.toString();
    }

    private static Duration validTimeout(int minutes) {
        if (minutes < 1) {
            throw new InvalidInputException("timeoutMinutes", "must be at least 1, not " + minutes, "Leave it out to wait as long as the run takes");
        }
        return WatchOptions.validTimeout(Duration.ofMinutes(minutes));
    }

    /** Non-blank lines. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Values separated by line breaks or commas (names, ARNs and artifact types hold neither). */
    static List<String> values(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(String field, String value, String fix) {
        if (blank(value)) {
            throw new InvalidInputException(field, "is required", fix);
        }
        return value.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The step's fields after {@code ${VAR}} expansion; {@link #build()} validates them. */
    static final class Builder {
        String projectArn;
        String name;
        String testType;
        String app;
        String testPackage;
        String testSpec;
        String extraData;
        String auxiliaryApps;
        String devicePool;
        String deviceFilters;
        Integer maxDevices;
        String testFilter;
        String testParameters;
        String environmentVariables;
        Integer jobTimeoutMinutes;
        Integer timeoutMinutes;
        Boolean videoCapture;
        Boolean appPackagesCleanup;
        Boolean accountsCleanup;
        Boolean skipAppResign;
        String locale;
        String networkProfileArn;
        String vpceConfigurationArns;
        String billingMethod;
        String executionRoleArn;
        String artifacts;
        boolean publishTests = true;
        boolean archive;
        boolean keepUploads;
        boolean waitForRun = true;
        boolean preflight;
        boolean setBuildResult = true;

        RunSpec build() {
            return new RunSpec(this);
        }
    }
}
