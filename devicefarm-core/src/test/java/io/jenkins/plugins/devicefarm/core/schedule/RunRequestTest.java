package io.jenkins.plugins.devicefarm.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilterAttribute;
import software.amazon.awssdk.services.devicefarm.model.RuleOperator;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunRequest;
import software.amazon.awssdk.services.devicefarm.model.TestType;

class RunRequestTest {
    static final String PROJECT = "arn:aws:devicefarm:us-west-2:123456789012:project:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10";
    static final String UPLOAD = "arn:aws:devicefarm:us-west-2:123456789012:upload:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10/";
    static final String POOL = "arn:aws:devicefarm:us-west-2::devicepool:082d10e5-d7d7-48a5-ba5c-b33d66efa1f5";
    static final DeviceFarmArn POOL_ARN = DeviceFarmArn.parse("p", POOL, ArnKind.DEVICE_POOL);

    static RunRequest valid() {
        return new RunRequest(PROJECT, "appium_java_testng").name("nightly").app(UPLOAD + "app")
                .testPackage(UPLOAD + "tests").devicePool("Top Android Devices");
    }

    @Test
    void everyFieldReachesTheSdkRequest() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("API_URL", "https://staging.example.com");
        env.put("_DEBUG", "1");
        ScheduleRunRequest r = valid().testSpec(UPLOAD + "spec").testFilter(" LoginTest ").testParameters(Map.of("k", "v"))
                .extraData(UPLOAD + "data").auxiliaryApps(List.of(UPLOAD + "helper")).locale("de_DE").location(52.5, 13.4)
                .radios(true, false, null, false).billingMethod("unmetered")
                .networkProfileArn("arn:aws:devicefarm:us-west-2::networkprofile:0000")
                .vpceConfigurationArns(List.of("arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:abc"))
                .deviceProxy("proxy.example.com", 3128).customerArtifactPaths(List.of("/tmp/ios"), List.of("/sdcard/out"), List.of("$DEVICEFARM_LOG_DIR"))
                .environmentVariables(env).executionRoleArn("arn:aws:iam::123456789012:role/DeviceFarmTests")
                .jobTimeoutMinutes(30).accountsCleanup(true).appPackagesCleanup(false).videoCapture(false).skipAppResign(true)
                .toSdkRequest(POOL_ARN, "nightly [1234abcd]");
        assertThat(r.projectArn()).isEqualTo(PROJECT);
        assertThat(r.name()).isEqualTo("nightly [1234abcd]");
        assertThat(r.appArn()).isEqualTo(UPLOAD + "app");
        assertThat(r.devicePoolArn()).isEqualTo(POOL);
        assertThat(r.deviceSelectionConfiguration()).isNull();
        assertThat(r.test().type()).isEqualTo(TestType.APPIUM_JAVA_TESTNG);
        assertThat(r.test().testPackageArn()).isEqualTo(UPLOAD + "tests");
        assertThat(r.test().testSpecArn()).isEqualTo(UPLOAD + "spec");
        assertThat(r.test().filter()).isEqualTo("LoginTest");
        assertThat(r.test().parameters()).containsEntry("k", "v");
        var c = r.configuration();
        assertThat(c.extraDataPackageArn()).isEqualTo(UPLOAD + "data");
        assertThat(c.auxiliaryApps()).containsExactly(UPLOAD + "helper");
        assertThat(c.locale()).isEqualTo("de_DE");
        assertThat(c.location().latitude()).isEqualTo(52.5);
        assertThat(c.radios().wifi()).isTrue();
        assertThat(c.radios().bluetooth()).isFalse();
        assertThat(c.radios().nfc()).as("unset radios stay on").isTrue();
        assertThat(c.billingMethod()).isEqualTo(BillingMethod.UNMETERED);
        assertThat(c.networkProfileArn()).endsWith("networkprofile:0000");
        assertThat(c.vpceConfigurationArns()).hasSize(1);
        assertThat(c.deviceProxy().port()).isEqualTo(3128);
        assertThat(c.customerArtifactPaths().androidPaths()).containsExactly("/sdcard/out");
        assertThat(c.customerArtifactPaths().deviceHostPaths()).containsExactly("$DEVICEFARM_LOG_DIR");
        assertThat(c.environmentVariables()).extracting(e -> e.name() + "=" + e.value())
                .containsExactly("API_URL=https://staging.example.com", "_DEBUG=1");
        assertThat(c.executionRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/DeviceFarmTests");
        var e = r.executionConfiguration();
        assertThat(e.jobTimeoutMinutes()).isEqualTo(30);
        assertThat(e.accountsCleanup()).isTrue();
        assertThat(e.appPackagesCleanup()).isFalse();
        assertThat(e.videoCapture()).isFalse();
        assertThat(e.skipAppResign()).isTrue();
    }

    @Test
    void deviceFiltersBecomeADeviceSelection() {
        ScheduleRunRequest r = valid().devicePool(null).maxDevices(5).deviceFilters(List.of(
                new DeviceFilterSpec("platform", "equals", List.of("android")),
                new DeviceFilterSpec("OS_VERSION", "GREATER_THAN_OR_EQUALS", List.of("13")),
                new DeviceFilterSpec("MANUFACTURER", "IN", List.of("Google", "Samsung"))))
                .toSdkRequest(null, "n");
        assertThat(r.devicePoolArn()).isNull();
        assertThat(r.deviceSelectionConfiguration().maxDevices()).isEqualTo(5);
        var filters = r.deviceSelectionConfiguration().filters();
        assertThat(filters.get(0).attribute()).isEqualTo(DeviceFilterAttribute.PLATFORM);
        assertThat(filters.get(0).operator()).isEqualTo(RuleOperator.EQUALS);
        assertThat(filters.get(0).values()).containsExactly("ANDROID");
        assertThat(filters.get(2).values()).containsExactly("Google", "Samsung");
    }

    @Test
    void everyProblemIsFoundAtOnceEachNamingItsField() {
        List<InvalidInputException> problems = new RunRequest("not-an-arn", "CALABASH").devicePool("p").maxDevices(3)
                .locale("german").jobTimeoutMinutes(0).problems();
        assertThat(problems).extracting(InvalidInputException::getField)
                .containsExactly("projectArn", "testType", "maxDevices", "locale", "jobTimeoutMinutes");
        assertThat(problems.get(1).getMessage()).startsWith("testType: 'CALABASH' is not a test type. Use one of ");
        assertThatThrownBy(() -> new RunRequest("not-an-arn", "CALABASH").validate()).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("projectArn: ");
        assertThat(valid().problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "noApp|app|is required for APPIUM_JAVA_TESTNG",
        "noPackage|testPackage|is required for APPIUM_JAVA_TESTNG",
        "badApp|app|is the ARN of a project",
        "badSpec|testSpec|'spec.yml' is not an ARN",
        "poolAndFilters|devicePool|and deviceFilters are both given",
        "neither|devicePool|is empty",
        "badPoolArn|devicePool|is the ARN of an upload",
        "filtersWithoutMax|maxDevices|is required with deviceFilters",
        "maxWithoutFilters|maxDevices|only applies to deviceFilters",
        "badAttribute|deviceFilters[0].attribute|'COLOR' is not a device filter attribute",
        "badOperator|deviceFilters[0].operator|PLATFORM takes EQUALS, not 'IN'",
        "twoValues|deviceFilters[0].values|GREATER_THAN takes exactly one value, got 2",
        "noValues|deviceFilters[0].values|is empty",
        "badValue|deviceFilters[0].values|'WATCH' is not a value of FORM_FACTOR",
        "emptyParameter|testParameters|has an empty name",
        "badExtraData|extraData|is not an ARN",
        "badAux|auxiliaryApps|is the ARN of a device pool",
        "badLocale|locale|'en-US' is not a locale",
        "latitudeOnly|longitude|is missing",
        "badLatitude|latitude|must be from -90 to 90",
        "badLongitude|longitude|must be from -180 to 180",
        "badBilling|billingMethod|'FREE' is not a billing method",
        "badNetwork|networkProfileArn|is the ARN of a device pool",
        "badVpce|vpceConfigurationArns|is the ARN of a project",
        "proxyHostOnly|deviceProxyPort|is missing",
        "badProxyPort|deviceProxyPort|must be from 1 to 65535",
        "emptyArtifactPath|customerArtifactPaths|has an empty path",
        "tooManyVariables|environmentVariables|has 33 variables",
        "badVariableName|environmentVariables|'1X' is not a variable name",
        "nullVariable|environmentVariables|X has no value",
        "badRole|executionRoleArn|is not an IAM role ARN",
        "longTimeout|jobTimeoutMinutes|must be from 1 to 150, was 151",
        "longName|name|must be at most 256 printable characters",
    })
    void eachBadFieldIsNamed(String what, String field, String problem) {
        List<InvalidInputException> problems = bad(what).apply(valid()).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).getField()).isEqualTo(field);
        assertThat(problems.get(0).getMessage()).startsWith(field + ": ").contains(problem);
    }

    @Test
    void fuzzAndWebTestsNeedLess() {
        assertThat(new RunRequest(PROJECT, "BUILTIN_FUZZ").app(UPLOAD + "app").devicePool(POOL).problems()).isEmpty();
        assertThat(new RunRequest(PROJECT, "APPIUM_WEB_PYTHON").testPackage(UPLOAD + "t").devicePool(POOL).problems()).isEmpty();
    }

    private static UnaryOperator<RunRequest> bad(String what) {
        Map<String, String> many = new LinkedHashMap<>();
        IntStream.range(0, 33).forEach(i -> many.put("V" + i, "x"));
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("X", null);
        return switch (what) {
            case "noApp" -> r -> r.app(" ");
            case "noPackage" -> r -> r.testPackage(null);
            case "badApp" -> r -> r.app(PROJECT);
            case "badSpec" -> r -> r.testSpec("spec.yml");
            case "poolAndFilters" -> r -> r.deviceFilters(List.of(new DeviceFilterSpec("PLATFORM", "EQUALS", List.of("IOS")))).maxDevices(1);
            case "neither" -> r -> r.devicePool("");
            case "badPoolArn" -> r -> r.devicePool(UPLOAD + "x");
            case "filtersWithoutMax" -> r -> r.devicePool(null).deviceFilters(List.of(new DeviceFilterSpec("PLATFORM", "EQUALS", List.of("IOS"))));
            case "maxWithoutFilters" -> r -> r.maxDevices(2);
            case "badAttribute" -> filter("COLOR", "EQUALS", "red");
            case "badOperator" -> filter("PLATFORM", "IN", "IOS");
            case "twoValues" -> filter("OS_VERSION", "GREATER_THAN", "13", "14");
            case "noValues" -> filter("OS_VERSION", "GREATER_THAN");
            case "badValue" -> filter("FORM_FACTOR", "EQUALS", "WATCH");
            case "emptyParameter" -> r -> r.testParameters(Map.of(" ", "v"));
            case "badExtraData" -> r -> r.extraData("data.zip");
            case "badAux" -> r -> r.auxiliaryApps(List.of(POOL));
            case "badLocale" -> r -> r.locale("en-US");
            case "latitudeOnly" -> r -> r.location(1.0, null);
            case "badLatitude" -> r -> r.location(91.0, 0.0);
            case "badLongitude" -> r -> r.location(0.0, -181.0);
            case "badBilling" -> r -> r.billingMethod("FREE");
            case "badNetwork" -> r -> r.networkProfileArn(POOL);
            case "badVpce" -> r -> r.vpceConfigurationArns(List.of(PROJECT));
            case "proxyHostOnly" -> r -> r.deviceProxy("proxy", null);
            case "badProxyPort" -> r -> r.deviceProxy("proxy", 0);
            case "emptyArtifactPath" -> r -> r.customerArtifactPaths(List.of(), List.of(" "), List.of());
            case "tooManyVariables" -> r -> r.environmentVariables(many);
            case "badVariableName" -> r -> r.environmentVariables(Map.of("1X", "v"));
            case "nullVariable" -> r -> r.environmentVariables(nullValue);
            case "badRole" -> r -> r.executionRoleArn("arn:aws:iam::123456789012:user/bob");
            case "longTimeout" -> r -> r.jobTimeoutMinutes(151);
            case "longName" -> r -> r.name("n".repeat(257));
            default -> throw new IllegalArgumentException(what);
        };
    }

    private static UnaryOperator<RunRequest> filter(String attribute, String operator, String... values) {
        return r -> r.devicePool(null).maxDevices(2).deviceFilters(List.of(new DeviceFilterSpec(attribute, operator, List.of(values))));
    }
}
