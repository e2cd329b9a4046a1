package io.jenkins.plugins.devicefarm.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.upload.TestUploads;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import io.jenkins.plugins.devicefarm.simulator.UploadScript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class RunSchedulerTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final RunScheduler scheduler = new RunScheduler(f.client, f.watcher);
    private String app;
    private String tests;

    @BeforeEach
    void uploads() throws Exception {
        app = TestUploads.upload(f, "app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        tests = TestUploads.upload(f, "tests.zip", UploadType.APPIUM_JAVA_TESTNG_TEST_PACKAGE, SampleFiles.zip("T.class"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private RunRequest request() {
        return new RunRequest(f.project(), "APPIUM_JAVA_TESTNG").name("nightly").app(app).testPackage(tests)
                .devicePool("Top Android Devices");
    }

    private List<Run> runs() {
        return f.client.listRunsPaginator(r -> r.arn(f.project())).runs().stream().toList();
    }

    @Test
    void aPoolGivenByNameIsResolvedAndTheRunCarriesWhatWasAsked() {
        Run run = Await.result(scheduler.schedule(request().environmentVariables(Map.of("API_URL", "https://staging"))
                .jobTimeoutMinutes(20).locale("fr_FR")));
        assertThat(run.name()).matches("nightly \\[[0-9a-f]{8}\\]");
        assertThat(run.devicePoolArn()).isEqualTo(f.sim.devicePoolArns().get(0));
        assertThat(run.totalJobs()).isEqualTo(2);
        assertThat(run.jobTimeoutMinutes()).isEqualTo(20);
        assertThat(run.locale()).isEqualTo("fr_FR");
        assertThat(run.environmentVariables()).extracting(e -> e.name()).containsExactly("API_URL");
        assertThat(f.sim.journal().count("ScheduleRun")).isEqualTo(1);
    }

    @Test
    void anUnknownPoolNameListsThePoolsThereAre() {
        Throwable t = Await.failure(scheduler.schedule(request().devicePool("Top Windows Phones")));
        assertThat(t).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("devicePool: no device pool named 'Top Windows Phones' in project")
                .hasMessageContaining("Top Android Devices, Top iOS Devices");
        assertThat(f.sim.journal().count("ScheduleRun")).isZero();
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> scheduler.schedule(request().devicePool(null))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("devicePool: is empty");
        assertThat(f.sim.journal().entries()).extracting(e -> e.operation()).doesNotContain("ListDevicePools", "ScheduleRun");
    }

    @Test
    void deviceFiltersSelectTheDevices() {
        Run run = Await.result(scheduler.schedule(request().devicePool(null).maxDevices(5).deviceFilters(List.of(
                new DeviceFilterSpec("PLATFORM", "EQUALS", List.of("ANDROID")),
                new DeviceFilterSpec("OS_VERSION", "GREATER_THAN_OR_EQUALS", List.of("14"))))));
        assertThat(run.deviceSelectionResult().matchedDevicesCount()).isEqualTo(1);
        assertThat(f.client.listJobs(r -> r.arn(run.arn())).jobs()).extracting(Job::name).containsExactly("Google Pixel 8");
    }

    @Test
    void filtersThatMatchNoDeviceFailWithDeviceFarmsWords() {
        Throwable t = Await.failure(scheduler.schedule(request().devicePool(null).maxDevices(5).deviceFilters(List.of(
                new DeviceFilterSpec("OS_VERSION", "GREATER_THAN", List.of("99"))))));
        assertThat(t).isInstanceOf(DeviceFarmCallException.class)
                .hasMessageContaining("ScheduleRun").hasMessageContaining("ArgumentException").hasMessageContaining("No device matches");
        assertThat(runs()).isEmpty();
    }

    @Test
    void anUploadNotYetProcessedIsMissingOrUnprocessed() throws Exception {
        String fresh = f.client.createUpload(r -> r.projectArn(f.project()).name("new.apk").type(UploadType.ANDROID_APP)).upload().arn();
        Throwable t = Await.failure(scheduler.schedule(request().app(fresh)));
        assertThat(t).isInstanceOf(DeviceFarmCallException.class).hasMessageContaining("Missing or unprocessed resources");
        assertThat(((DeviceFarmCallException) t).getErrorCode()).isEqualTo("ArgumentException");
    }

    @Test
    void aLostAnswerAdoptsTheRunInsteadOfSchedulingTwice() {
        f.sim.faults().loseResponses("ScheduleRun", 1.0);
        Run run = Await.result(scheduler.schedule(request()));
        assertThat(f.sim.journal().count("ScheduleRun")).isEqualTo(1);
        assertThat(f.sim.journal().count("ListRuns")).isPositive();
        assertThat(runs()).extracting(Run::arn).containsExactly(run.arn());
    }

    @Test
    void aDroppedRequestIsSentAgainAndMakesOneRun() {
        f.sim.faults().seed(3).dropConnections("ScheduleRun", 0.6).serverErrors("ListRuns", 0.3).throttle("ScheduleRun", 0.2);
        Run run = Await.result(scheduler.schedule(request()));
        assertThat(runs()).extracting(Run::arn).containsExactly(run.arn());
    }

    @Test
    void aRunOtherwiseNamedAlikeIsNotAdopted() {
        Run other = f.client.scheduleRun(r -> r.projectArn(f.project()).devicePoolArn(f.sim.devicePoolArns().get(0))
                .name("nightly").appArn(app).test(t -> t.type("BUILTIN_FUZZ"))).run();
        f.sim.faults().loseResponses("ScheduleRun", 1.0);
        Run ours = Await.result(scheduler.schedule(request()));
        assertThat(ours.arn()).isNotEqualTo(other.arn());
        assertThat(runs()).hasSize(2);
    }

    @Test
    void preflightReportsIncompatibleDevicesAndFailsWhenNoneFits() throws Exception {
        f.sim.scenario().prependUploadScript(new UploadScript("needs14", 0, "SUCCEEDED", null, null, "14"));
        String app14 = TestUploads.upload(f, "app-needs14.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        RunRequest request = request().app(app14);
        DeviceFarmArn pool = Await.result(scheduler.pool(request));
        PoolCompatibility c = Await.result(scheduler.preflight(request, pool, false));
        assertThat(c.compatible()).containsExactly("Google Pixel 8");
        assertThat(c.describe()).isEqualTo("1 of 2 devices can run the test; Samsung Galaxy S23 (OS 13): "
                + "The device runs OS 13, below the app's minimum of 14.");
        Throwable strict = Await.failure(scheduler.preflight(request, pool, true));
        assertThat(strict).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("devicePool: 1 of 2 devices");

        DeviceFarmArn ios = DeviceFarmArn.parse("p", f.sim.devicePoolArns().get(1), ArnKind.DEVICE_POOL);
        Throwable none = Await.failure(scheduler.preflight(request, ios, false));
        assertThat(none).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("devicePool: 0 of 2 devices can run the test")
                .hasMessageContaining("Apple iPhone 15 (OS 17.4): The device runs IOS; the app needs ANDROID.");
        assertThat(f.sim.journal().count("ScheduleRun")).isZero();
    }

    @Test
    void aRunScheduledUnderAUniqueNameIsFoundByIt() {
        String name = RunScheduler.uniqueName("nightly");
        DeviceFarmArn project = DeviceFarmArn.parse("p", f.project(), ArnKind.PROJECT);
        assertThat(Await.result(scheduler.find(project, name))).isEmpty();
        DeviceFarmArn pool = Await.result(scheduler.pool(request()));
        Run run = Await.result(scheduler.schedule(request(), pool, name));
        assertThat(run.name()).isEqualTo(name);
        assertThat(Await.result(scheduler.find(project, name))).map(Run::arn).contains(run.arn());
        assertThat(Await.result(scheduler.find(project, "nightly"))).isEmpty();
    }

    @Test
    void uniqueNamesStayWithinTheLimit() {
        assertThat(RunScheduler.uniqueName("n".repeat(300))).hasSize(256).endsWith("]");
        assertThat(RunScheduler.uniqueName(null)).matches("jenkins-[0-9a-f]{8}");
        assertThat(RunScheduler.uniqueName("a")).isNotEqualTo(RunScheduler.uniqueName("a"));
    }
}
