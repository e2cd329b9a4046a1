package io.jenkins.plugins.devicefarm.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.tasks.test.PipelineTestDetails;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.run.RunFlow;
import io.jenkins.plugins.devicefarm.freestyle.FreestyleOnly;
import io.jenkins.plugins.devicefarm.steps.AbortReason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Build step "Run tests on AWS Device Farm": the same fields as {@code deviceFarmRun} (it holds a
 * {@link RunStep}), {@code ${VAR}}s expanded from the build's environment, and the same
 * {@link RunFlow}. The executor thread only waits for the flow's future; an abort arrives as an
 * InterruptedException, stops whatever is under way (a transfer, processing, a run being
 * scheduled or running), waits a bounded time for the stops, then lets the abort go on. Jenkins
 * shutting down interrupts it too: then it ends at once, and the restart's sweep stops the run.
 */
public class DeviceFarmRunBuilder extends Builder implements SimpleBuildStep {
    /** How long an aborted build waits for its stops to be confirmed before it ends (they go on regardless). */
    static final long STOP_WAIT_SECONDS = 60;

    private final RunStep run;

    @DataBoundConstructor
    public DeviceFarmRunBuilder(RunStep run) {
        this.run = run == null ? new RunStep() : run;
    }

    public RunStep getRun() {
        return run;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> build, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
                        @NonNull TaskListener listener) throws InterruptedException, IOException {
        FreestyleOnly.check(build, "deviceFarmRunTests", "deviceFarmRun");
        RunFlow flow;
        try {
            flow = new RunFlow(run.toSpec(env::expand));
        } catch (InvalidInputException e) {
            throw new AbortException("[Device Farm] " + e.getMessage());
        }
        CompletableFuture<Map<String, Object>> result = flow.run(new JenkinsRunSite(new Host(build, workspace, launcher, listener),
                run.getCredentialsId(), run.getRegion()));
        try {
            result.get();
        } catch (InterruptedException e) {
            if (DeviceFarmEngine.isClosing()) {
                // The flow keeps its state for a resume no freestyle build gets: end now and say what remains.
                listener.getLogger().println("[Device Farm] Jenkins is shutting down while " + flow.phase()
                        + "; a freestyle build does not go on after a restart: " + flow.leftAtShutdown());
                throw e;
            }
            listener.getLogger().println("[Device Farm] Build aborted while " + flow.phase() + ": stopping what this step started");
            flow.abort(AbortReason.of(e));
            try {
                result.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException | TimeoutException again) {
                listener.getLogger().println("[Device Farm] The stops go on in the background and are recorded on the build.");
            } catch (ExecutionException expected) {
                // the flow ends with the abort once everything is stopped and cleaned up
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable failure = RunExecution.userFacing(DeviceFarmLifecycle.unwrap(e));
            if (failure instanceof AbortException a) {
                throw a;
            }
            throw new IOException(failure.getMessage(), failure);
        }
    }

    /** What the freestyle build gives the flow. It cannot outlive a restart: the safety net stops its run then. */
    private static final class Host implements RunHost {
        private final Run<?, ?> build;
        private final FilePath workspace;
        private final Launcher launcher;
        private final TaskListener listener;

        Host(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener) {
            this.build = build;
            this.workspace = workspace;
            this.launcher = launcher;
            this.listener = listener;
        }

        @NonNull
        @Override
        public Run<?, ?> build() {
            return build;
        }

        @NonNull
        @Override
        public FilePath workspace() {
            return workspace;
        }

        @NonNull
        @Override
        public Launcher launcher() {
            return launcher;
        }

        @NonNull
        @Override
        public TaskListener listener() {
            return listener;
        }

        @CheckForNull
        @Override
        public PipelineTestDetails testDetails() {
            return null;
        }

        @Override
        public void setResult(@NonNull Result result, @NonNull String why) {
            listener.getLogger().println("[Device Farm] " + why + ": build result " + result);
            build.setResult(result);
        }

        @Override
        public void saveState() {
            // nothing to save: a freestyle build does not resume after a restart
        }
    }

    @Extension
    @Symbol("deviceFarmRunTests")
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run tests on AWS Device Farm";
        }
    }
}
