package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.upload.UploadFailedException;
import io.jenkins.plugins.devicefarm.core.upload.UploadTransferException;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.core.watch.StopFailedException;
import io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * Base of the Device Farm step executions. Holds only serializable state (credentials id and
 * region; subclasses add ARNs and deadlines); client leases and engine futures are transient
 * and re-created after a restart. Nothing here blocks the CPS VM thread: work that may wait
 * (credentials lookup, build.xml saves) runs on Jenkins' timer pool, Device Farm calls on the
 * engine's threads, and both end by completing the step context. Resources go through the
 * core's lifecycle ({@link #lifecycle()}), with the build as its {@link #ledger()}.
 */
public abstract class DeviceFarmExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected final String credentialsId;
    protected final String region;

    /** The lease behind {@link #client()}; released when the step completes (work under way keeps its own). */
    private transient volatile ClientLease stepLease;
    private transient volatile boolean done;
    /**
     * The build, kept once known: once the step has completed (a second abort) the context can no
     * longer tell it (its CPS thread is gone), yet a create still under way must stop what it makes.
     */
    private transient volatile Run<?, ?> build;
    /**
     * The Jenkins this execution runs under ({@link DeviceFarmEngine#generation()}): the one that
     * started it, or after a restart the one that read it back ({@link #readResolve()}).
     */
    private transient volatile long generation = DeviceFarmEngine.generation();

    DeviceFarmExecution(StepContext context, DeviceFarmStep step) {
        super(context);
        this.credentialsId = step.getCredentialsId();
        this.region = step.getRegion();
    }

    /** Read back with the program after a restart: it now runs under the Jenkins that read it. */
    protected Object readResolve() {
        generation = DeviceFarmEngine.generation();
        return this;
    }

    /**
     * True once the Jenkins this execution runs under began to shut down, even if another has
     * started since in this JVM: a late answer to work begun under the old one leaves the step,
     * its uploads and its resources to the resumed execution.
     */
    protected final boolean isClosing() {
        return DeviceFarmEngine.isClosing(generation);
    }

    /** Something to run off the CPS VM thread. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} on Jenkins' timer pool; a failure fails the step. */
    protected final void background(Work work) {
        Timer.get().execute(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                fail(t);
            }
        });
    }

    protected final Run<?, ?> run() throws IOException, InterruptedException {
        Run<?, ?> r = build;
        if (r == null) {
            r = getContext().get(Run.class);
            build = r;
        }
        return r;
    }

    protected final TaskListener listener() {
        try {
            TaskListener l = getContext().get(TaskListener.class);
            return l == null ? TaskListener.NULL : l;
        } catch (IOException | InterruptedException e) {
            return TaskListener.NULL;
        }
    }

    protected final DeviceFarmBuildAction action() throws IOException, InterruptedException {
        return DeviceFarmBuildAction.of(run());
    }

    /**
     * The step's client, leased on first use from Jenkins credentials until the step completes.
     * Not for the CPS VM thread. Work that may outlive the step takes its own {@link #lease()}.
     */
    protected final DeviceFarmClient client() throws IOException, InterruptedException {
        ClientLease l = stepLease;
        if (l == null) {
            synchronized (this) {
                if (stepLease == null) {
                    stepLease = lease();
                }
                l = stepLease;
            }
        }
        return l.client();
    }

    /** A new lease on the shared client for the step's credentials and region; the taker releases it. */
    protected final ClientLease lease() throws IOException, InterruptedException {
        return DeviceFarmClients.lease(run(), credentialsId, region);
    }

    /** The build as the lifecycle's ledger: records in build.xml, lines in this step's log. */
    protected final BuildLedger ledger() throws IOException, InterruptedException {
        return new BuildLedger(run(), credentialsId, region, listener());
    }

    protected static DeviceFarmLifecycle lifecycle() {
        return DeviceFarmEngine.lifecycle();
    }

    protected final boolean isDone() {
        return done;
    }

    /** Completes the step once; later completions (e.g. a watch ending after an abort) are ignored. */
    protected final void succeed(Object value) {
        if (finish()) {
            getContext().onSuccess(value);
        }
    }

    protected final void fail(Throwable t) {
        if (finish()) {
            getContext().onFailure(userFacing(t));
        }
    }

    private boolean finish() {
        if (isClosing()) {
            return false; // Jenkins is shutting down: onResume() picks this up after the restart.
        }
        synchronized (this) {
            if (done) {
                return false;
            }
            done = true;
        }
        ClientLease l = stepLease;
        stepLease = null;
        if (l != null) {
            l.close(); // the client itself closes once nothing else (a stop still retried) uses it
        }
        return true;
    }

    /** Records an outcome on the build and says it in the log. */
    protected final void record(Outcome o) throws IOException, InterruptedException {
        action().record(o);
        listener().getLogger().println("[Device Farm] " + o);
    }

    /**
     * A stop Device Farm did not accept: said loudly, and left recorded for the safety net
     * (the ARN stays open in the build's record, so it is tried again when the build ends).
     */
    protected final void stopFailed(StopFailedException e) throws IOException, InterruptedException {
        listener().error("[Device Farm] COULD NOT STOP " + e.getArn() + ": " + e.getMessage());
        action().recordStopFailure(e.getArn(), e.getMessage());
        if (e.getLastSeen() != null) {
            action().record(e.getLastSeen());
        }
    }

    /** Records what an engine failure carries (timeouts and failed stops keep the last outcome). */
    protected final void recordFailure(Throwable t) throws IOException, InterruptedException {
        if (t instanceof StopFailedException s) {
            stopFailed(s);
        } else if (t instanceof WatchTimeoutException w && w.getOutcome() != null) {
            record(w.getOutcome());
        }
    }

    /** Why we stop something, with who aborted the build when Jenkins knows it. */
    protected static String abortReason(Throwable cause) {
        return AbortReason.of(cause);
    }

    /** Engine failures carry user-facing messages: show them without a stack trace (deviceFarmRun's too). */
    public static Throwable userFacing(Throwable t) {
        Throwable u = unwrap(t);
        if (u instanceof InvalidInputException || u instanceof DeviceFarmCallException || u instanceof WatchTimeoutException
                || u instanceof StopFailedException || u instanceof UploadFailedException || u instanceof UploadTransferException) {
            return new AbortException(u.getMessage());
        }
        return u;
    }

    @NonNull
    static Throwable unwrap(@NonNull Throwable t) {
        Throwable u = t;
        while ((u instanceof CompletionException || u instanceof ExecutionException) && u.getCause() != null) {
            u = u.getCause();
        }
        return u;
    }
}
