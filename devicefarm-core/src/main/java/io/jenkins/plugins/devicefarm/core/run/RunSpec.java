package io.jenkins.plugins.devicefarm.core.run;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactTypes;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.schedule.DeviceFilterSpec;
import io.jenkins.plugins.devicefarm.core.schedule.RunRequest;
import io.jenkins.plugins.devicefarm.core.upload.UploadFinder;
import io.jenkins.plugins.devicefarm.core.upload.UploadTypes;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * Everything {@code deviceFarmRun} (or the freestyle step) was asked, checked before anything is
 * uploaded or scheduled: the files by their endings ({@link UploadTypes}), every ScheduleRun field
 * by the core's {@link RunRequest}, the step's own options here; the first bad value fails with
 * one line naming its field and the fix. Plain serializable values (Pipeline program state): no
 * client, no URL, no secret.
 */
public final class RunSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<String> RADIOS = Set.of("wifi", "bluetooth", "nfc", "gps");

    /**
     * One file a run needs: where it comes from (workspace path, upload ARN or upload name) and its
     * upload type. A class, not a record: Pipeline's program state is not written with Java serialization.
     */
    public static final class Input implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final String value;
        private final String uploadType;

        Input(String field, String value, String uploadType) {
            this.field = field;
            this.value = value;
            this.uploadType = uploadType;
        }

        public String field() {
            return field;
        }

        public String value() {
            return value;
        }

        public String uploadType() {
            return uploadType;
        }

        /** Null for an app given by ARN: its type is Device Farm's to say. */
        public UploadType type() {
            return uploadType == null ? null : UploadType.fromValue(uploadType);
        }

        public boolean isArn() {
            return UploadFinder.isArn(value);
        }

        /** A value with a folder in it can only be a workspace path. */
        public boolean isPath() {
            return value.contains("/") || value.contains("\\");
        }

        @Override
        public String toString() {
            return field + " '" + value + "'" + (uploadType == null ? "" : " (" + uploadType + ")");
        }
    }

    private final Builder values;
    final DeviceFarmArn project;
    final TestType testType;
    final String name;
    final String devicePool;
    final List<Input> inputs;
    final List<DeviceFilterSpec> filters;
    final Map<String, String> testParameters;
    final Map<String, String> environmentVariables;
    final Duration timeout;
    final Set<ArtifactType> artifacts;
    final boolean publishTests;
    final boolean archive;
    final boolean keepUploads;
    final boolean waitForRun;
    final boolean preflight;
    final boolean setBuildResult;
    final ResultPolicy policy;

    private RunSpec(Builder b) {
        this.values = b;
        this.project = DeviceFarmArn.parse("projectArn", b.projectArn, ArnKind.PROJECT);
        this.testType = new RunRequest(project.toString(), b.testType).testType();
        this.name = blank(b.name) ? null : b.name.strip();
        this.devicePool = blank(b.devicePool) ? null : b.devicePool.strip();
        this.inputs = inputs(b, testType);
        this.filters = filters(b.deviceFilters);
        this.testParameters = pairs("testParameters", b.testParameters);
        this.environmentVariables = pairs("environmentVariables", b.environmentVariables);
        this.timeout = b.timeoutMinutes == null ? null : validTimeout(b.timeoutMinutes);
        this.artifacts = ArtifactTypes.parse("artifacts", values(b.artifacts));
        this.publishTests = b.publishTests;
        this.archive = b.archive;
        this.keepUploads = b.keepUploads;
        this.waitForRun = b.waitForRun;
        this.preflight = b.preflight;
        this.setBuildResult = b.setBuildResult;
        this.policy = b.policy;
        if (archive && artifacts.isEmpty()) {
            throw new InvalidInputException("archive", "there is nothing to archive: no artifacts were chosen",
                    "Choose artifact types with artifacts, e.g. ['VIDEO', 'CUSTOMER_ARTIFACT']");
        }
        // Every ScheduleRun field, with stand-ins for the uploads (their ARNs exist only once uploaded).
        String standIn = project.toString().replace(":project:", ":upload:") + "/00000000-0000-0000-0000-000000000000";
        request(input -> standIn).validate();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The core's request, with the upload ARN of each input from {@code uploadArn}. Not validated yet. */
    RunRequest request(Function<Input, String> uploadArn) {
        Builder b = values;
        RunRequest r = new RunRequest(project.toString(), testType.toString())
                .name(name)
                .app(arn("app", uploadArn))
                .testPackage(arn("testPackage", uploadArn))
                .testSpec(arn("testSpec", uploadArn))
                .extraData(arn("extraData", uploadArn))
                .auxiliaryApps(auxiliaryApps().stream().map(uploadArn).toList())
                .devicePool(devicePool)
                .deviceFilters(filters)
                .maxDevices(b.maxDevices)
                .testFilter(b.testFilter)
                .testParameters(testParameters)
                .locale(b.locale)
                .billingMethod(b.billingMethod)
                .networkProfileArn(b.networkProfileArn)
                .vpceConfigurationArns(values(b.vpceConfigurationArns))
                .customerArtifactPaths(lines(b.iosArtifactPaths), lines(b.androidArtifactPaths), lines(b.deviceHostArtifactPaths))
                .environmentVariables(environmentVariables)
                .executionRoleArn(b.executionRoleArn)
                .jobTimeoutMinutes(b.jobTimeoutMinutes)
                .videoCapture(b.videoCapture)
                .appPackagesCleanup(b.appPackagesCleanup)
                .accountsCleanup(b.accountsCleanup)
                .skipAppResign(b.skipAppResign);
        if (!blank(b.latitude) || !blank(b.longitude)) {
            r.location(degrees("latitude", b.latitude), degrees("longitude", b.longitude));
        }
        List<String> off = values(b.radiosOff).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (!off.isEmpty()) {
            for (String radio : off) {
                if (!RADIOS.contains(radio)) {
                    throw new InvalidInputException("radiosOff", "'" + radio + "' is not a radio", "Use some of wifi, bluetooth, nfc, gps");
                }
            }
            r.radios(!off.contains("wifi"), !off.contains("bluetooth"), !off.contains("nfc"), !off.contains("gps"));
        }
        if (!blank(b.deviceProxy)) {
            String proxy = b.deviceProxy.strip();
            int colon = proxy.lastIndexOf(':');
            Integer port = null;
            try {
                port = colon < 0 ? null : Integer.valueOf(proxy.substring(colon + 1));
            } catch (NumberFormatException e) {
                // said below
            }
            if (port == null) {
                throw new InvalidInputException("deviceProxy", "'" + proxy + "' is not HOST:PORT", "Write e.g. proxy.example.com:8080");
            }
            r.deviceProxy(proxy.substring(0, colon), port);
        }
        return r;
    }

    /** The file given for {@code field}, or null. */
    Input input(String field) {
        return inputs.stream().filter(i -> i.field().equals(field)).findFirst().orElse(null);
    }

    /** The inputs of the auxiliary apps, in order. */
    List<Input> auxiliaryApps() {
        return inputs.stream().filter(i -> i.field().startsWith("auxiliaryApps")).toList();
    }

    private String arn(String field, Function<Input, String> uploadArn) {
        Input i = input(field);
        return i == null ? null : uploadArn.apply(i);
    }

    private static List<Input> inputs(Builder b, TestType testType) {
        List<Input> inputs = new ArrayList<>();
        boolean web = testType.toString().startsWith("APPIUM_WEB_");
        if (!blank(b.app)) {
            inputs.add(input("app", b.app, UploadFinder.isArn(b.app) ? null : web ? UploadType.WEB_APP : UploadTypes.forApp("app", b.app)));
        }
        if (!blank(b.testPackage)) {
            inputs.add(input("testPackage", b.testPackage, UploadTypes.testPackage("testPackage", testType)));
        }
        if (!blank(b.testSpec)) {
            inputs.add(input("testSpec", b.testSpec, UploadTypes.testSpec("testSpec", testType)));
        }
        if (!blank(b.extraData)) {
            inputs.add(input("extraData", b.extraData, UploadTypes.extraData()));
        }
        List<String> aux = lines(b.auxiliaryApps);
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

    /** {@code ATTRIBUTE OPERATOR value[,value...]}, one filter a line; the core checks attribute, operator and values. */
    private static List<DeviceFilterSpec> filters(String text) {
        List<DeviceFilterSpec> filters = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw new InvalidInputException("deviceFilters", "'" + shorten(line) + "' is not ATTRIBUTE OPERATOR VALUES",
                        "Write e.g. PLATFORM EQUALS ANDROID, or OS_VERSION GREATER_THAN_OR_EQUALS 13");
            }
            filters.add(new DeviceFilterSpec(parts[0], parts[1],
                    Arrays.stream(parts[2].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
        }
        return List.copyOf(filters);
    }

    /** {@code NAME=VALUE}, one pair a line. */
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

    /** Decimal degrees, or null when blank (the core says which of the two is missing). */
    private static Double degrees(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + shorten(value.strip()) + "' is not a number", "Use decimal degrees, e.g. 47.6062");
        }
    }

    private static Duration validTimeout(int minutes) {
        if (minutes < 1) {
            throw new InvalidInputException("timeoutMinutes", "must be at least 1, not " + minutes, "Leave it out to wait as long as the run takes");
        }
        return WatchOptions.validTimeout(Duration.ofMinutes(minutes));
    }

    /** Non-blank lines. */
    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Values separated by line breaks or commas (names, ARNs and artifact types hold neither). */
    public static List<String> values(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The step's fields after {@code ${VAR}} expansion; {@link #build()} checks them. */
    public static final class Builder implements Serializable {
        private static final long serialVersionUID = 1L;

        public String projectArn;
        public String name;
        public String testType;
        public String app;
        public String testPackage;
        public String testSpec;
        public String extraData;
        public String auxiliaryApps;
        public String devicePool;
        public String deviceFilters;
        public Integer maxDevices;
        public String testFilter;
        public String testParameters;
        public String environmentVariables;
        public Integer jobTimeoutMinutes;
        public Integer timeoutMinutes;
        public Boolean videoCapture;
        public Boolean appPackagesCleanup;
        public Boolean accountsCleanup;
        public Boolean skipAppResign;
        public String locale;
        public String latitude;
        public String longitude;
        public String radiosOff;
        public String deviceProxy;
        public String networkProfileArn;
        public String vpceConfigurationArns;
        public String iosArtifactPaths;
        public String androidArtifactPaths;
        public String deviceHostArtifactPaths;
        public String billingMethod;
        public String executionRoleArn;
        public String artifacts;
        public boolean publishTests = true;
        public boolean archive;
        public boolean keepUploads;
        public boolean waitForRun = true;
        public boolean preflight;
        public boolean setBuildResult = true;
        /** The build result of each Device Farm result (checked already: it is built from the step's text). */
        public ResultPolicy policy = ResultPolicy.defaults();

        public RunSpec build() {
            return new RunSpec(this);
        }
    }
}
