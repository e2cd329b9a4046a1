package io.jenkins.plugins.devicefarm.freestyle;

import io.jenkins.plugins.devicefarm.EndpointMasking;
import io.jenkins.plugins.devicefarm.SimulatorFixture;
import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.simulator.SessionScript;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Aborting a freestyle build stops what it owns on Device Farm, and the build ends ABORTED. */
@WithJenkins
class FreestyleAbortTest extends SimulatorFixture {

    @Test
    void abortWhileTheRecorderWaitsStopsTheRun() throws Exception {
        String run = TestSupport.scheduleRun(client, simulator, "queued forever"); // the manual clock never moves
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("RUN_ARN", "")));
        p.getPublishersList().add(new DeviceFarmResultsRecorder("${RUN_ARN}"));
        FreeStyleBuild b = p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("RUN_ARN", run))).waitForStart();
        j.waitForMessage("[Device Farm] Waiting for 1 run(s)/job(s) to complete", b);
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertTrue(simulator.journal().count("StopRun", run) >= 1);
        Outcome o = outcome(b, run);
        assertEquals("STOPPED", o.getResult());
        assertTrue(o.isStoppedByUs());
        assertTrue(b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
        // An abort is not an error: one line, no InterruptedException stack trace.
        j.assertLogContains("[Device Farm] Build aborted while waiting for Device Farm.", b);
        j.assertLogNotContains("InterruptedException", b);
        j.assertLogNotContains("aborted due to exception", b);
        assertFalse(b.getLog().contains("\tat "), "no stack trace in the console");
    }

    @Test
    void aTimeoutEndsTheWaitOnTimeSaysSoAndTheStopIsRecordedWhenItEnds() throws Exception {
        String run = TestSupport.scheduleRun(client, simulator, "queued forever"); // the manual clock never moves
        FreeStyleProject p = j.createFreeStyleProject();
        DeviceFarmResultsRecorder recorder = new DeviceFarmResultsRecorder(run);
        recorder.setTimeoutMinutes(1);
        p.getPublishersList().add(recorder);
        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("timed out after 1 minute: stopping it", b);
        await("the stop to be recorded", () -> b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
        assertTrue(outcome(b, run).isStoppedByUs());
        assertEquals(1, simulator.journal().count("StopRun", run));
    }

    @Test
    void stopOfAnUnknownRunFailsWithOneLineAndLeavesNothingForTheSafetyNet() throws Exception {
        String known = TestSupport.scheduleRun(client, simulator, "smoke");
        String nope = known.substring(0, known.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new DeviceFarmStopBuilder(nope));
        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("NotFoundException", b);
        j.assertLogNotContains("was still open when the build ended", b);
        j.assertLogNotContains("may still be billing", b);
        DeviceFarmBuildAction action = b.getAction(DeviceFarmBuildAction.class);
        assertTrue(action == null || action.getResources().isEmpty());
        io.jenkins.plugins.devicefarm.safety.StartupSweepAccess.sweep();
        assertEquals(1, simulator.journal().count("StopRun", nope)); // the step's one attempt; never again
    }

    @Test
    void abortWhileTheSessionIsOpenStopsTheSession() throws Exception {
        simulator.scenario().sessionScript(new SessionScript(0, 0, 0)); // RUNNING at once, stopped at once
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildWrappersList().add(new DeviceFarmSessionWrapper(null, TestSupport.PIXEL));
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws InterruptedException, IOException {
                String endpoint = build.getEnvironment(listener).get(DeviceFarmSessionWrapper.ENV_ENDPOINT);
                seen.set(endpoint);
                listener.getLogger().println("endpoint is " + endpoint);
                started.countDown();
                new CountDownLatch(1).await(); // until aborted
                return true;
            }
        });
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        started.await();
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertTrue(simulator.journal().count("StopRemoteAccessSession") >= 1);
        assertNotNull(seen.get());
        j.assertLogContains("endpoint is " + EndpointMasking.MASK, b);
        j.assertLogNotContains(seen.get(), b);
        DeviceFarmBuildAction action = b.getAction(DeviceFarmBuildAction.class);
        assertTrue(action.getOpen().isEmpty());
        assertTrue(action.getOutcomes().get(0).isStoppedByUs());
        assertFalse(Files.readString(b.getRootDir().toPath().resolve("build.xml")).contains(seen.get()),
                "the endpoint must not be persisted");
    }

    @Test
    void abortWhileWaitingForTheSessionStopsIt() throws Exception {
        simulator.scenario().sessionScript(new SessionScript(3600, 30, 0)); // queued for an hour of simulated time
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildWrappersList().add(new DeviceFarmSessionWrapper(null, TestSupport.PIXEL));
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waiting until it is RUNNING", b);
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        await("the session stop", () -> simulator.journal().count("StopRemoteAccessSession") >= 1);
        await("the stop to be recorded", () -> b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
    }

    @Test
    void recorderSetsTheResultByThePolicy() throws Exception {
        String run = TestSupport.scheduleRun(client, simulator, "warn me");
        clock.advance(java.time.Duration.ofHours(1)); // the demo script: WARNED
        FreeStyleProject p = j.createFreeStyleProject();
        DeviceFarmResultsRecorder recorder = new DeviceFarmResultsRecorder(run);
        recorder.setWarned("SUCCESS");
        p.getPublishersList().add(recorder);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        Outcome o = outcome(b, run);
        assertEquals("WARNED", o.getResult());
        assertTrue(o.getDeviceMinutes().getTotal() > 0);
        recorder.setWarned(null);
        j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
    }

    private static Outcome outcome(FreeStyleBuild b, String arn) {
        return b.getAction(DeviceFarmBuildAction.class).getOutcomes().stream()
                .filter(o -> o.getArn().equals(arn)).findFirst().orElseThrow();
    }
}
