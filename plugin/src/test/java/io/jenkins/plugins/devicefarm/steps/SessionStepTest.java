package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.EndpointMasking;
import io.jenkins.plugins.devicefarm.SimulatorFixture;
import static io.jenkins.plugins.devicefarm.TestSupport.PIXEL;
import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static io.jenkins.plugins.devicefarm.TestSupport.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** deviceFarmSession against the simulator: environment, masking, stop at the end and on abort. */
@WithJenkins
class SessionStepTest extends SimulatorFixture {

    /** Lets the created session become RUNNING: its queue and setup are simulated time. */
    private void letSessionStart() throws InterruptedException {
        await("CreateRemoteAccessSession", () -> simulator.journal().count("CreateRemoteAccessSession") > 0);
        clock.advance(Duration.ofMinutes(5));
    }

    /** Lets a stopped session reach COMPLETED. */
    private void letSessionStop() throws InterruptedException {
        await("StopRemoteAccessSession", () -> simulator.journal().count("StopRemoteAccessSession") > 0);
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void bodySeesTheSessionAndTheEndpointIsMaskedAndNeverSaved() throws Exception {
        WorkflowJob p = pipeline(j, "session", "deviceFarmSession(deviceArn: '" + PIXEL + "', name: 'ui checks') {\n"
                + "  echo \"arn=${env.DEVICE_FARM_SESSION_ARN} device=${env.DEVICE_FARM_DEVICE_NAME}\"\n"
                + "  echo \"endpoint=${env.DEVICE_FARM_SESSION_ENDPOINT}\"\n"
                + "  semaphore 'body'\n"
                + "}");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        letSessionStart();
        SemaphoreStep.waitForStart("body/1", b);
        String arn = b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
        String endpoint = client.getRemoteAccessSession(r -> r.arn(arn)).remoteAccessSession().endpoint();
        assertNotNull(endpoint);
        SemaphoreStep.success("body/1", null);
        letSessionStop();
        j.assertBuildStatusSuccess(j.waitForCompletion(b));

        j.assertLogContains("arn=" + arn, b);
        j.assertLogContains("endpoint=" + EndpointMasking.MASK, b);
        j.assertLogNotContains(endpoint, b);
        j.assertLogNotContains(TestSupport.SECRET_KEY, b);
        assertFalse(Files.readString(b.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8).contains(endpoint));
        assertEquals(1, simulator.journal().count("StopRemoteAccessSession", arn));
        Outcome o = b.getAction(DeviceFarmBuildAction.class).getOutcomes().get(0);
        assertEquals("COMPLETED", o.getStatus());
    }

    @Test
    void abortDuringTheBodyStopsTheSession() throws Exception {
        WorkflowJob p = pipeline(j, "abort", "deviceFarmSession(deviceArn: '" + PIXEL + "') { semaphore 'body' }");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        letSessionStart();
        SemaphoreStep.waitForStart("body/1", b);
        b.getExecutor().interrupt();
        letSessionStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        String arn = b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
        assertEquals(1, simulator.journal().count("StopRemoteAccessSession", arn));
        assertTrue(b.getAction(DeviceFarmBuildAction.class).getOutcomes().get(0).isStoppedByUs());
    }

    @Test
    void abortBeforeTheSessionIsRunningStopsIt() throws Exception {
        WorkflowJob p = pipeline(j, "early", "deviceFarmSession(deviceArn: '" + PIXEL + "') { echo 'never here' }");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        await("the session to be recorded", () -> b.getAction(DeviceFarmBuildAction.class) != null
                && !b.getAction(DeviceFarmBuildAction.class).getResources().isEmpty());
        j.waitForMessage("Waiting until session", b); // the simulated clock stands still: not RUNNING yet
        b.getExecutor().interrupt();
        letSessionStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogNotContains("never here", b);
        assertEquals(1, simulator.journal().count("StopRemoteAccessSession"));
    }

    @Test
    void invalidInputFailsTheStepWithItsMessageAndSendsNothing() throws Exception {
        WorkflowJob p = pipeline(j, "bad", "deviceFarmSession(deviceArn: '" + PIXEL + "', interactionMode: 'LOUD') { echo 'x' }");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("interactionMode: 'LOUD' is not a known value", b);
        assertEquals(0, simulator.journal().count("CreateRemoteAccessSession"));
    }
}
