package io.jenkins.plugins.devicefarm.freestyle;

import io.jenkins.plugins.devicefarm.SimulatorFixture;
import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Whatever a build tracked and did not see end is stopped when the build ends, whatever the job type. */
@WithJenkins
class SafetyNetTest extends SimulatorFixture {

    @Test
    void freestyleBuildThatLeftARunBehind() throws Exception {
        String run = TestSupport.scheduleRun(client, simulator, "left behind");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
                DeviceFarmBuildAction.of(build).track(run, null, null); // as a step does before waiting, then "forgets" it
                return true;
            }
        });
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains(run + " was still open when the build ended: stopping it.", b);
        await("StopRun", () -> simulator.journal().count("StopRun", run) == 1);
        await("the outcome", () -> b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
        Outcome o = b.getAction(DeviceFarmBuildAction.class).getOutcomes().get(0);
        assertEquals("STOPPED", o.getResult());
        assertTrue(o.isStoppedByUs());
    }

    @Test
    void pipelineBuildThatLeftARunBehind() throws Exception {
        String run = TestSupport.scheduleRun(client, simulator, "left behind by a pipeline");
        WorkflowJob p = TestSupport.pipeline(j, "p", "echo 'nothing here'");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        // A build that already ended with an open resource, e.g. one found after a restart:
        DeviceFarmBuildAction.of(b).track(run, TestSupport.CREDENTIALS_ID, null);
        io.jenkins.plugins.devicefarm.safety.StartupSweepAccess.sweep();
        await("StopRun", () -> simulator.journal().count("StopRun", run) == 1);
        await("the outcome", () -> b.getAction(DeviceFarmBuildAction.class).getOpen().isEmpty());
    }

    @Test
    void nothingOpenMeansNoCalls() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        j.buildAndAssertSuccess(p);
        assertEquals(0, simulator.journal().entries().size());
    }
}
