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
}
