package io.jenkins.plugins.devicefarm.steps;

import static io.jenkins.plugins.devicefarm.TestSupport.PIXEL;
import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static io.jenkins.plugins.devicefarm.TestSupport.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/** deviceFarmSession across a controller restart: while its app is processed, while creating, and while the block runs. */
class SessionRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private ManualSimClock clock;
    private DeviceFarmSimulator simulator;
    private volatile String sessionArn;

    @BeforeEach
    void startSimulator() {
        clock = new ManualSimClock();
        simulator = DeviceFarmSimulator.builder().clock(clock).build(); // outlives both Jenkins sessions
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void aRestartWhileCreatingAdoptsTheSessionByItsNameInsteadOfFailing() throws Throwable {
        sessions.then(j -> {
            TestSupport.configure(simulator);
            // Device Farm makes the session but its answer is lost, and it cannot be asked about it:
            // the step is still creating when Jenkins stops.
            simulator.faults().loseResponses("CreateRemoteAccessSession", 1.0).serverErrors("ListRemoteAccessSessions", 1.0);
            WorkflowJob p = pipeline(j, "s", "deviceFarmSession(deviceArn: '" + PIXEL + "', name: 'adopt me') {\n"
                    + "  echo \"in the block of ${env.DEVICE_FARM_SESSION_ARN}\"\n"
                    + "}");
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Creating remote access session 'adopt me [", b);
            await("the create was carried out", () -> simulator.journal().count("CreateRemoteAccessSession") == 1);
            await("the lost answer was looked for", () -> simulator.journal().count("ListRemoteAccessSessions") >= 1);
        });
        simulator.faults().clear(); // Jenkins is down: Device Farm answers again when it comes back
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("s", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("Found it: adopting", b);
            j.waitForMessage("Waiting until session", b);
            clock.advance(Duration.ofMinutes(5)); // RUNNING
            await("the block's end stops the session", () -> simulator.journal().count("StopRemoteAccessSession") == 1);
            clock.advance(Duration.ofMinutes(5));
            j.assertBuildStatusSuccess(j.waitForCompletion(b));

            try (DeviceFarmClient c = TestSupport.client(simulator)) {
                var all = c.listRemoteAccessSessions(r -> r.arn(simulator.projectArns().get(0))).remoteAccessSessions();
                assertEquals(1, all.size(), "adopted, never created twice");
                j.assertLogContains("in the block of " + all.get(0).arn(), b);
                assertEquals(all.get(0).arn(), b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn());
            }
            assertEquals(1, simulator.journal().count("CreateRemoteAccessSession"));
        });
    }

    /** Starts a session whose app is a workspace file, and stops that Jenkins while Device Farm processes the app. */
    private void restartWhileTheAppIsProcessed() throws Throwable {
        sessions.then(j -> {
            TestSupport.configure(simulator);
            WorkflowJob p = pipeline(j, "u", "node { deviceFarmSession(deviceArn: '" + PIXEL + "', app: 'app/app-debug.apk') {\n"
                    + "  echo \"in the block of ${env.DEVICE_FARM_SESSION_ARN}\"\n"
                    + "} }");
            FilePath file = j.jenkins.getWorkspaceFor(p).child("app/app-debug.apk");
            file.getParent().mkdirs();
            try (var out = file.write()) {
                out.write(SampleFiles.apk());
            }
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Device Farm is processing", b); // the simulated clock stands still: still PROCESSING
        });
    }

    @Test
    void aRestartWhileTheAppIsProcessedAwaitsTheSameUploadThenOpensTheSession() throws Throwable {
        restartWhileTheAppIsProcessed();
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("u", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("reached Device Farm before the restart; waiting until it is processed", b);
            clock.advance(Duration.ofSeconds(10)); // the app is processed
            await("the session created", () -> simulator.journal().count("CreateRemoteAccessSession") == 1);
            clock.advance(Duration.ofMinutes(5)); // RUNNING
            await("the block's end stops the session", () -> simulator.journal().count("StopRemoteAccessSession") == 1);
            clock.advance(Duration.ofMinutes(5));
            j.assertBuildStatusSuccess(j.waitForCompletion(b));

            assertEquals(1, simulator.journal().count("CreateUpload"), "the app was not uploaded again");
            assertEquals(1, simulator.journal().count("PutUpload"));
            try (DeviceFarmClient c = TestSupport.client(simulator)) {
                var session = c.listRemoteAccessSessions(r -> r.arn(simulator.projectArns().get(0))).remoteAccessSessions().get(0);
                String upload = c.getRemoteAccessSession(r -> r.arn(session.arn())).remoteAccessSession().appUpload();
                assertEquals(simulator.journal().entries("PutUpload").get(0).arn(), upload, "the session installs the upload awaited");
                j.assertLogContains("in the block of " + session.arn(), b);
                assertEquals(1, simulator.journal().count("DeleteUpload", upload), "deleted once, when the session ended");
                j.assertLogContains("Deleted upload " + upload, b);
            }
            j.assertLogNotContains("/_uploads/", b); // the presigned URL is a secret
        });
    }

    @Test
    void anAbortAfterARestartWhileTheAppIsProcessedDeletesItAndCreatesNoSession() throws Throwable {
        restartWhileTheAppIsProcessed();
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("u", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("reached Device Farm before the restart; waiting until it is processed", b);
            b.getExecutor().interrupt();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            assertEquals(1, simulator.journal().count("CreateUpload"));
            assertEquals(1, simulator.journal().count("DeleteUpload"), "deleted once, after the abort; not as Jenkins stopped");
            assertEquals(0, simulator.journal().count("CreateRemoteAccessSession"));
            j.assertLogNotContains("in the block of", b);
        });
    }

    @Test
    void endpointsThatCannotBeReadAgainAfterARestartEndTheBlock() throws Throwable {
        sessions.then(j -> {
            TestSupport.configure(simulator);
            WorkflowJob p = pipeline(j, "s", "deviceFarmSession(deviceArn: '" + PIXEL + "') {\n"
                    + "  semaphore 'body'\n"
                    + "  echo 'still in the block'\n"
                    + "}");
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            await("CreateRemoteAccessSession", () -> simulator.journal().count("CreateRemoteAccessSession") == 1);
            clock.advance(Duration.ofMinutes(5));
            SemaphoreStep.waitForStart("body/1", b);
            sessionArn = b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
        });
        // While Jenkins is down the session ends (someone stopped it in the console): no endpoints to read again.
        try (DeviceFarmClient c = TestSupport.client(simulator)) {
            c.stopRemoteAccessSession(r -> r.arn(sessionArn));
        }
        clock.advance(Duration.ofMinutes(5));
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("s", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("Could not read the endpoints of session", b);
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
            j.assertLogContains("it is COMPLETED", b);
            j.assertLogNotContains("still in the block", b);
        });
    }
}
