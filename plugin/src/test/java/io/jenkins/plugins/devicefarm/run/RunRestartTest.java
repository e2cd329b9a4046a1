package io.jenkins.plugins.devicefarm.run;

import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static io.jenkins.plugins.devicefarm.TestSupport.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.io.OutputStream;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * deviceFarmRun survives a controller restart: while Device Farm processes an upload it awaits
 * the same upload again (nothing uploaded twice), while the run runs it follows the same run
 * (nothing scheduled twice), and an abort after the restart still stops the run.
 */
class RunRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private ManualSimClock clock;
    private DeviceFarmSimulator simulator;

    @BeforeEach
    void startSimulator() {
        clock = new ManualSimClock();
        simulator = DeviceFarmSimulator.builder().clock(clock).build(); // outlives both Jenkins sessions
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /** Starts the build in a first session and stops that Jenkins once {@code message} is in the log. */
    private void startAndRestartAt(String message) throws Throwable {
        sessions.then(j -> j.waitForMessage(message, startRun(j)));
    }

    /** Job "p": a deviceFarmRun of the workspace's app and tests on the Android pool, started. */
    private WorkflowRun startRun(JenkinsRule j) throws Exception {
        TestSupport.configure(simulator);
        WorkflowJob p = pipeline(j, "p", "node {\n"
                + "  def r = deviceFarmRun(app: 'app/app-debug.apk', testType: 'APPIUM_JAVA_TESTNG', "
                + "testPackage: 'tests/tests.zip', devicePool: 'Top Android Devices')\n"
                + "  echo \"after=${r.result}\"\n"
                + "}");
        FilePath ws = j.jenkins.getWorkspaceFor(p);
        write(ws.child("app/app-debug.apk"), SampleFiles.apk());
        write(ws.child("tests/tests.zip"), SampleFiles.zip("tests.jar"));
        return p.scheduleBuild2(0).waitForStart();
    }

    @Test
    void restartWhileProcessingAwaitsTheSameUpload() throws Throwable {
        startAndRestartAt("Device Farm is processing"); // the simulator's clock stands still: the app is PROCESSING
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("Going on after a Jenkins restart", b);
            clock.advance(Duration.ofSeconds(10)); // the app is processed
            await("the test package sent", () -> simulator.journal().count("PutUpload") == 2);
            clock.advance(Duration.ofSeconds(10)); // the test package is processed
            await("the run scheduled", () -> simulator.journal().count("ScheduleRun") == 1);
            clock.advance(Duration.ofHours(1));
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("after=PASSED", b);
            assertEquals(2, simulator.journal().count("CreateUpload")); // the app was not uploaded again
            assertEquals(1, simulator.journal().count("ScheduleRun"));
            assertNotNull(b.getAction(TestResultAction.class));
        });
    }

    @Test
    void restartWhileRunningFollowsTheSameRunAndAnAbortStillStopsIt() throws Throwable {
        simulator.scenario().prependUploadScript(new io.jenkins.plugins.devicefarm.simulator.UploadScript(".*", 0, "SUCCEEDED",
                null, null, null));
        startAndRestartAt("Scheduled run");
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("Going on after a Jenkins restart", b);
            b.getExecutor().interrupt();
            await("StopRun", () -> simulator.journal().count("StopRun") > 0);
            clock.advance(Duration.ofHours(1));
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            assertEquals(1, simulator.journal().count("ScheduleRun"));
            assertEquals(1, simulator.journal().count("StopRun"));
            await("the uploads deleted", () -> simulator.journal().count("DeleteUpload") == 2);
        });
    }

    @Test
    void restartAfterPublishingPublishesNothingTwice() throws Throwable {
        simulator.scenario().prependUploadScript(new io.jenkins.plugins.devicefarm.simulator.UploadScript(".*", 0, "SUCCEEDED",
                null, null, null));
        simulator.faults().latency("DeleteUpload", Duration.ofSeconds(20)); // the step is still cleaning up at the restart
        sessions.then(j -> {
            WorkflowRun b = startRun(j);
            j.waitForMessage("Scheduled run", b);
            clock.advance(Duration.ofHours(1));
            j.waitForMessage("Published the results", b);
        });
        simulator.faults().clear();
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("after=PASSED", b);
            assertEquals(1, b.getLog().split("Published the results", -1).length - 1, "the results were published once");
            try (var client = TestSupport.client(simulator)) {
                var run = client.listRuns(r -> r.arn(simulator.projectArns().get(0))).runs().get(0);
                assertEquals(run.counters().total().intValue(), b.getAction(TestResultAction.class).getTotalCount());
            }
        });
    }

    @Test
    void aFreestyleRunEndsAtShutdownSayingSoAndTheStartupSweepStopsItsRun() throws Throwable {
        simulator.scenario().prependUploadScript(new io.jenkins.plugins.devicefarm.simulator.UploadScript(".*", 0, "SUCCEEDED",
                null, null, null));
        sessions.then(j -> {
            TestSupport.configure(simulator);
            FreeStyleProject p = j.createFreeStyleProject("f");
            RunStep run = new RunStep();
            run.setApp("app/app-debug.apk");
            run.setTestType("APPIUM_JAVA_TESTNG");
            run.setTestPackage("tests/tests.zip");
            run.setDevicePool("Top Android Devices");
            p.getBuildersList().add(new DeviceFarmRunBuilder(run));
            FilePath ws = j.jenkins.getWorkspaceFor(p);
            write(ws.child("app/app-debug.apk"), SampleFiles.apk());
            write(ws.child("tests/tests.zip"), SampleFiles.zip("tests.jar"));
            FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Scheduled run", b); // the run is RUNNING while Jenkins shuts down
        });
        sessions.then(j -> {
            FreeStyleBuild b = j.jenkins.getItemByFullName("f", FreeStyleProject.class).getBuildByNumber(1);
            j.assertLogContains("a freestyle build does not go on after a restart", b);
            j.assertLogContains("is stopped by the safety net when Jenkins starts again", b);
            await("the startup sweep to stop the run", () -> simulator.journal().count("StopRun") == 1);
            assertEquals(1, simulator.journal().count("ScheduleRun"));
        });
    }

    private static void write(FilePath file, byte[] bytes) throws Exception {
        file.getParent().mkdirs();
        try (OutputStream out = file.write()) {
            out.write(bytes);
        }
    }
}
