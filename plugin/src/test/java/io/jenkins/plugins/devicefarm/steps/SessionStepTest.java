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
import io.jenkins.plugins.devicefarm.simulator.SessionScript;
import hudson.model.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

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

    /** Runs {@code p} until its block waits at {@code semaphore 'body'}, the session RUNNING. */
    private WorkflowRun startAndHoldTheBlock(WorkflowJob p) throws Exception {
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        letSessionStart();
        SemaphoreStep.waitForStart("body/1", b);
        return b;
    }

    /** Lets the held block end and the session stop; the build's end. */
    private WorkflowRun releaseTheBlock(WorkflowRun b) throws Exception {
        SemaphoreStep.success("body/1", null);
        letSessionStop();
        return j.waitForCompletion(b);
    }

    private static String sessionOf(WorkflowRun b) {
        return b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
    }

    @Test
    void bodySeesTheSessionAndTheEndpointIsMaskedAndNeverSaved() throws Exception {
        WorkflowJob p = pipeline(j, "session", "deviceFarmSession(deviceArn: '" + PIXEL + "', name: 'ui checks') {\n"
                + "  echo \"arn=${env.DEVICE_FARM_SESSION_ARN} device=${env.DEVICE_FARM_DEVICE_NAME}\"\n"
                + "  echo \"endpoint=${env.DEVICE_FARM_SESSION_ENDPOINT}\"\n"
                + "  semaphore 'body'\n"
                + "}");
        WorkflowRun b = startAndHoldTheBlock(p);
        String arn = sessionOf(b);
        @SuppressWarnings("deprecation") String endpoint = client.getRemoteAccessSession(r -> r.arn(arn)).remoteAccessSession().endpoint();
        assertNotNull(endpoint);
        j.assertBuildStatusSuccess(releaseTheBlock(b));

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
    void aSecondAbortWhileCreatingEndsTheStepAndTheSessionMadeAfterwardsIsStillStopped() throws Exception {
        // Device Farm makes the session but its answer is lost, and it cannot be asked about it yet: the step is creating.
        simulator.faults().loseResponses("CreateRemoteAccessSession", 1.0).serverErrors("ListRemoteAccessSessions", 1.0);
        WorkflowJob p = pipeline(j, "twice", "deviceFarmSession(deviceArn: '" + PIXEL + "') { echo 'never here' }");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Creating remote access session", b);
        await("the lost answer was looked for", () -> simulator.journal().count("ListRemoteAccessSessions") >= 1);
        b.getExecutor().interrupt(); // the first waits for Device Farm's answer, and says so
        j.waitForMessage("abort again to end the step now", b);
        b.getExecutor().interrupt(); // the second ends the step now
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.assertLogNotContains("never here", b);
        // Device Farm answers after the build ended (its safety net found nothing yet): the step adopts the session and stops it.
        simulator.faults().clear();
        await("the session stop", () -> simulator.journal().count("StopRemoteAccessSession") == 1);
        letSessionStop();
        await("the stop to be recorded", () -> b.getAction(DeviceFarmBuildAction.class) != null
                && !b.getAction(DeviceFarmBuildAction.class).getResources().isEmpty()
                && b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
        assertEquals(1, simulator.journal().count("CreateRemoteAccessSession"));
    }

    @Test
    void invalidInputFailsTheStepWithItsMessageAndSendsNothing() throws Exception {
        WorkflowJob p = pipeline(j, "bad", "deviceFarmSession(deviceArn: '" + PIXEL + "', interactionMode: 'LOUD') { echo 'x' }");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("interactionMode: 'LOUD' is not a known value", b);
        assertEquals(0, simulator.journal().count("CreateRemoteAccessSession"));
    }

    /** The endpoints Device Farm gives the running session, as a user's own client sees them. */
    private List<String> endpointsOf(String arn) {
        RemoteAccessSession s = client.getRemoteAccessSession(r -> r.arn(arn)).remoteAccessSession();
        assertNotNull(s.endpoints(), "the session's endpoints{}");
        assertNotNull(s.endpoints().remoteDriverEndpoint());
        assertNotNull(s.endpoints().interactiveEndpoint());
        @SuppressWarnings("deprecation") String endpoint = s.endpoint();
        assertNotNull(endpoint);
        return List.of(s.endpoints().remoteDriverEndpoint(), s.endpoints().interactiveEndpoint(), endpoint);
    }

    /** No file of the build (build.xml, program.dat, flow nodes, log) holds any of the endpoints. */
    private static void assertNoFileHolds(WorkflowRun b, List<String> endpoints) throws Exception {
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content;
                try {
                    content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // a temporary file of an atomic write, replaced meanwhile
                }
                for (String e : endpoints) {
                    assertFalse(content.contains(e), f + " holds an endpoint");
                }
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // sh on the agent
    void everyEndpointIsSetAndMaskedAlsoInOutputWrittenOnAnAgent() throws Exception {
        j.createOnlineSlave(Label.get("remote"));
        WorkflowJob p = pipeline(j, "agent", "deviceFarmSession(deviceArn: '" + PIXEL + "') {\n"
                + "  node('remote') {\n"
                + "    sh 'echo \"driver=$DEVICE_FARM_REMOTE_DRIVER_ENDPOINT\"; echo \"interactive=$DEVICE_FARM_INTERACTIVE_ENDPOINT\"; "
                + "echo \"endpoint=$DEVICE_FARM_SESSION_ENDPOINT\"'\n"
                + "  }\n"
                + "  semaphore 'body'\n"
                + "}");
        WorkflowRun b = startAndHoldTheBlock(p);
        List<String> endpoints = endpointsOf(sessionOf(b));
        assertNoFileHolds(b, endpoints); // program.dat while the block runs
        j.assertBuildStatusSuccess(releaseTheBlock(b));

        j.assertLogContains("driver=" + EndpointMasking.MASK, b);
        j.assertLogContains("interactive=" + EndpointMasking.MASK, b);
        j.assertLogContains("endpoint=" + EndpointMasking.MASK, b);
        assertNoFileHolds(b, endpoints);
    }

    @Test
    void anErrorRaisedInTheBlockShowsNoEndpoint() throws Exception {
        WorkflowJob p = pipeline(j, "error", "deviceFarmSession(deviceArn: '" + PIXEL + "') {\n"
                + "  semaphore 'body'\n"
                + "  error \"failing with ${env.DEVICE_FARM_REMOTE_DRIVER_ENDPOINT} and ${env.DEVICE_FARM_SESSION_ENDPOINT}\"\n"
                + "}");
        WorkflowRun b = startAndHoldTheBlock(p);
        List<String> endpoints = endpointsOf(sessionOf(b));
        j.assertBuildStatus(Result.FAILURE, releaseTheBlock(b));

        j.assertLogContains("failing with " + EndpointMasking.MASK + " and " + EndpointMasking.MASK, b);
        for (String e : endpoints) {
            j.assertLogNotContains(e, b);
        }
        assertNoFileHolds(b, endpoints); // flow nodes keep the error: masked there too
        assertEquals(1, simulator.journal().count("StopRemoteAccessSession"));
    }

    @Test
    void aFieldAwsRemovedFailsTheStepSayingWhatReplacedItBeforeAnyRequest() throws Exception {
        WorkflowJob p = pipeline(j, "dropped", "deviceFarmSession(deviceArn: '" + PIXEL + "', remoteDebugEnabled: true) { echo 'never here' }");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("remoteDebugEnabled: AWS removed remote debugging from Device Farm. Remove it; drive the device through "
                + "$DEVICE_FARM_REMOTE_DRIVER_ENDPOINT", b);
        j.assertLogNotContains("never here", b);
        j.assertLogNotContains("\tat ", b); // one line, no stack trace
        assertTrue(simulator.journal().entries().isEmpty());

        WorkflowJob q = pipeline(j, "recorded", "deviceFarmSession(deviceArn: '" + PIXEL + "', remoteRecordAppArn: 'arn:aws:devicefarm:"
                + "us-west-2:123456789012:upload:5e01a8c7/app') { echo 'never here' }");
        j.assertLogContains("remoteRecordAppArn: AWS removed remote recording from Device Farm. Give the app in 'app' instead",
                j.buildAndAssertStatus(Result.FAILURE, q));
        assertTrue(simulator.journal().entries().isEmpty());
    }

    @Test
    void anUnknownDeviceIsNamedAndNothingIsCreatedOrAnnounced() throws Exception {
        String nope = "arn:aws:devicefarm:us-west-2::device:nope";
        WorkflowJob p = pipeline(j, "nope", "deviceFarmSession(deviceArn: '" + nope + "') { echo 'never here' }");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("deviceArn: Device Farm has no " + nope, b);
        j.assertLogNotContains("Creating remote access session", b);
        j.assertLogNotContains("\tat ", b);
        assertEquals(0, simulator.journal().count("CreateRemoteAccessSession"));
        assertTrue(b.getAction(DeviceFarmBuildAction.class) == null
                || b.getAction(DeviceFarmBuildAction.class).getResources().isEmpty(), "nothing to stop was recorded");
    }

    @Test
    void theFreestyleWrapperRefusesToRunInAPipeline() throws Exception {
        WorkflowJob p = pipeline(j, "wrap", "node {\n"
                + "  wrap([$class: 'DeviceFarmSessionWrapper', deviceArn: '" + PIXEL + "']) { echo 'never here' }\n"
                + "}");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("deviceFarmSessionWrapper is for freestyle jobs; in a Pipeline use deviceFarmSession(deviceArn: ...) { ... }", b);
        j.assertLogNotContains("never here", b);
        assertTrue(simulator.journal().entries().isEmpty());
    }

    /**
     * An abort at any moment of the start (while creating, while waiting, as the block starts) stops
     * the session exactly once and ends the build ABORTED: no window leaves a device billing.
     */
    @Test
    void anAbortAtAnyMomentOfTheStartStopsTheSessionOnce() throws Exception {
        simulator.scenario().sessionScript(new SessionScript(0, 0, 0)); // RUNNING at once, stopped at once
        WorkflowJob p = pipeline(j, "race", "deviceFarmSession(deviceArn: '" + PIXEL + "') { semaphore 'body' }");
        int build = 0;
        for (String moment : List.of("Creating remote access session", "Waiting until session", "is RUNNING on")) {
            build++;
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage(moment, b);
            b.getExecutor().interrupt();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            int n = build;
            await("the session of build " + n + " to be recorded as stopped", () -> {
                DeviceFarmBuildAction a = b.getAction(DeviceFarmBuildAction.class);
                return a != null && !a.getResources().isEmpty() && a.getOpen().isEmpty();
            });
            String arn = b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
            assertEquals(1, simulator.journal().count("StopRemoteAccessSession", arn), moment);
        }
    }
}
