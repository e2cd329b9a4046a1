package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.DeviceAttribute;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilter;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilterAttribute;
import software.amazon.awssdk.services.devicefarm.model.DevicePoolCompatibilityResult;
import software.amazon.awssdk.services.devicefarm.model.EnvironmentVariable;
import software.amazon.awssdk.services.devicefarm.model.GetDevicePoolCompatibilityResponse;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.RuleOperator;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunRequest;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class ScheduleRunTest extends SimulatorFixture {
    private String iosPool;
    private String app;
    private String tests;
    private String spec;

    @BeforeEach
    void uploads() {
        iosPool = simulator.devicePoolArns().get(1);
        app = uploaded("app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        tests = uploaded("tests.zip", UploadType.APPIUM_JAVA_TESTNG_TEST_PACKAGE, SampleFiles.zip("Test.class"));
        spec = uploaded("spec.yml", UploadType.APPIUM_JAVA_TESTNG_TEST_SPEC, SampleFiles.testSpec());
    }

    private Run schedule(Consumer<ScheduleRunRequest.Builder> more) {
        return client.scheduleRun(r -> {
            r.projectArn(project).name("full").devicePoolArn(androidPool).appArn(app)
                    .test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testPackageArn(tests).testSpecArn(spec));
            more.accept(r);
        }).run();
    }

    @Test
    void everyFieldIsAcceptedAndEchoedOnTheRun() {
        String data = uploaded("data.zip", UploadType.EXTERNAL_DATA, SampleFiles.zip("fixtures.json"));
        String helper = uploaded("helper.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        Run run = schedule(r -> r
                .test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testPackageArn(tests).testSpecArn(spec)
                        .filter("LoginTest").parameters(java.util.Map.of("appium_version", "2.0")))
                .configuration(c -> c.extraDataPackageArn(data).locale("de_DE")
                        .networkProfileArn("arn:aws:devicefarm:us-west-2::networkprofile:00000000-0000-0000-0000-000000000001")
                        .location(l -> l.latitude(52.52).longitude(13.405))
                        .radios(x -> x.wifi(true).bluetooth(true).nfc(false).gps(false))
                        .auxiliaryApps(helper).billingMethod("UNMETERED")
                        .vpceConfigurationArns("arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:abc")
                        .deviceProxy(p -> p.host("proxy.example.com").port(3128))
                        .customerArtifactPaths(p -> p.androidPaths("/sdcard/reports").deviceHostPaths("$WORKING_DIRECTORY"))
                        .environmentVariables(EnvironmentVariable.builder().name("API_URL").value("https://staging").build())
                        .executionRoleArn("arn:aws:iam::123456789012:role/DeviceFarmRun"))
                .executionConfiguration(e -> e.jobTimeoutMinutes(30).accountsCleanup(true).appPackagesCleanup(true)
                        .videoCapture(false).skipAppResign(true)));
        Run got = getRun(run.arn());
        assertThat(got.appUpload()).isEqualTo(app);
        assertThat(got.testSpecArn()).isEqualTo(spec);
        assertThat(got.locale()).isEqualTo("de_DE");
        assertThat(got.location().latitude()).isEqualTo(52.52);
        assertThat(got.radios().nfc()).isFalse();
        assertThat(got.radios().bluetooth()).isTrue();
        assertThat(got.billingMethodAsString()).isEqualTo("UNMETERED");
        assertThat(got.deviceProxy().port()).isEqualTo(3128);
        assertThat(got.customerArtifactPaths().androidPaths()).containsExactly("/sdcard/reports");
        assertThat(got.environmentVariables()).extracting(EnvironmentVariable::name).containsExactly("API_URL");
        assertThat(got.executionRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/DeviceFarmRun");
        assertThat(got.jobTimeoutMinutes()).isEqualTo(30);
        assertThat(got.skipAppResign()).isTrue();
        assertThat(got.networkProfile().arn()).endsWith("networkprofile:00000000-0000-0000-0000-000000000001");
        assertThat(got.devicePoolArn()).isEqualTo(androidPool);
        assertThat(got.totalJobs()).isEqualTo(2);
    }

    @Test
    void anUnnamedRunIsNamedAfterItsApp() {
        Run run = client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool).appArn(app)
                .test(t -> t.type(TestType.BUILTIN_FUZZ))).run();
        assertThat(run.name()).isEqualTo("app.apk");
    }

    @Test
    void poolAndSelectionAreExclusiveAndOneIsRequired() {
        assertArgument(r -> r.deviceSelectionConfiguration(s -> s.maxDevices(1).filters(
                filter(DeviceFilterAttribute.PLATFORM, RuleOperator.EQUALS, "ANDROID"))), "not both");
        assertArgument(r -> r.devicePoolArn(null), "devicePoolArn or deviceSelectionConfiguration");
    }

    @Test
    void unknownUploadsAndPoolsAreNotFound() {
        String missing = app.substring(0, app.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";
        for (Consumer<ScheduleRunRequest.Builder> bad : List.<Consumer<ScheduleRunRequest.Builder>>of(
                r -> r.appArn(missing),
                r -> r.test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testPackageArn(missing)),
                r -> r.test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testSpecArn(missing)),
                r -> r.configuration(c -> c.extraDataPackageArn(missing)),
                r -> r.configuration(c -> c.auxiliaryApps(missing)),
                r -> r.devicePoolArn("arn:aws:devicefarm:us-west-2::devicepool:00000000-0000-0000-0000-000000000000"))) {
            assertThatThrownBy(() -> schedule(bad)).isInstanceOf(NotFoundException.class);
        }
        assertThat(client.listRuns(r -> r.arn(project)).runs()).isEmpty();
        String otherProject = simulator.projectArns().get(1);
        assertThatThrownBy(() -> client.scheduleRun(r -> r.projectArn(otherProject).devicePoolArn(androidPool).appArn(app)
                .test(t -> t.type(TestType.BUILTIN_FUZZ)))).isInstanceOf(NotFoundException.class).hasMessageContaining("Demo Web");
    }

    @Test
    void uploadsNotYetProcessedAreMissingOrUnprocessedResources() throws Exception {
        String fresh = client.createUpload(r -> r.projectArn(project).name("new.apk").type(UploadType.ANDROID_APP)).upload().arn();
        assertArgument(r -> r.appArn(fresh), "Missing or unprocessed resources");
        var processing = client.createUpload(r -> r.projectArn(project).name("next.apk").type(UploadType.ANDROID_APP)).upload();
        put(processing.url(), SampleFiles.apk(), null);
        assertArgument(r -> r.appArn(processing.arn()), "Missing or unprocessed resources");
        var bad = client.createUpload(r -> r.projectArn(project).name("bad.apk").type(UploadType.ANDROID_APP)).upload();
        put(bad.url(), "not an apk".getBytes(), null);
        advance(60);
        assertArgument(r -> r.appArn(bad.arn()), "Missing or unprocessed resources");
        schedule(r -> r.appArn(processing.arn())); // processed by now
    }

    @Test
    void uploadTypesMustFitTheTestType() {
        String nodeTests = uploaded("node.zip", UploadType.APPIUM_NODE_TEST_PACKAGE, SampleFiles.zip("index.js"));
        String ipa = uploaded("app.ipa", UploadType.IOS_APP, SampleFiles.ipa());
        String web = uploaded("web.zip", UploadType.WEB_APP, SampleFiles.zip("index.html"));
        assertArgument(r -> r.test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testPackageArn(nodeTests)), "APPIUM_JAVA_TESTNG_TEST_PACKAGE");
        assertArgument(r -> r.test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testSpecArn(tests)), "APPIUM_JAVA_TESTNG_TEST_SPEC");
        assertArgument(r -> r.test(t -> t.type(TestType.BUILTIN_FUZZ).testPackageArn(tests)), "takes no such upload");
        assertArgument(r -> r.appArn(ipa).devicePoolArn(iosPool).test(t -> t.type(TestType.XCTEST).testSpecArn(spec)),
                "takes no such upload");
        assertArgument(r -> r.appArn(tests), "not an app");
        assertArgument(r -> r.configuration(c -> c.extraDataPackageArn(app)), "EXTERNAL_DATA");
        assertArgument(r -> r.configuration(c -> c.auxiliaryApps(tests)), "not an app");
        // the app's platform must fit the test type, and a web app only a web test
        assertArgument(r -> r.devicePoolArn(iosPool).appArn(ipa).test(t -> t.type(TestType.INSTRUMENTATION)), "ANDROID");
        assertArgument(r -> r.appArn(app).test(t -> t.type(TestType.XCTEST_UI)), "IOS");
        assertArgument(r -> r.appArn(web).test(t -> t.type(TestType.BUILTIN_FUZZ)), "WEB_APP");
        assertArgument(r -> r.appArn(app).test(t -> t.type(TestType.APPIUM_WEB_PYTHON)), "ANDROID_APP");
        assertArgument(r -> r.test(t -> t.type("CALABASH")), "test.type");
        assertArgument(r -> r.test(t -> t.type((String) null)), "test.type");
    }

    @Test
    void anAppThatFitsNoDeviceOfThePoolSchedulesNothing() {
        assertArgument(r -> r.devicePoolArn(iosPool), "None of the 2 devices is compatible");
        String ipa = uploaded("app.ipa", UploadType.IOS_APP, SampleFiles.ipa());
        Run ios = schedule(r -> r.devicePoolArn(iosPool).appArn(ipa).test(t -> t.type(TestType.BUILTIN_FUZZ)));
        assertThat(ios.totalJobs()).isEqualTo(2);
        assertThat(ios.platformAsString()).isEqualTo("IOS");
    }

    @Test
    void devicesBelowTheAppsMinimumOsAreLeftOut() {
        String newApp = uploaded("app-android15.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        simulator.scenario().prependUploadScript(new UploadScript("needs14", 0, "SUCCEEDED", null, null, "14"));
        String app14 = uploaded("app-needs14.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        Run run = schedule(r -> r.appArn(app14));
        List<Job> jobs = client.listJobs(j -> j.arn(run.arn())).jobs();
        assertThat(jobs).extracting(Job::name).containsExactly("Google Pixel 8");
        assertArgument(r -> r.appArn(newApp), "below the app's minimum of 15");
    }

    @Test
    void aDeviceSelectionRunsOnTheMatchingDevicesUpToMaxDevices() {
        Run run = schedule(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(5).filters(
                filter(DeviceFilterAttribute.PLATFORM, RuleOperator.EQUALS, "ANDROID"),
                filter(DeviceFilterAttribute.OS_VERSION, RuleOperator.GREATER_THAN_OR_EQUALS, "13"))));
        Run got = getRun(run.arn());
        assertThat(got.devicePoolArn()).isNull();
        assertThat(got.deviceSelectionResult().matchedDevicesCount()).isEqualTo(2);
        assertThat(got.deviceSelectionResult().maxDevices()).isEqualTo(5);
        assertThat(got.deviceSelectionResult().filters()).hasSize(2);
        assertThat(got.totalJobs()).isEqualTo(2);

        Run one = schedule(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(1).filters(
                filter(DeviceFilterAttribute.MANUFACTURER, RuleOperator.IN, "Google", "Samsung"))));
        assertThat(one.totalJobs()).isEqualTo(1);
        Run samsung = schedule(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(3).filters(
                filter(DeviceFilterAttribute.MODEL, RuleOperator.CONTAINS, "galaxy"),
                filter(DeviceFilterAttribute.OS_VERSION, RuleOperator.LESS_THAN, "14"))));
        assertThat(client.listJobs(j -> j.arn(samsung.arn())).jobs()).extracting(Job::name).containsExactly("Samsung Galaxy S23");
        Run notPixel = schedule(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(3).filters(
                filter(DeviceFilterAttribute.ARN, RuleOperator.NOT_IN, PIXEL))));
        assertThat(notPixel.totalJobs()).as("the iOS devices of the match cannot run an APK").isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PLATFORM|IN|ANDROID,IOS|PLATFORM takes",
        "PLATFORM|EQUALS|ANDROID,IOS|exactly one value",
        "OS_VERSION|GREATER_THAN|13,14|exactly one value",
        "PLATFORM|EQUALS|WINDOWS|not one of",
        "FORM_FACTOR|EQUALS|WATCH|not one of",
        "INSTANCE_LABELS|EQUALS|x|INSTANCE_LABELS takes",
        "MODEL|GREATER_THAN|x|MODEL takes",
        "AVAILABILITY|EQUALS|SOMETIMES|not one of",
    })
    void filtersAreCheckedAsDeviceFarmChecksThem(String attribute, String operator, String values, String message) {
        assertArgument(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(2).filters(
                DeviceFilter.builder().attribute(attribute).operator(operator).values(values.split(",")).build())), message);
    }

    @Test
    void selectionNeedsMaxDevicesValuesAndAMatch() {
        assertArgument(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.filters(
                filter(DeviceFilterAttribute.PLATFORM, RuleOperator.EQUALS, "ANDROID"))), "maxDevices");
        assertArgument(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(0).filters(
                filter(DeviceFilterAttribute.PLATFORM, RuleOperator.EQUALS, "ANDROID"))), "maxDevices");
        assertArgument(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(2).filters(
                DeviceFilter.builder().attribute("PLATFORM").operator("EQUALS").build())), "values");
        assertArgument(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(2).filters(
                filter(DeviceFilterAttribute.OS_VERSION, RuleOperator.GREATER_THAN, "99"))), "No device matches");
        assertArgument(r -> r.devicePoolArn(null).deviceSelectionConfiguration(s -> s.maxDevices(2).filters(
                filter(DeviceFilterAttribute.INSTANCE_ARN, RuleOperator.EQUALS, "x"))), "No device matches");
    }

    @Test
    void configurationValuesAreChecked() {
        assertArgument(r -> r.configuration(c -> c.locale("german")), "configuration.locale");
        assertArgument(r -> r.configuration(c -> c.location(l -> l.latitude(91.0).longitude(0.0))), "latitude");
        assertArgument(r -> r.configuration(c -> c.location(l -> l.latitude(0.0))), "longitude");
        assertArgument(r -> r.configuration(c -> c.deviceProxy(p -> p.host("proxy").port(70000))), "port");
        assertArgument(r -> r.configuration(c -> c.deviceProxy(p -> p.port(8080))), "host");
        assertArgument(r -> r.configuration(c -> c.billingMethod("FREE")), "billingMethod");
        assertArgument(r -> r.configuration(c -> c.executionRoleArn("arn:aws:iam::123456789012:user/bob")), "executionRoleArn");
        assertArgument(r -> r.configuration(c -> c.networkProfileArn("arn:aws:devicefarm:us-west-2::devicepool:x")), "networkProfileArn");
        assertArgument(r -> r.configuration(c -> c.vpceConfigurationArns("arn:aws:devicefarm:us-west-2:123456789012:project:x")),
                "vpceConfigurationArns");
        assertArgument(r -> r.executionConfiguration(e -> e.jobTimeoutMinutes(151)), "jobTimeoutMinutes");
        assertArgument(r -> r.executionConfiguration(e -> e.jobTimeoutMinutes(0)), "jobTimeoutMinutes");
        assertArgument(r -> r.name("n".repeat(257)), "name");
    }

    @Test
    void environmentVariablesAreOneToThirtyTwoUniqueNames() {
        List<EnvironmentVariable> many = IntStream.range(0, 33)
                .mapToObj(i -> EnvironmentVariable.builder().name("V" + i).value("x").build()).toList();
        assertArgument(r -> r.configuration(c -> c.environmentVariables(many)), "from 1 to 32");
        schedule(r -> r.configuration(c -> c.environmentVariables(many.subList(0, 32))));
        assertArgument(r -> r.configuration(c -> c.environmentVariables(List.of())), "from 1 to 32");
        assertArgument(r -> r.configuration(c -> c.environmentVariables(var("A", "1"), var("A", "2"))), "twice");
        assertArgument(r -> r.configuration(c -> c.environmentVariables(var("1ABC", "1"))), "not a variable name");
        assertArgument(r -> r.configuration(c -> c.environmentVariables(var("A", null))), "value");
    }

    @Test
    void getDevicePoolAnswersThePool() {
        var pool = client.getDevicePool(r -> r.arn(androidPool)).devicePool();
        assertThat(pool.name()).isEqualTo("Top Android Devices");
        assertThat(pool.maxDevices()).isEqualTo(2);
        assertThatThrownBy(() -> client.getDevicePool(r -> r.arn(androidPool.replace("082d", "0000"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.getDevicePool(r -> r.arn(project))).isInstanceOf(ArgumentException.class);
    }

    @Test
    void compatibilityListsEachDeviceWithItsReasons() {
        simulator.scenario().prependUploadScript(new UploadScript("needs14", 0, "SUCCEEDED", null, null, "14"));
        String app14 = uploaded("app-needs14.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        GetDevicePoolCompatibilityResponse android = client.getDevicePoolCompatibility(r -> r.devicePoolArn(androidPool)
                .appArn(app14).test(t -> t.type(TestType.APPIUM_JAVA_TESTNG)));
        assertThat(android.compatibleDevices()).extracting(c -> c.device().name()).containsExactly("Google Pixel 8");
        DevicePoolCompatibilityResult s23 = android.incompatibleDevices().get(0);
        assertThat(s23.device().name()).isEqualTo("Samsung Galaxy S23");
        assertThat(s23.compatible()).isFalse();
        assertThat(s23.incompatibilityMessages().get(0).type()).isEqualTo(DeviceAttribute.OS_VERSION);
        assertThat(s23.incompatibilityMessages().get(0).message()).contains("13").contains("14");

        GetDevicePoolCompatibilityResponse ios = client.getDevicePoolCompatibility(r -> r.devicePoolArn(iosPool).appArn(app)
                .testType(TestType.BUILTIN_FUZZ));
        assertThat(ios.compatibleDevices()).isEmpty();
        assertThat(ios.incompatibleDevices()).hasSize(2).allSatisfy(c -> assertThat(c.incompatibilityMessages())
                .extracting(m -> m.type()).containsExactly(DeviceAttribute.PLATFORM));

        GetDevicePoolCompatibilityResponse byTestType = client.getDevicePoolCompatibility(r -> r.devicePoolArn(iosPool)
                .test(t -> t.type(TestType.XCTEST)));
        assertThat(byTestType.compatibleDevices()).hasSize(2);

        String fresh = client.createUpload(r -> r.projectArn(project).name("new.apk").type(UploadType.ANDROID_APP)).upload().arn();
        assertThatThrownBy(() -> client.getDevicePoolCompatibility(r -> r.devicePoolArn(androidPool).appArn(fresh)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("Missing or unprocessed resources");
        assertThatThrownBy(() -> client.getDevicePoolCompatibility(r -> r.devicePoolArn(androidPool).appArn(tests)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("not an app");
        assertThatThrownBy(() -> client.getDevicePoolCompatibility(r -> r.devicePoolArn(androidPool.replace("082d", "0000"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDemoShortcutStillSchedulesOnTheFirstPool() throws Exception {
        var answer = RawHttp.call(simulator.endpoint(), "x", "", null); // not signed: refused
        assertThat(answer.statusCode()).isEqualTo(403);
        var shortcut = HTTP.send(java.net.http.HttpRequest.newBuilder(simulator.endpoint().resolve("/_simulator/schedule-run?name=demo"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(shortcut.statusCode()).isEqualTo(200);
        assertThat(getRun(shortcut.body().strip()).devicePoolArn()).isEqualTo(androidPool);
    }

    private void assertArgument(Consumer<ScheduleRunRequest.Builder> bad, String message) {
        assertThatThrownBy(() -> schedule(bad)).isInstanceOf(ArgumentException.class).hasMessageContaining(message);
    }

    private static DeviceFilter filter(DeviceFilterAttribute attribute, RuleOperator operator, String... values) {
        return DeviceFilter.builder().attribute(attribute).operator(operator).values(values).build();
    }

    private static EnvironmentVariable var(String name, String value) {
        return EnvironmentVariable.builder().name(name).value(value).build();
    }
}
