package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.SimulatorFixture;
import static io.jenkins.plugins.devicefarm.TestSupport.ACCESS_KEY;
import static io.jenkins.plugins.devicefarm.TestSupport.SECRET_KEY;
import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static io.jenkins.plugins.devicefarm.TestSupport.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** deviceFarmWaitForRun / WaitForJob / StopRun / StopJob in Pipeline jobs against the simulator on a manual clock. */
@WithJenkins
class WaitAndStopStepsTest extends SimulatorFixture {

    @Test
    void waitForRunReturnsTheOutcomeAndRecordsIt() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        WorkflowJob p = pipeline(j, "wait", "def r = deviceFarmWaitForRun arn: '" + arn + "'\n"
                + "echo \"result=${r.result} passed=${r.counters.passed} total=${r.counters.total} metered=${r.deviceMinutes.metered}\"");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Waiting for run", b);
        clock.advance(Duration.ofHours(1)); // queue, setup, tests and teardown are over
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("result=PASSED", b);
        j.assertLogNotContains(SECRET_KEY, b);
        j.assertLogNotContains(ACCESS_KEY, b);
        Outcome o = b.getAction(DeviceFarmBuildAction.class).getOutcomes().get(0);
        assertEquals("COMPLETED", o.getStatus());
        assertTrue(b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
        assertEquals(0, simulator.journal().count("StopRun"));
    }

    @Test
    void abortWhileWaitingStopsTheRun() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        WorkflowJob p = pipeline(j, "abort", "deviceFarmWaitForRun arn: '" + arn + "'");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Waiting for run", b);
        b.getExecutor().interrupt();
        await("StopRun", () -> simulator.journal().count("StopRun") > 0);
        clock.advance(Duration.ofHours(1)); // let a stop during setup or tests finish its teardown
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, simulator.journal().count("StopRun", arn));
        Outcome o = b.getAction(DeviceFarmBuildAction.class).getOutcomes().get(0);
        assertEquals("STOPPED", o.getResult());
        assertTrue(o.isStoppedByUs());
    }

    @Test
    void stopOnAbortFalseLeavesTheRunAlone() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        WorkflowJob p = pipeline(j, "keep", "deviceFarmWaitForRun arn: '" + arn + "', stopOnAbort: false");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Waiting for run", b);
        // Recorded once Device Farm has confirmed the run (its first answer).
        await("the run recorded", () -> b.getAction(DeviceFarmBuildAction.class) != null
                && !b.getAction(DeviceFarmBuildAction.class).getResources().isEmpty());
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        // Shown on the build, but not for the safety net to stop when the build ends.
        io.jenkins.plugins.devicefarm.DeviceFarmBuildAction action = b.getAction(io.jenkins.plugins.devicefarm.DeviceFarmBuildAction.class);
        assertTrue(action.getResources().get(0).isLeftRunning());
        assertTrue(action.getOpen().isEmpty());
        assertEquals(0, simulator.journal().count("StopRun"));
    }

    @Test
    void stopRunStopsAndReturnsTheOutcome() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        WorkflowJob p = pipeline(j, "stop", "def r = deviceFarmStopRun arn: '" + arn + "'\necho \"stopped=${r.result}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p); // stopped while queued: over at once
        j.assertLogContains("stopped=STOPPED", b);
        assertEquals(1, simulator.journal().count("StopRun", arn));
    }

    @Test
    void waitForJobAndStopJob() throws Exception {
        String run = TestSupport.scheduleRun(client, simulator, "smoke");
        var jobs = client.listJobs(r -> r.arn(run)).jobs();
        String first = jobs.get(0).arn();
        String second = jobs.get(1).arn();
        WorkflowJob p = pipeline(j, "jobs", "def s = deviceFarmStopJob arn: '" + second + "'\n"
                + "def r = deviceFarmWaitForJob arn: '" + first + "', passed: 'UNSTABLE'\n"
                + "echo \"job=${r.result} other=${s.result}\"");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Waiting for job", b);
        clock.advance(Duration.ofHours(1));
        j.assertBuildStatus(Result.UNSTABLE, j.waitForCompletion(b)); // the policy override applies
        j.assertLogContains("job=PASSED other=STOPPED", b);
        assertEquals(1, simulator.journal().count("StopJob", second));
    }

    @Test
    void invalidArnFailsBeforeAnythingIsSent() throws Exception {
        WorkflowJob p = pipeline(j, "bad", "deviceFarmWaitForRun arn: 'arn:aws:devicefarm:us-west-2:123456789012:project:abc'");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("arn: is the ARN of a project, not the ARN of a run", b);
        assertTrue(simulator.journal().entries().isEmpty());
        assertFalse(b.getLog().contains("at io.jenkins.plugins")); // a message, not a stack trace
    }

    @Test
    void arnFromEnvironmentInDeclarativePipeline() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        WorkflowJob p = pipeline(j, "declarative", "pipeline {\n"
                + "  agent none\n"
                + "  environment { RUN_ARN = '" + arn + "' }\n"
                + "  stages {\n"
                + "    stage('Device Farm') {\n"
                + "      steps {\n"
                + "        script {\n"
                + "          def r = deviceFarmWaitForRun(arn: env.RUN_ARN, timeoutMinutes: 30)\n"
                + "          echo \"declarative=${r.status}\"\n"
                + "        }\n"
                + "      }\n"
                + "    }\n"
                + "  }\n"
                + "}");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Waiting for run", b);
        clock.advance(Duration.ofHours(1));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("declarative=COMPLETED", b);
    }

    /** A run ARN of the right shape that Device Farm does not know. */
    private String unknownRun() {
        String known = TestSupport.scheduleRun(client, simulator, "smoke");
        return known.substring(0, known.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";
    }

    private static void assertNothingTrackedNorBilling(WorkflowRun b) throws Exception {
        DeviceFarmBuildAction action = b.getAction(DeviceFarmBuildAction.class);
        assertTrue(action == null || action.getResources().isEmpty(), "nothing Device Farm never confirmed is tracked");
        assertLogLacks(b, "was still open when the build ended");
        assertLogLacks(b, "may still be billing");
        assertLogLacks(b, "at io.jenkins.plugins");
    }

    private static void assertLogLacks(WorkflowRun b, String text) throws Exception {
        assertFalse(b.getLog().contains(text), () -> "the log must not contain '" + text + "'");
    }

    @Test
    void aBadResultPolicyValueFailsWithOneLineNamingTheField() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        simulator.journal().clear();
        WorkflowJob p = pipeline(j, "yellow", "deviceFarmWaitForRun arn: '" + arn + "', passed: 'YELLOW'");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("passed: 'YELLOW' is not a build result. Use one of SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED", b);
        j.assertLogNotContains("No enum constant", b);
        assertFalse(b.getLog().contains("\tat "), "a message, not a stack trace");
        assertTrue(simulator.journal().entries().isEmpty());
    }

    @Test
    void anUnknownRunIsNeitherTrackedNorStoppedNorSweptAfterARestart() throws Exception {
        String nope = unknownRun();
        simulator.journal().clear();
        WorkflowJob p = pipeline(j, "unknown", "deviceFarmWaitForRun arn: '" + nope + "'");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("NotFoundException", b);
        assertNothingTrackedNorBilling(b);
        io.jenkins.plugins.devicefarm.safety.StartupSweepAccess.sweep();
        assertEquals(0, simulator.journal().count("StopRun"));

        WorkflowJob stop = pipeline(j, "stop-unknown", "deviceFarmStopRun arn: '" + nope + "'");
        WorkflowRun s = j.buildAndAssertStatus(Result.FAILURE, stop);
        j.assertLogContains("NotFoundException", s);
        assertNothingTrackedNorBilling(s);
    }

    @Test
    void unknownCredentialsOrAWrongRegionFailAtOnceAndTrackNothing() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        simulator.journal().clear();
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE,
                pipeline(j, "creds", "deviceFarmWaitForRun arn: '" + arn + "', credentialsId: 'nope'"));
        j.assertLogContains("credentialsId: no AWS credentials with id 'nope'", b);
        assertNothingTrackedNorBilling(b);
        WorkflowRun r = j.buildAndAssertStatus(Result.FAILURE,
                pipeline(j, "region", "deviceFarmStopRun arn: '" + arn + "', region: 'moon-base-1'"));
        j.assertLogContains("region: 'moon-base-1' is not an AWS region name", r);
        assertNothingTrackedNorBilling(r);
        assertTrue(simulator.journal().entries().isEmpty());
    }

    @Test
    void unreachableDeviceFarmIsSaidAtOnceAndTheTimeoutEndsTheWaitOnTime() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        simulator.stopServer();
        WorkflowJob p = pipeline(j, "unreachable", "deviceFarmWaitForRun arn: '" + arn + "', timeoutMinutes: 1");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("could not reach Device Farm", b);
        j.assertLogContains("Still trying until", b); // said while the step still waits
        assertTrue(b.isBuilding());
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains("timed out after 1 minute without an answer from Device Farm", b);
        j.assertLogContains("nothing was stopped", b);
        assertNothingTrackedNorBilling(b);
    }

    @Test
    void anUnstableResultAlsoMarksTheStepSoTheStageTurnsUnstable() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "warn me"); // the demo script: WARNED
        WorkflowJob p = pipeline(j, "warned", "stage('Device Farm') { deviceFarmWaitForRun arn: '" + arn + "' }");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Waiting for run", b);
        clock.advance(Duration.ofHours(1));
        j.assertBuildStatus(Result.UNSTABLE, j.waitForCompletion(b));
        boolean flagged = false;
        for (org.jenkinsci.plugins.workflow.graph.FlowNode n : new org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner()
                .allNodes(b.getExecution())) {
            org.jenkinsci.plugins.workflow.actions.WarningAction w = n.getPersistentAction(org.jenkinsci.plugins.workflow.actions.WarningAction.class);
            if (w != null && w.getResult() == Result.UNSTABLE) {
                flagged = true;
            }
        }
        assertTrue(flagged, "the step's node carries a WarningAction(UNSTABLE)");
    }

    @Test
    void theBuildIsListedOnTheCredentialsItUsed() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        WorkflowJob p = pipeline(j, "tracked", "deviceFarmStopRun arn: '" + arn + "'");
        j.buildAndAssertSuccess(p);
        com.cloudbees.plugins.credentials.Credentials c =
                com.cloudbees.plugins.credentials.SystemCredentialsProvider.getInstance().getCredentials().get(0);
        hudson.model.Fingerprint fp = com.cloudbees.plugins.credentials.CredentialsProvider.getFingerprintOf(c);
        assertTrue(fp != null && fp.getJobs().contains(p.getFullName()), "CredentialsProvider.track(run, credentials)");
    }

    @Test
    void theFreestyleStepsRefusePipelinesWithOneLine() throws Exception {
        String arn = TestSupport.scheduleRun(client, simulator, "smoke");
        simulator.journal().clear();
        WorkflowRun r = j.buildAndAssertStatus(Result.FAILURE, pipeline(j, "results", "deviceFarmResults arns: '" + arn + "'"));
        j.assertLogContains("deviceFarmResults is for freestyle jobs; in a Pipeline use deviceFarmWaitForRun or deviceFarmWaitForJob", r);
        WorkflowRun s = j.buildAndAssertStatus(Result.FAILURE, pipeline(j, "stop", "deviceFarmStop arn: '" + arn + "'"));
        j.assertLogContains("deviceFarmStop is for freestyle jobs; in a Pipeline use deviceFarmStopRun or deviceFarmStopJob", s);
        assertFalse(r.getLog().contains("\tat ") || s.getLog().contains("\tat "), "a message, not a stack trace");
        assertTrue(simulator.journal().entries().isEmpty());
    }
}
