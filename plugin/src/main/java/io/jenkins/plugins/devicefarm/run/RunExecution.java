package io.jenkins.plugins.devicefarm.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.pipeline.JUnitResultsStepExecution;
import hudson.tasks.test.PipelineTestDetails;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.run.RunFlow;
import io.jenkins.plugins.devicefarm.steps.AbortReason;
import io.jenkins.plugins.devicefarm.steps.DeviceFarmExecution;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The asynchronous execution of {@code deviceFarmRun}: the values are checked on the CPS thread
 * (one line naming the field, nothing sent), then a {@link RunFlow} does the rest without holding
 * any thread. Persisted with the program: the flow's state (uploads, run ARN, deadline) and the
 * abort cause; after a restart {@link #onResume()} goes on where the flow was.
 */
final class RunExecution extends StepExecution implements RunHost {
    private static final long serialVersionUID = 1L;

    private final transient RunStep step;
    private RunFlow flow;
    /** The step's credentials and region: the flow's client after a restart too. */
    private String credentialsId;
    private String region;
    /** Set when the build is aborted; the step fails with it once everything is stopped. */
    private Throwable abortCause;

    private transient volatile boolean done;

    RunExecution(StepContext context, RunStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        try {
            flow = new RunFlow(step.toSpec(v -> v));
            credentialsId = step.getCredentialsId();
            region = step.getRegion();
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        go();
        return false;
    }

    @Override
    public void onResume() {
        if (done || flow == null) {
            return;
        }
        listener().getLogger().println("[Device Farm] Going on after a Jenkins restart, " + flow.phase());
        if (abortCause != null) {
            flow.abort(AbortReason.of(abortCause));
        }
        go();
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        if (abortCause != null || flow == null) {
            fail(cause); // second abort: end now; the stops already asked for go on and are recorded
            return;
        }
        abortCause = cause;
        listener().getLogger().println("[Device Farm] Build aborted while " + flow.phase() + ": stopping what this step started");
        flow.abort(AbortReason.of(cause));
    }

    /** Jenkins waits for a CreateUpload or ScheduleRun in flight before a safe restart: what it makes is not known yet. */
    @Override
    public boolean blocksRestart() {
        return !done && flow != null && flow.isCreating();
    }

    @Override
    public String getStatus() {
        return flow == null ? "starting" : flow.status();
    }

    private void go() {
        JenkinsRunSite site = new JenkinsRunSite(this, credentialsId, region);
        flow.run(site).whenComplete((value, error) -> {
            if (site.isClosing()) {
                return; // the Jenkins this ran under is gone, even if another started since in this JVM: the resumed step ends it
            }
            if (error == null && abortCause == null) {
                succeed(value);
            } else { // an abort that came while the results were published still ends the step as aborted
                fail(abortCause != null ? abortCause : error);
            }
        });
    }

    private void succeed(Object value) {
        if (finish()) {
            getContext().onSuccess(value);
        }
    }

    private void fail(Throwable t) {
        if (finish()) {
            getContext().onFailure(userFacing(t));
        }
    }

    private synchronized boolean finish() {
        if (DeviceFarmEngine.isClosing() || done) {
            return false; // Jenkins is shutting down: onResume() goes on after the restart
        }
        done = true;
        return true;
    }

    // ---- RunHost

    @NonNull
    @Override
    public Run<?, ?> build() throws IOException, InterruptedException {
        return Objects.requireNonNull(getContext().get(Run.class));
    }

    @NonNull
    @Override
    public FilePath workspace() throws IOException, InterruptedException {
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            throw new AbortException("deviceFarmRun needs a workspace: run it inside node { ... }");
        }
        return workspace;
    }

    @NonNull
    @Override
    public Launcher launcher() throws IOException, InterruptedException {
        return Objects.requireNonNull(getContext().get(Launcher.class));
    }

    @NonNull
    @Override
    public TaskListener listener() {
        try {
            TaskListener l = getContext().get(TaskListener.class);
            return l == null ? TaskListener.NULL : l;
        } catch (IOException | InterruptedException e) {
            return TaskListener.NULL;
        }
    }

    /** As the junit step does it: the node, and its enclosing stages and parallel branches. */
    @CheckForNull
    @Override
    public PipelineTestDetails testDetails() throws IOException, InterruptedException {
        FlowNode node = getContext().get(FlowNode.class);
        if (node == null) {
            return null;
        }
        List<FlowNode> blocks = JUnitResultsStepExecution.getEnclosingStagesAndParallels(node);
        PipelineTestDetails details = new PipelineTestDetails();
        details.setNodeId(node.getId());
        details.setEnclosingBlocks(JUnitResultsStepExecution.getEnclosingBlockIds(blocks));
        details.setEnclosingBlockNames(JUnitResultsStepExecution.getEnclosingBlockNames(blocks));
        return details;
    }

    /** The build's result, and a warning on this step's node so its stage shows it (as the junit step does). */
    @Override
    public void setResult(@NonNull Result result, @NonNull String why) throws IOException, InterruptedException {
        FlowNode node = getContext().get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(result).withMessage(why));
        }
        listener().getLogger().println("[Device Farm] " + why + ": build result " + result);
        getContext().setResult(result);
    }

    @Override
    public void saveState() {
        getContext().saveState();
    }

    // ---- messages

    /** As the other steps' failures (one line, no stack trace, for what the user can act on), marked as ours. */
    static Throwable userFacing(Throwable t) {
        if (t instanceof CancellationException) {
            return new AbortException("[Device Farm] Stopped: " + t.getMessage());
        }
        Throwable u = DeviceFarmExecution.userFacing(t);
        return u instanceof AbortException && u != t ? new AbortException("[Device Farm] " + u.getMessage()) : u;
    }
}
