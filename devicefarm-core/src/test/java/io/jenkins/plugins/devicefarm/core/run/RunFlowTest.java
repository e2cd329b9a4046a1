package io.jenkins.plugins.devicefarm.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.client.SharedClients;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.RecordingLedger;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.upload.StallingStream;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.Concurrency;
import io.jenkins.plugins.devicefarm.simulator.RunScript;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import io.jenkins.plugins.devicefarm.simulator.TestCounts;
import io.jenkins.plugins.devicefarm.simulator.UploadScript;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole {@code deviceFarmRun} flow, as the plugin's steps run it, on a local workspace against
 * the simulator through the real SDK: every phase, the aborts in each, the restarts, bad input.
 * The simulator's clock stands still unless a test moves it, so each phase lasts as long as a test
 * needs it to.
 */
class RunFlowTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final SharedClients clients = new SharedClients();
    private final ExecutorService records = Executors.newSingleThreadExecutor();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private final RecordingLedger ledger = new RecordingLedger();
    @TempDir
    Path workspace;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(workspace.resolve("app"));
        Files.createDirectories(workspace.resolve("tests"));
        Files.write(workspace.resolve("app/app-debug.apk"), SampleFiles.apk());
        Files.write(workspace.resolve("tests/tests.zip"), SampleFiles.zip("tests/Smoke.class"));
    }

    @AfterEach
    void close() throws Exception {
        assertThat(ledger.calls()).doesNotContain("stopFailed"); // every stop Device Farm was asked for, it accepted
        for (AutoCloseable c : toClose) {
            c.close();
        }
        records.shutdownNow();
        clients.close();
        f.close();
    }

    private static RunSpec spec(Consumer<RunSpec.Builder> change) {
        return spec(null, change);
    }

    private static RunSpec spec(String project, Consumer<RunSpec.Builder> change) {
        RunSpec.Builder b = RunSpec.builder();
        b.projectArn = project;
        b.testType = "APPIUM_JAVA_TESTNG";
        b.app = "app/app-debug.apk";
        b.testPackage = "tests/tests.zip";
        b.devicePool = "Top Android Devices";
        change.accept(b);
        return b.build();
    }

    private RunSpec spec() {
        return spec(f.project(), b -> {});
    }

    private RunSpec specWith(Consumer<RunSpec.Builder> change) {
        return spec(f.project(), change);
    }

    private LocalRunSite site() {
        return site(f.watcher);
    }

    private LocalRunSite site(DeviceFarmWatcher engine) {
        return track(new LocalRunSite(workspace, engine, new DeviceFarmLifecycle(engine, records), this::connection));
    }

    private RunConnection connection() {
        return new RunConnection(clients.lease("test", SimulatorFixture.settingsFor(f.sim)), ledger);
    }

    private <T extends AutoCloseable> T track(T c) {
        toClose.add(c);
        return c;
    }

    private void instantProcessing() {
        f.sim.scenario().prependUploadScript(new UploadScript(".*", 0, "SUCCEEDED", null, null, null));
    }

    private int count(String operation) {
        return f.sim.journal().count(operation);
    }

    private int uploadsLeft() {
        return (int) f.client.listUploadsPaginator(r -> r.arn(f.project())).uploads().stream().count();
    }

    private static void awaitLog(LocalRunSite site, String text) {
        Await.until("'" + text + "' in the log " + site.log(), () -> !site.logLines(text).isEmpty());
    }

    // ---- the whole flow

    @Test
    void uploadsFromTheWorkspaceRunsPublishesTestsAndDownloadsArtifacts() {
        instantProcessing();
        LocalRunSite site = site();
        RunFlow flow = new RunFlow(specWith(b -> {
            b.artifacts = "VIDEO";
            b.archive = true;
            b.environmentVariables = "API_URL=https://staging.example.com";
        }));
        CompletableFuture<Map<String, Object>> done = flow.run(site);
        awaitLog(site, "Scheduled run");
        f.advance(Duration.ofHours(1)); // queue, setup, tests and teardown are over
        Map<String, Object> value = Await.result(done);

        assertThat(value).containsEntry("result", "PASSED").containsKeys("arn", "webUrl", "jobs", "artifacts", "testReport");
        assertThat((List<?>) value.get("jobs")).hasSize(2);
        assertThat(value.toString()).doesNotContain("X-Amz-", "/_simulator/results/"); // artifact URLs are secrets
        assertThat(count("PutUpload")).isEqualTo(2);
        assertThat(count("ScheduleRun")).isEqualTo(1);
        var run = f.client.listRuns(r -> r.arn(f.project())).runs().get(0);
        assertThat(run.environmentVariables().get(0).name()).isEqualTo("API_URL");

        // The JUnit report and the videos in the workspace, below devicefarm/<run name>/.
        String folder = "devicefarm/" + run.name() + "/";
        assertThat(run.name()).startsWith("local run [");
        assertThat(site.publishedReports()).containsExactly(folder + "TEST-devicefarm.xml");
        assertThat(workspace.resolve(folder + "TEST-devicefarm.xml")).content().contains("<testcase");
        assertThat(site.archived()).isNotEmpty().allMatch(p -> p.startsWith(folder) && p.endsWith(".mp4"));
        for (String p : site.archived()) {
            assertThat(workspace.resolve(p)).isRegularFile();
        }
        assertThat(site.verdict()).isEqualTo(Verdict.SUCCESS);

        // Tracked, recorded to its end, the uploads this flow created deleted.
        assertThat(ledger.trackedArns()).containsExactly(run.arn());
        assertThat(ledger.lastRecord().getStatus()).isEqualTo("COMPLETED");
        assertThat(count("DeleteUpload")).isEqualTo(2);
        assertThat(count("StopRun")).isZero();
        assertThat(uploadsLeft()).isZero();
        assertThat(flow.createdUploads()).isEmpty();
        assertThat(String.join("\n", site.log())).doesNotContain("/_uploads/", SimulatorFixture.SECRET_KEY);
    }

    @Test
    void failedTestsMakeTheBuildUnstableAndAnOverrideDecidesTheRest() {
        instantProcessing();
        f.sim.scenario().prependRunScript(new RunScript("(?i)checkout", 10, 10, 60, 10, "FAILED",
                new TestCounts(8, 2, 0, 0, 0), "2 tests failed"));
        LocalRunSite site = site();
        CompletableFuture<Map<String, Object>> done = new RunFlow(specWith(b -> b.name = "checkout tests")).run(site);
        awaitLog(site, "Scheduled run");
        f.advance(Duration.ofHours(1));
        assertThat(Await.result(done)).containsEntry("result", "FAILED");
        assertThat(site.verdict()).isEqualTo(Verdict.FAILURE); // the default policy: FAILED fails the build
        assertThat(site.logLines("4 tests failed")).hasSize(1); // 2 per device, from the JUnit report
    }

    @Test
    void waitFalseReturnsRightAfterSchedulingAndKeepsTheUploadsTheRunUses() {
        instantProcessing();
        LocalRunSite site = site();
        Map<String, Object> value = Await.result(new RunFlow(specWith(b -> b.waitForRun = false)).run(site));
        assertThat(value.get("arn")).asString().contains(":run:");
        assertThat(count("DeleteUpload")).isZero();
        assertThat(count("GetRun")).isZero();
        assertThat(uploadsLeft()).isEqualTo(2);
    }

    @Test
    void keepUploadsKeepsThem() {
        instantProcessing();
        LocalRunSite site = site();
        CompletableFuture<Map<String, Object>> done = new RunFlow(specWith(b -> b.keepUploads = true)).run(site);
        awaitLog(site, "Scheduled run");
        f.advance(Duration.ofHours(1));
        Await.result(done);
        assertThat(count("DeleteUpload")).isZero();
        assertThat(uploadsLeft()).isEqualTo(2);
    }

    @Test
    void anUploadGivenByNameIsFoundNotSent() {
        instantProcessing();
        LocalRunSite first = site();
        Map<String, Object> value = Await.result(new RunFlow(specWith(b -> {
            b.keepUploads = true;
            b.waitForRun = false;
        })).run(first));
        assertThat(value).containsKey("arn");
        LocalRunSite second = site();
        Map<String, Object> again = Await.result(new RunFlow(specWith(b -> {
            b.app = "app-debug.apk"; // no such file: the name of the upload made above
            b.waitForRun = false;
        })).run(second));
        assertThat(again).containsKey("arn");
        assertThat(second.logLines("app: using upload 'app-debug.apk'")).hasSize(1);
        assertThat(count("PutUpload")).isEqualTo(3); // app and tests, then only the tests again
    }

    // ---- bad input: one line naming the field, nothing left behind

    @Test
    void aMissingFileFailsNamingTheFieldBeforeAnythingIsCreated() {
        Throwable t = Await.failure(new RunFlow(specWith(b -> b.app = "app/missing.apk")).run(site()));
        assertThat(t).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("app: no file 'app/missing.apk' in the workspace");
        assertThat(t.getMessage()).doesNotContain("\n");
        assertThat(count("CreateUpload")).isZero();
    }

    @Test
    void anUnknownPoolFailsBeforeAnythingIsUploaded() {
        Throwable t = Await.failure(new RunFlow(specWith(b -> b.devicePool = "Top Windows Phones")).run(site()));
        assertThat(t).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("devicePool: no device pool named 'Top Windows Phones'");
        assertThat(count("CreateUpload")).isZero();
    }

    @Test
    void anUploadDeviceFarmMarksFailedFailsWithItsMessageAndIsDeleted() throws IOException {
        f.sim.scenario().prependUploadScript(new UploadScript("(?i)corrupt", 0, "FAILED", "The APK is corrupt.", null, null));
        Files.write(workspace.resolve("app/corrupt.apk"), SampleFiles.apk());
        Throwable t = Await.failure(new RunFlow(specWith(b -> b.app = "app/corrupt.apk")).run(site()));
        assertThat(t.getMessage()).contains("The APK is corrupt.").doesNotContain("\n");
        assertThat(count("ScheduleRun")).isZero();
        assertThat(count("DeleteUpload")).isEqualTo(1);
        assertThat(uploadsLeft()).isZero();
    }

    @Test
    void aQuotaDeviceFarmRefusesFailsInOneLineAndLeavesNothing() {
        instantProcessing();
        f.sim.scenario().concurrency(new Concurrency(5, 2, 1)); // 1 job in flight; the pool has 2 devices
        LocalRunSite site = site();
        Throwable t = Await.failure(new RunFlow(spec()).run(site));
        assertThat(t.getMessage()).contains("250 jobs in flight").contains("wait for runs to end or ask AWS to raise the quota")
                .doesNotContain("\n");
        assertThat(count("ScheduleRun")).isEqualTo(1);
        assertThat(f.client.listRuns(r -> r.arn(f.project())).runs()).isEmpty();
        assertThat(ledger.trackedArns()).isEmpty(); // nothing to stop, nothing reported as billing
        assertThat(count("DeleteUpload")).isEqualTo(2);
        assertThat(uploadsLeft()).isZero();
    }

    // ---- aborts: nothing left billing, nothing left uploaded

    @Test
    void abortInTheMiddleOfATransferEndsItDeletesTheUploadAndSchedulesNothing() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        toClose.add(() -> release.complete(null));
        AtomicReference<StallingStream> sending = new AtomicReference<>();
        LocalRunSite site = track(new LocalRunSite(workspace, f.watcher, new DeviceFarmLifecycle(f.watcher, records), this::connection) {
            @Override
            protected InputStream open(Path file) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                StallingStream s = new StallingStream(bytes, bytes.length / 2, release);
                sending.set(s);
                return s;
            }
        });
        RunFlow flow = new RunFlow(spec());
        CompletableFuture<Map<String, Object>> done = flow.run(site);
        Await.until("half the app sent", () -> sending.get() != null && sending.get().stalled().isDone());
        assertThat(flow.phase()).isEqualTo("uploading app");
        flow.abort("aborted by the user");

        assertThat(Await.failure(done)).isInstanceOf(CancellationException.class);
        assertThat(count("CreateUpload")).isEqualTo(1);
        assertThat(count("DeleteUpload")).isEqualTo(1);
        assertThat(count("ScheduleRun")).isZero();
        assertThat(uploadsLeft()).isZero();
        assertThat(count("GetUpload")).isZero(); // never waited for processing of bytes that never all arrived
    }

    @Test
    void abortWhileDeviceFarmProcessesDeletesTheUploadAndSchedulesNothing() {
        LocalRunSite site = site(); // the clock stands still: the app stays PROCESSING
        RunFlow flow = new RunFlow(spec());
        CompletableFuture<Map<String, Object>> done = flow.run(site);
        awaitLog(site, "Device Farm is processing");
        flow.abort("aborted");
        assertThat(Await.failure(done)).isInstanceOf(CancellationException.class);
        assertThat(count("DeleteUpload")).isEqualTo(1);
        assertThat(count("ScheduleRun")).isZero();
        assertThat(uploadsLeft()).isZero();
    }

    @Test
    void abortWhileScheduleRunIsInFlightStopsTheRunOnceDeviceFarmAnswers() {
        instantProcessing();
        f.sim.faults().latency("ScheduleRun", Duration.ofMillis(500)); // real time: the answer is on its way
        LocalRunSite site = site();
        RunFlow flow = new RunFlow(spec());
        CompletableFuture<Map<String, Object>> done = flow.run(site);
        awaitLog(site, "Scheduling run");
        flow.abort("aborted");
        Await.until("StopRun", () -> count("StopRun") > 0);
        f.advance(Duration.ofHours(1)); // the stop's teardown
        assertThat(Await.failure(done)).isInstanceOf(CancellationException.class);
        assertThat(count("ScheduleRun")).isEqualTo(1);
        assertThat(ledger.trackedArns()).hasSize(1); // what Device Farm made is tracked before it is stopped
        assertThat(count("DeleteUpload")).isEqualTo(2);
        assertThat(f.client.listRuns(r -> r.arn(f.project())).runs().get(0).statusAsString()).isEqualTo("COMPLETED");
    }

    @Test
    void abortWhileTheRunIsRunningStopsItAndDeletesTheUploads() {
        instantProcessing();
        LocalRunSite site = site();
        RunFlow flow = new RunFlow(spec());
        CompletableFuture<Map<String, Object>> done = flow.run(site);
        awaitLog(site, "Scheduled run");
        Await.until("following", () -> flow.phase().equals("running"));
        flow.abort("aborted");
        Await.until("StopRun", () -> count("StopRun") > 0);
        f.advance(Duration.ofHours(1));
        assertThat(Await.failure(done)).isInstanceOf(CancellationException.class);
        assertThat(count("StopRun")).isEqualTo(1);
        assertThat(count("DeleteUpload")).isEqualTo(2);
        assertThat(ledger.lastRecord().isStoppedByUs()).isTrue();
        assertThat(site.publishedReports()).isEmpty(); // an aborted run publishes nothing
    }

    // ---- restarts: the flow's saved state goes on where it was

    @Test
    void aCreateInFlightIsSaidSoThatASafeRestartWaitsForIt() {
        instantProcessing();
        f.sim.faults().latency("CreateUpload", Duration.ofMillis(300)); // real time: the answers are on their way
        f.sim.faults().latency("ScheduleRun", Duration.ofMillis(300));
        LocalRunSite site = site();
        RunFlow flow = new RunFlow(specWith(b -> b.waitForRun = false));
        assertThat(flow.isCreating()).isFalse();
        CompletableFuture<Map<String, Object>> done = flow.run(site);
        Await.until("the app's CreateUpload in flight", flow::isCreating);
        awaitLog(site, "Scheduling run");
        Await.until("ScheduleRun in flight", flow::isCreating);
        Await.result(done);
        assertThat(flow.isCreating()).isFalse();
    }

    @Test
    void aRestartAfterTheBytesArrivedOnlyWaitsForProcessing() throws Exception {
        RunFlow resumed = restartAt(RunPhase.PROCESSING, spec());
        LocalRunSite site = site();
        CompletableFuture<Map<String, Object>> done = resumed.run(site);
        Await.until("the run scheduled once the uploads are processed", () -> {
            f.advance(Duration.ofSeconds(10)); // the app's processing, then the test package's
            return !site.logLines("Scheduled run").isEmpty();
        });
        f.advance(Duration.ofHours(1));
        assertThat(Await.result(done)).containsEntry("result", "PASSED");
        assertThat(count("CreateUpload")).isEqualTo(2);
        assertThat(count("PutUpload")).isEqualTo(2); // the app was not sent again
        assertThat(count("ScheduleRun")).isEqualTo(1);
        assertThat(count("DeleteUpload")).isEqualTo(2);
        assertThat(uploadsLeft()).isZero();
    }

    @Test
    void aRestartBeforeTheBytesArrivedSendsTheFileAgainAndDeletesTheEmptyUpload() throws Exception {
        instantProcessing();
        RunFlow resumed = restartAt(RunPhase.UPLOADING, spec());
        LocalRunSite site = site();
        CompletableFuture<Map<String, Object>> done = resumed.run(site);
        awaitLog(site, "Scheduled run");
        f.advance(Duration.ofHours(1));
        assertThat(Await.result(done)).containsEntry("result", "PASSED");
        assertThat(count("CreateUpload")).isEqualTo(3); // the app twice
        assertThat(count("PutUpload")).isEqualTo(2);
        assertThat(count("DeleteUpload")).isEqualTo(3);
        assertThat(uploadsLeft()).isZero();
    }

    @Test
    void aRestartWhileTheRunIsRunningFollowsTheSameRun() throws Exception {
        instantProcessing();
        RunFlow resumed = restartAt(RunPhase.RUNNING, spec());
        LocalRunSite site = site();
        CompletableFuture<Map<String, Object>> done = resumed.run(site);
        f.advance(Duration.ofHours(1));
        assertThat(Await.result(done)).containsEntry("result", "PASSED");
        assertThat(count("ScheduleRun")).isEqualTo(1);
        assertThat(site.publishedReports()).hasSize(1);
        assertThat(count("DeleteUpload")).isEqualTo(2);
    }

    @Test
    void anAbortAfterARestartWhileRunningStopsTheRun() throws Exception {
        instantProcessing();
        RunFlow resumed = restartAt(RunPhase.RUNNING, spec());
        resumed.abort("aborted while Jenkins was down");
        CompletableFuture<Map<String, Object>> done = resumed.run(site());
        Await.until("StopRun", () -> count("StopRun") > 0);
        f.advance(Duration.ofHours(1));
        assertThat(Await.failure(done)).isInstanceOf(CancellationException.class);
        assertThat(count("ScheduleRun")).isEqualTo(1);
        assertThat(count("DeleteUpload")).isEqualTo(2);
    }

    /**
     * Runs a flow on an engine of its own until it enters {@code phase}, saves it there as a Pipeline
     * would, and lets the process "die" at that point (the engine closed, nothing cleaned up); answers
     * the flow read back from what was saved.
     */
    private RunFlow restartAt(RunPhase phase, RunSpec spec) throws Exception {
        DeviceFarmWatcher before = new DeviceFarmWatcher(SimulatorFixture.fastPolls());
        RunFlow flow = new RunFlow(spec);
        byte[][] saved = new byte[1][];
        LocalRunSite site = track(new LocalRunSite(workspace, before, new DeviceFarmLifecycle(before, records), this::connection) {
            @Override
            public void entered(RunPhase p) {
                if (p == phase && saved[0] == null) {
                    saved[0] = serialize(flow);
                    shutDown();
                    throw new IllegalStateException("the process went down");
                }
            }
        });
        flow.run(site); // never completes: the process is gone
        Await.until("the flow saved in " + phase, () -> saved[0] != null);
        before.close();
        assertThat(count("DeleteUpload")).isZero(); // shutting down keeps everything for the resume
        assertThat(count("StopRun")).isZero();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(saved[0]))) {
            return (RunFlow) in.readObject();
        }
    }

    private static byte[] serialize(RunFlow flow) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(flow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
