package io.jenkins.plugins.devicefarm.steps;

import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static io.jenkins.plugins.devicefarm.TestSupport.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/** A wait survives a controller restart: it follows the persisted ARN again and still stops it on abort. */
class RestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private ManualSimClock clock;
    private DeviceFarmSimulator simulator;
    private String runArn;

    @BeforeEach
    void startSimulator() {
        clock = new ManualSimClock();
        simulator = DeviceFarmSimulator.builder().clock(clock).build(); // outlives both Jenkins sessions
        try (DeviceFarmClient c = TestSupport.client(simulator)) {
            runArn = TestSupport.scheduleRun(c, simulator, "smoke");
        }
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private void startWaiting() throws Throwable {
        sessions.then(j -> {
            TestSupport.configure(simulator);
            WorkflowJob p = pipeline(j, "p", "def r = deviceFarmWaitForRun arn: '" + runArn + "'\necho \"after=${r.result}\"");
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Waiting for run", b);
        });
    }

    @Test
    void waitResumesAfterRestartAndCompletes() throws Throwable {
        startWaiting();
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("again after a Jenkins restart", b);
            clock.advance(Duration.ofHours(1));
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("after=PASSED", b);
            assertEquals(0, simulator.journal().count("StopRun"));
        });
    }

    @Test
    void abortAfterRestartStillStopsTheRun() throws Throwable {
        startWaiting();
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("again after a Jenkins restart", b);
            b.getExecutor().interrupt();
            await("StopRun", () -> simulator.journal().count("StopRun") > 0);
            clock.advance(Duration.ofHours(1));
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            assertEquals(1, simulator.journal().count("StopRun", runArn));
        });
    }
}
