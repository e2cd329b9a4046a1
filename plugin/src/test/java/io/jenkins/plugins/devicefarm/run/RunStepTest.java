package io.jenkins.plugins.devicefarm.run;

import static io.jenkins.plugins.devicefarm.TestSupport.ACCESS_KEY;
import static io.jenkins.plugins.devicefarm.TestSupport.SECRET_KEY;
import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static io.jenkins.plugins.devicefarm.TestSupport.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.TopLevelItem;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.SimulatorFixture;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.run.RunFlow;
import io.jenkins.plugins.devicefarm.simulator.Concurrency;
import io.jenkins.plugins.devicefarm.simulator.RunScript;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import io.jenkins.plugins.devicefarm.simulator.TestCounts;
import io.jenkins.plugins.devicefarm.simulator.UploadScript;
import java.io.RandomAccessFile;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * deviceFarmRun and the freestyle step against the simulator on a manual clock: files from the
 * workspace uploaded (the simulator checks their bytes), the run followed, its tests published as
 * Jenkins test results, its artifacts in the workspace, and an abort in each phase that leaves
 * nothing running and deletes what the step uploaded (the simulator's journal shows it).
 */
@WithJenkins
class RunStepTest extends SimulatorFixture {
    private static final String FILES = "app: 'app/app-debug.apk', testType: 'APPIUM_JAVA_TESTNG', "
            + "testPackage: 'tests/tests.zip', devicePool: 'Top Android Devices'";

    @Test
    void uploadsRunsPublishesTestsAndDownloadsArtifacts() throws Exception {
        instantProcessing();
        WorkflowJob p = pipeline(j, "run", "node {\n"
                + "  def r = deviceFarmRun(" + FILES + ", artifacts: ['VIDEO'], environmentVariables: [API_URL: 'https://staging.example.com'])\n"
                + "  echo \"result=${r.result} passed=${r.counters.passed} devices=${r.jobs.size()} os=${r.jobs[0].os} saved=${r.artifacts.saved}\"\n"
                + "}");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Scheduled run", b);
        clock.advance(Duration.ofHours(1)); // queue, setup, tests and teardown are over
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("result=PASSED", b);
        j.assertLogContains("devices=2", b);
        j.assertLogNotContains("saved=0", b);
        j.assertLogNotContains(SECRET_KEY, b);
        j.assertLogNotContains(ACCESS_KEY, b);
        j.assertLogNotContains("/_uploads/", b); // the presigned upload URL is a secret

        // The bytes went to Device Farm, which processed them; then ScheduleRun, once, with the variables.
        assertEquals(2, simulator.journal().count("PutUpload"));
        assertEquals(1, simulator.journal().count("ScheduleRun"));
        var run = client.listRuns(r -> r.arn(simulator.projectArns().get(0))).runs().get(0);
        assertEquals("API_URL", run.environmentVariables().get(0).name());

        // Jenkins' own test report: one case per test and device.
        TestResultAction tests = b.getAction(TestResultAction.class);
        assertNotNull(tests);
        assertEquals(run.counters().total().intValue(), tests.getTotalCount());
        assertEquals(0, tests.getFailCount());

        // The videos are in the workspace below devicefarm/<run>/<device>/.
        FilePath dir = j.jenkins.getWorkspaceFor(p).child(RunFlow.WORKSPACE_DIR);
        assertTrue(dir.list("**/*.mp4").length > 0);

        // Recorded on the build, nothing left open, and the uploads it created are gone.
        DeviceFarmBuildAction action = b.getAction(DeviceFarmBuildAction.class);
        Outcome o = action.getOutcomes().get(0);
        assertEquals("COMPLETED", o.getStatus());
        assertTrue(action.getOpen().isEmpty());
        assertEquals(2, simulator.journal().count("DeleteUpload"));
        assertEquals(0, simulator.journal().count("StopRun"));
    }

    @Test
    void customModeTestsComeFromTheFrameworkReportInTheCustomerArtifact() throws Exception {
        instantProcessing();
        WorkflowRun b = j.assertBuildStatusSuccess(customMode("custom", ", artifacts: ['CUSTOMER_ARTIFACT']"));
        assertEquals(3, simulator.journal().count("PutUpload")); // app, tests and the test spec
        TestResultAction tests = b.getAction(TestResultAction.class);
        assertNotNull(tests);
        assertTrue(tests.getTotalCount() > 0);
        j.assertLogNotContains("no per-test results", b); // read from the framework's own JUnit XML
    }

    @Test
    void customModeReadsTheFrameworkReportWithoutSavingTheCustomerArtifactNobodyAskedFor() throws Exception {
        instantProcessing();
        WorkflowRun b = j.assertBuildStatusSuccess(customMode("customNoArtifact", ""));
        TestResultAction tests = b.getAction(TestResultAction.class);
        assertNotNull(tests);
        assertTrue(tests.getTotalCount() > 0);
        j.assertLogNotContains("no per-test results", b);
        FilePath dir = j.jenkins.getWorkspaceFor(b.getParent()).child(RunFlow.WORKSPACE_DIR);
        assertEquals(0, dir.list("**/*.zip").length, "only the test report is in the workspace");
    }

    @Test
    void failedTestsMakeTheBuildUnstableWithTheFailuresInTheReport() throws Exception {
        instantProcessing();
        simulator.scenario().prependRunScript(new RunScript("(?i)checkout", 10, 10, 60, 10, "FAILED",
                new TestCounts(8, 2, 0, 0, 0), "2 tests failed"));
        WorkflowJob p = pipeline(j, "failing", "node { deviceFarmRun(" + FILES + ", name: 'checkout tests') }");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Scheduled run", b);
        clock.advance(Duration.ofHours(1));
        WorkflowRun done = j.waitForCompletion(b);
        assertTrue(done.getResult().isWorseOrEqualTo(Result.UNSTABLE));
        TestResultAction tests = done.getAction(TestResultAction.class);
        assertEquals(4, tests.getFailCount()); // 2 per device
    }

    /** The result options are those of deviceFarmWaitForRun: FAILED may mean UNSTABLE for this job. */
    @Test
    void aResultOverrideSetsTheBuildResult() throws Exception {
        instantProcessing();
        simulator.scenario().prependRunScript(new RunScript("(?i)checkout", 10, 10, 60, 10, "FAILED",
                new TestCounts(8, 2, 0, 0, 0), "2 tests failed"));
        WorkflowJob p = pipeline(j, "failedIsUnstable", "node { deviceFarmRun(" + FILES
                + ", name: 'checkout tests', failed: 'UNSTABLE') }");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Scheduled run", b);
        clock.advance(Duration.ofHours(1));
        j.assertBuildStatus(Result.UNSTABLE, j.waitForCompletion(b)); // FAILURE by default
    }

    @Test
    void aBadResultOverrideFailsNamingTheFieldBeforeAnythingIsSent() throws Exception {
        WorkflowJob p = pipeline(j, "yellow", "node { deviceFarmRun(" + FILES + ", passed: 'YELLOW') }");
        workspaceFiles(p);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("passed: 'YELLOW' is not a build result. Use one of SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED", b);
        assertTrue(simulator.journal().entries().isEmpty());
        assertFalse(b.getLog().contains("at io.jenkins.plugins")); // one line, not a stack trace
    }

    @Test
    void waitFalseReturnsTheArnRightAfterScheduling() throws Exception {
        instantProcessing();
        WorkflowJob p = pipeline(j, "nowait", "node {\n"
                + "  def r = deviceFarmRun(" + FILES + ", wait: false)\n"
                + "  echo \"arn=${r.arn}\"\n"
                + "  def w = deviceFarmWaitForRun(arn: r.arn)\n"
                + "  echo \"later=${w.result}\"\n"
                + "}");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Waiting for run", b);
        j.assertLogContains("arn=arn:aws:devicefarm:", b);
        clock.advance(Duration.ofHours(1));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("later=PASSED", b);
    }

    @Test
    void abortWhileAnUploadIsBeingCreatedDeletesItOnceDeviceFarmAnswers() throws Exception {
        simulator.faults().latency("CreateUpload", Duration.ofSeconds(3)); // real time: the answer is on its way
        WorkflowJob p = pipeline(j, "abortCreating", "node { deviceFarmRun(" + FILES + ") }");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("app: uploading", b);
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, simulator.journal().count("CreateUpload"));
        assertEquals(1, simulator.journal().count("DeleteUpload")); // what Device Farm made is gone
        assertEquals(0, simulator.journal().count("PutUpload"));
        assertEquals(0, simulator.journal().count("ScheduleRun"));
    }

    @Test
    void abortWhileDeviceFarmProcessesAnUploadDeletesItAndSchedulesNothing() throws Exception {
        // The simulator's clock stands still: the app stays PROCESSING.
        WorkflowJob p = pipeline(j, "abortProcessing", "node { deviceFarmRun(" + FILES + ") }");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Device Farm is processing", b);
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, simulator.journal().count("CreateUpload"));
        assertEquals(1, simulator.journal().count("DeleteUpload"));
        assertEquals(0, simulator.journal().count("ScheduleRun"));
    }

    @Test
    void abortWhileScheduleRunIsInFlightStopsTheRunOnceDeviceFarmAnswers() throws Exception {
        instantProcessing();
        simulator.faults().latency("ScheduleRun", Duration.ofSeconds(3)); // real time: the answer is on its way
        WorkflowJob p = pipeline(j, "abortScheduling", "node { deviceFarmRun(" + FILES + ") }");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Scheduling run", b);
        b.getExecutor().interrupt();
        await("StopRun", () -> simulator.journal().count("StopRun") > 0);
        clock.advance(Duration.ofHours(1)); // let a stop of started devices finish its teardown
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, simulator.journal().count("ScheduleRun"));
        assertEquals(1, simulator.journal().count("StopRun"));
        await("the uploads deleted", () -> simulator.journal().count("DeleteUpload") == 2);
        assertTrue(b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty()); // nothing left billing
    }

    @Test
    void abortDuringThePreflightSchedulesNothingAndDeletesTheUploads() throws Exception {
        instantProcessing();
        simulator.faults().latency("GetDevicePoolCompatibility", Duration.ofSeconds(3)); // real time
        WorkflowJob p = pipeline(j, "abortPreflight", "node { deviceFarmRun(" + FILES + ", preflight: true) }");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Preflight: asking Device Farm", b);
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        await("the uploads deleted", () -> simulator.journal().count("DeleteUpload") == 2);
        await("the preflight answered", () -> simulator.journal().count("GetDevicePoolCompatibility") == 1);
        assertEquals(0, simulator.journal().count("ScheduleRun")); // no run made only to be stopped
        assertEquals(0, simulator.journal().count("StopRun"));
    }

    @Test
    void abortWhileTheRunIsRunningStopsItAndDeletesTheUploads() throws Exception {
        instantProcessing();
        WorkflowJob p = pipeline(j, "abortRunning", "node { deviceFarmRun(" + FILES + ") }");
        workspaceFiles(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Scheduled run", b);
        await("the run recorded", () -> b.getAction(DeviceFarmBuildAction.class) != null
                && !b.getAction(DeviceFarmBuildAction.class).getResources().isEmpty());
        b.getExecutor().interrupt();
        await("StopRun", () -> simulator.journal().count("StopRun") > 0);
        clock.advance(Duration.ofHours(1)); // let the stop finish its teardown
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, simulator.journal().count("StopRun"));
        await("the uploads deleted", () -> simulator.journal().count("DeleteUpload") == 2);
        Outcome o = b.getAction(DeviceFarmBuildAction.class).getOutcomes().get(0);
        assertTrue(o.isStoppedByUs());
        assertTrue(b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
    }

    @Test
    void aMissingFileFailsNamingTheFieldBeforeAnythingIsSent() throws Exception {
        WorkflowJob p = pipeline(j, "missing", "node { deviceFarmRun(" + FILES.replace("app/app-debug.apk", "app/missing.apk") + ") }");
        workspaceFiles(p);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("app: no file 'app/missing.apk' in the workspace", b);
        assertEquals(0, simulator.journal().count("CreateUpload"));
        assertFalse(b.getLog().contains("at io.jenkins.plugins")); // one line, not a stack trace
    }

    @Test
    void aWrongEndingForTheTestTypeFailsBeforeAnythingIsSent() throws Exception {
        WorkflowJob p = pipeline(j, "ending", "node { deviceFarmRun(" + FILES.replace("tests/tests.zip", "tests/tests.apk") + ") }");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("testPackage: 'tests/tests.apk' does not end in .zip", b);
        assertTrue(simulator.journal().entries().isEmpty());
    }

    @Test
    void anUnknownPoolNameFailsBeforeAnythingIsUploaded() throws Exception {
        WorkflowJob p = pipeline(j, "pool", "node { deviceFarmRun(" + FILES.replace("Top Android Devices", "No Such Pool") + ") }");
        workspaceFiles(p);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("devicePool: no device pool named 'No Such Pool'", b);
        assertEquals(0, simulator.journal().count("CreateUpload"));
    }

    @Test
    void filtersThatMatchNoDeviceFailWithDeviceFarmsWordsAndLeaveNothing() throws Exception {
        instantProcessing();
        WorkflowJob p = pipeline(j, "nodevice", "node { deviceFarmRun(" + FILES.replace("devicePool: 'Top Android Devices'",
                "deviceFilters: [[attribute: 'OS_VERSION', operator: 'GREATER_THAN', values: ['99']]], maxDevices: 2") + ") }");
        workspaceFiles(p);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("No device matches the filters of deviceSelectionConfiguration", b);
        assertFalse(b.getLog().contains("at io.jenkins.plugins"));
        assertEquals(2, simulator.journal().count("DeleteUpload"));
        assertTrue(client.listRuns(r -> r.arn(simulator.projectArns().get(0))).runs().isEmpty());
    }

    @Test
    void aQuotaDeviceFarmRefusesFailsInOneLineAndLeavesNothing() throws Exception {
        instantProcessing();
        simulator.scenario().concurrency(new Concurrency(5, 2, 1)); // 1 job in flight; the pool has 2 devices
        WorkflowJob p = pipeline(j, "quota", "node { deviceFarmRun(" + FILES + ") }");
        workspaceFiles(p);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("wait for runs to end or ask AWS to raise the quota", b);
        assertFalse(b.getLog().contains("at io.jenkins.plugins"));
        await("the uploads deleted", () -> simulator.journal().count("DeleteUpload") == 2);
        assertTrue(client.listRuns(r -> r.arn(simulator.projectArns().get(0))).runs().isEmpty());
        DeviceFarmBuildAction action = b.getAction(DeviceFarmBuildAction.class);
        assertTrue(action == null || action.getResources().isEmpty()); // nothing tracked, nothing shown as billing
    }

    @Test
    void anUploadDeviceFarmMarksFailedFailsWithItsMessageAndIsDeleted() throws Exception {
        simulator.scenario().prependUploadScript(new UploadScript("(?i)corrupt", 0, "FAILED", "The APK is corrupt.", null, null));
        WorkflowJob p = pipeline(j, "corrupt", "node { deviceFarmRun(" + FILES.replace("app/app-debug.apk", "app/corrupt.apk") + ") }");
        workspaceFiles(p);
        write(j.jenkins.getWorkspaceFor(p).child("app/corrupt.apk"), SampleFiles.apk());
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("The APK is corrupt.", b);
        await("the failed upload deleted", () -> simulator.journal().count("DeleteUpload") == 1);
        assertEquals(0, simulator.journal().count("ScheduleRun"));
    }

    @Test
    void freestyleStepWithTheSameFields() throws Exception {
        instantProcessing();
        FreeStyleProject p = j.createFreeStyleProject("freestyle");
        RunStep run = new RunStep();
        run.setApp("app/app-debug.apk");
        run.setTestType("APPIUM_JAVA_TESTNG");
        run.setTestPackage("tests/tests.zip");
        run.setDevicePool("${POOL}");
        p.getBuildersList().add(new DeviceFarmRunBuilder(run));
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("POOL", "Top Android Devices")));
        workspaceFiles(p);
        var queued = p.scheduleBuild2(0);
        FreeStyleBuild b = queued.waitForStart();
        j.waitForMessage("Scheduled run", b);
        clock.advance(Duration.ofHours(1));
        j.assertBuildStatusSuccess(queued);
        assertNotNull(b.getAction(TestResultAction.class));
        assertEquals(2, simulator.journal().count("DeleteUpload"));
        assertEquals(1, simulator.journal().count("ScheduleRun")); // ${POOL} expanded to the pool's name
    }

    @Test
    void freestyleStepChecksTheResultOptionsBeforeAnythingIsSent() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("freestyleYellow");
        RunStep run = new RunStep();
        run.setApp("app/app-debug.apk");
        run.setTestType("APPIUM_JAVA_TESTNG");
        run.setTestPackage("tests/tests.zip");
        run.setDevicePool("Top Android Devices");
        run.setPassed("YELLOW");
        p.getBuildersList().add(new DeviceFarmRunBuilder(run));
        workspaceFiles(p);
        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("passed: 'YELLOW' is not a build result", b);
        assertTrue(simulator.journal().entries().isEmpty());
    }

    /** A custom-mode run (with a test spec) from the workspace, followed to its end. */
    private WorkflowRun customMode(String name, String moreArgs) throws Exception {
        WorkflowJob p = pipeline(j, name, "node { deviceFarmRun(" + FILES + ", testSpec: 'devicefarm/testspec.yml'" + moreArgs + ") }");
        workspaceFiles(p);
        write(j.jenkins.getWorkspaceFor(p).child("devicefarm/testspec.yml"), SampleFiles.testSpec());
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Scheduled run", b);
        clock.advance(Duration.ofHours(1)); // queue, setup, tests and teardown are over
        return j.waitForCompletion(b);
    }

    /** Uploads are processed at once (the default is 5 seconds of the simulator's clock). */
    private void instantProcessing() {
        simulator.scenario().prependUploadScript(new UploadScript(".*", 0, "SUCCEEDED", null, null, null));
    }

    @Test
    void timeoutMinutesStopsATransferThatNeverEnds() throws Exception {
        WorkflowJob p = pipeline(j, "stalled", "node { deviceFarmRun(" + FILES + ", timeoutMinutes: 1) }");
        workspaceFiles(p);
        FilePath app = j.jenkins.getWorkspaceFor(p).child("app/app-debug.apk");
        app.delete();
        // A named pipe nobody writes to: the agent's read of the app stalls, as on a hung network share.
        assumeTrue(new ProcessBuilder("mkfifo", app.getRemote()).start().waitFor() == 0, "needs mkfifo");
        try {
            WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
            j.assertLogContains("timeoutMinutes: 1 minute(s) ran out while sending app; the transfer was stopped", b);
            assertEquals(0, simulator.journal().count("ScheduleRun"));
            assertTrue(simulator.journal().count("CreateUpload") > 0);
            await("the created uploads deleted",
                    () -> simulator.journal().count("DeleteUpload") == simulator.journal().count("CreateUpload"));
        } finally {
            new RandomAccessFile(app.getRemote(), "rw").close(); // a writer that closes: the stalled read ends
        }
    }

    /** A valid APK and test package (the simulator checks the bytes) in the job's workspace. */
    private void workspaceFiles(TopLevelItem job) throws Exception {
        FilePath ws = j.jenkins.getWorkspaceFor(job);
        write(ws.child("app/app-debug.apk"), SampleFiles.apk());
        write(ws.child("tests/tests.zip"), SampleFiles.zip("tests.jar", "dependency-jars/testng.jar"));
    }

    private static void write(FilePath file, byte[] bytes) throws Exception {
        file.getParent().mkdirs();
        try (var out = file.write()) {
            out.write(bytes);
        }
    }
}
