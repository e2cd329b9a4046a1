package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.console.ConsoleLogFilter;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.AppReference;
import io.jenkins.plugins.devicefarm.core.session.EndpointRedaction;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.upload.UploadProgress;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The session step's life: UPLOADING (only for apps given as workspace paths: from the agent, then
 * processed; after a restart an upload whose bytes arrived is awaited, one cut short is deleted and
 * sent again), CREATING (checking the request with Device Farm, then creating; no ARN yet),
 * STARTING (recorded, waiting until RUNNING), BODY, STOPPING (body ended, stopping and
 * following the session), then the step completes. Persisted: the phase, the request (which the
 * uploads go on from after a restart), the session's unique name (to find it again after a restart during the
 * create), the ARN, the body's execution and result, the uploads it created and which of them
 * were sent (deleted at the end unless keepUploads); never the endpoints nor an upload URL.
 * Fields read by other threads (abort, callbacks, timers) are volatile.
 */
final class SessionExecution extends DeviceFarmExecution {
    private static final long serialVersionUID = 1L;

    enum Phase { UPLOADING, CREATING, STARTING, BODY, STOPPING }

    /** The name Device Farm gets: the user's name plus a random tag, unique across creates. */
    private final String uniqueName;
    private volatile String projectArn;
    private volatile Phase phase = Phase.CREATING;
    private volatile String arn;
    private volatile String deviceName;
    private volatile BodyExecution body;
    private volatile Object bodyResult;
    private volatile Throwable bodyFailure;
    /** The uploads this step created from workspace files, saved at each change: deleted when the step ends unless keepUploads. */
    private final UploadProgress uploads = new UploadProgress();
    private final boolean keepUploads;
    /** Set by the first abort; whichever of stop() and the step's own progress sees it last acts on it. */
    private volatile Throwable abortCause;

    /** Needed until the create call; after a restart while uploading, the apps go on from it (it holds no secret). */
    private volatile SessionRequest request;
    private transient volatile Followed followed;
    private transient volatile SessionAppUploads appUploads;

    SessionExecution(StepContext context, SessionStep step) {
        super(context, step);
        this.request = step.toRequest(UnaryOperator.identity());
        String name = request.name();
        this.uniqueName = DeviceFarmWatcher.uniqueName(name == null ? null : name.strip(), SessionRequest.MAX_NAME_LENGTH);
        this.keepUploads = step.isKeepUploads();
    }

    @Override
    public boolean start() throws Exception {
        try {
            request.toSdkRequest(); // every field checked before anything is sent
            projectArn = request.project().toString();
            if (!request.workspaceApps().isEmpty()) {
                // Only a workspace path needs one: the step's required context has no FilePath, so it is optional.
                FilePath workspace = getContext().get(FilePath.class);
                if (workspace == null) {
                    AppReference a = request.workspaceApps().get(0);
                    throw new InvalidInputException(a.field(), "'" + a.path() + "' is a workspace path, but deviceFarmSession"
                            + " runs outside node", "Run it inside node { ... }, or give an upload ARN or the name of an upload");
                }
                phase = Phase.UPLOADING;
                background(() -> uploadApps(workspace));
                return false;
            }
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        background(this::prepare);
        return false;
    }

    private void prepare() throws Exception {
        DeviceFarmEngine.get().prepareSession(client(), request, uniqueName).whenCompleteAsync(this::prepared, Timer.get());
    }

    /**
     * The apps given as workspace paths, from the agent, before anything else is created; after a
     * restart, from where they were ({@code workspace} null if the agent is not back yet: only
     * uploads whose bytes arrived can go on then). Each change to the uploads is saved at once.
     */
    private void uploadApps(@CheckForNull FilePath workspace) throws Exception {
        SessionAppUploads u = new SessionAppUploads(workspace, request.project(), new Uploader(client(), DeviceFarmEngine.get()),
                uploads, () -> getContext().saveState(), listener().getLogger());
        appUploads = u;
        if (abortCause != null) {
            u.cancel();
        }
        CompletableFuture<Map<String, String>> uploaded;
        try {
            uploaded = u.start(request.workspaceApps());
        } catch (Exception e) {
            end(e, null);
            return;
        }
        uploaded.whenCompleteAsync((arns, error) -> {
            if (error != null || abortCause != null) {
                end(abortCause != null ? abortCause : error, null); // no session: the uploads are deleted
                return;
            }
            try {
                request.withUploadedApps(arns);
                phase = Phase.CREATING;
                getContext().saveState();
                prepare();
            } catch (Exception e) {
                end(e, null);
            }
        }, Timer.get());
    }

    /**
     * Ends the step once the uploads it created are deleted (unless keepUploads): the session, if
     * any, has ended by now. A failed delete is a warning, never the step's failure.
     */
    private void end(Throwable failure, Object result) {
        if (isClosing()) {
            return; // the Jenkins this ran under is shutting down or gone: the uploads stay in the saved state for onResume()
        }
        CompletableFuture<Void> deleted = CompletableFuture.completedFuture(null);
        List<String> mine = uploads.arns();
        if (!mine.isEmpty() && keepUploads) {
            listener().getLogger().println("[Device Farm] Kept the upload(s) this step created (keepUploads: true): " + String.join(", ", mine));
        } else if (!mine.isEmpty()) {
            try {
                ClientLease lease = lease(); // its own: the step's lease may be gone already (a second abort)
                deleted = new Uploader(lease.client(), DeviceFarmEngine.get())
                        .deleteAll(uploads, line -> listener().getLogger().println("[Device Farm] " + line),
                                line -> listener().error("[Device Farm] " + line))
                        .whenComplete((x, e) -> lease.close());
            } catch (Exception e) {
                listener().error("[Device Farm] Could not delete the upload(s) this step created: " + e.getMessage());
            }
        }
        deleted.whenCompleteAsync((x, e) -> {
            if (failure != null) {
                fail(failure);
            } else {
                succeed(result);
            }
        }, Timer.get());
    }

    /** Device Farm confirmed the project, the device and the apps: only now is anything created. */
    private void prepared(PreparedSession p, Throwable error) {
        try {
            if (error != null || abortCause != null) {
                end(abortCause != null ? abortCause : error, null); // nothing was created
                return;
            }
            listener().getLogger().println("[Device Farm] Creating remote access session '" + uniqueName + "' on "
                    + p.request().deviceArn());
            // Tracked on the build and recorded by the lifecycle as soon as Device Farm answers (or the session is adopted).
            lifecycle().createSession(lease(), p, ledger()).whenCompleteAsync(this::created, Timer.get());
        } catch (Exception e) {
            end(e, null);
        }
    }

    /** Jenkins waits for a create in flight (the session's, or an upload's) before a safe restart: its ARN is not known yet. */
    @Override
    public boolean blocksRestart() {
        if (isDone()) {
            return false;
        }
        SessionAppUploads u = appUploads;
        return phase == Phase.CREATING || (phase == Phase.UPLOADING && u != null && u.isCreating());
    }

    @Override
    public void onResume() {
        if (isDone()) {
            return;
        }
        switch (phase) {
            case UPLOADING -> background(this::resumeUploads);
            case CREATING -> background(this::adoptAfterRestart);
            case STARTING -> background(() -> {
                if (abortCause != null) {
                    stopBeforeBody(abortCause);
                } else {
                    waitUntilRunning();
                }
            });
            case BODY -> background(this::refreshEndpoints);
            case STOPPING -> background(this::stopAfterBody);
        }
    }

    /**
     * Jenkins stopped while the apps were uploading: each goes on from what was saved (awaited if
     * its bytes arrived, else sent again), unless the build was aborted before: then what was
     * uploaded is deleted and the step ends with the abort.
     */
    private void resumeUploads() throws Exception {
        if (abortCause != null) {
            end(abortCause, null);
            return;
        }
        listener().getLogger().println("[Device Farm] Jenkins restarted while deviceFarmSession was uploading its app(s): going on ("
                + uploads + ")");
        FilePath workspace;
        try {
            workspace = getContext().get(FilePath.class);
        } catch (IOException e) {
            workspace = null; // the agent is not back: the uploads that need no file still go on
        }
        uploadApps(workspace);
    }

    /**
     * Jenkins stopped while the session was being created: Device Farm may or may not have made it.
     * It is looked for by its unique name and adopted (then stopped if the build was aborted, else
     * waited for as usual); when Device Farm has none, nothing was created and nothing bills.
     */
    private void adoptAfterRestart() throws Exception {
        if (projectArn == null) {
            end(abortCause != null ? abortCause : new AbortException("Jenkins restarted before remote access session '" + uniqueName
                    + "' was checked; nothing was created. Run the build again."), null);
            return;
        }
        listener().getLogger().println("[Device Farm] Jenkins restarted while creating remote access session '" + uniqueName
                + "': looking for it on Device Farm");
        DeviceFarmEngine.get().findSession(client(), DeviceFarmArn.parse("projectArn", projectArn, ArnKind.PROJECT), uniqueName)
                .whenCompleteAsync((Optional<Outcome> found, Throwable error) -> {
                    if (error != null) {
                        end(new AbortException("Could not tell whether Device Farm created remote access session '" + uniqueName
                                + "' before Jenkins restarted: " + userFacing(error).getMessage()
                                + " If it exists it is billing: stop it in the Device Farm console."), null);
                    } else if (found.isPresent()) {
                        listener().getLogger().println("[Device Farm] Found it: adopting " + found.get().getArn());
                        adopt(found.get());
                    } else if (abortCause != null) {
                        listener().getLogger().println("[Device Farm] Device Farm has no session '" + uniqueName
                                + "': none was created, nothing bills");
                        end(abortCause, null); // aborted before the restart: the build ends with the abort
                    } else {
                        end(new AbortException("Jenkins restarted while creating remote access session '" + uniqueName
                                + "', and Device Farm has no session of that name: none was created, nothing bills. Run the build again."), null);
                    }
                }, Timer.get());
    }

    /** A session found by its unique name: tracked and recorded as a create's answer would have been. */
    private void adopt(Outcome o) {
        try {
            BuildLedger ledger = ledger();
            ledger.track(DeviceFarmArn.parse("arn", o.getArn(), ArnKind.SESSION));
            ledger.record(o);
        } catch (Exception e) {
            end(e, null);
            return;
        }
        created(o, null);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (abortCause != null || phase == Phase.STOPPING) {
            fail(cause); // second abort: end now; the stop already asked for goes on and is recorded
            return;
        }
        // Set before the phase and the body are read: startBody() sets them before it reads this, so
        // one of the two always sees the other and the session is never left running.
        abortCause = cause;
        switch (phase) {
            case UPLOADING -> {
                listener().getLogger().println("[Device Farm] Build aborted while uploading the session's app: no session is created");
                SessionAppUploads u = appUploads;
                if (u != null) {
                    u.cancel(); // uploadApps() then deletes what was created and fails with the cause
                } // else uploadApps() has not stored it yet: it reads abortCause after storing it, and cancels
            }
            // prepared() or created() act on it as soon as they run; Device Farm may be slow to answer, so say so.
            case CREATING -> listener().getLogger().println("[Device Farm] Build aborted while creating remote access session '"
                    + uniqueName + "': it is stopped as soon as Device Farm answers; abort again to end the step now");
            case STARTING -> {
                Followed f = followed;
                if (f != null) {
                    listener().getLogger().println("[Device Farm] Build aborted: stopping session " + arn);
                    f.stop(abortReason(cause)); // running() then fails with the cause; the lifecycle records the stop
                } else if (arn != null) {
                    background(() -> stopBeforeBody(cause));
                }
            }
            case BODY -> {
                BodyExecution b = body;
                if (b != null) {
                    b.cancel(cause); // the body ends, then bodyEnded() stops the session
                } // else startBody() has not stored it yet: it reads abortCause after storing it, and cancels
            }
            default -> fail(cause);
        }
    }

    @Override
    public String getStatus() {
        return phase.name().toLowerCase(java.util.Locale.ROOT) + " remote access session '" + uniqueName + "'"
                + (arn == null ? "" : " " + arn);
    }

    /** On a Jenkins thread, the session tracked and recorded already: wait until it is RUNNING. */
    private void created(Outcome o, Throwable error) {
        try {
            if (error != null) {
                end(abortCause != null ? abortCause : error, null);
                return;
            }
            arn = o.getArn();
            deviceName = o.getDeviceName();
            listener().getLogger().println("[Device Farm] " + o);
            phase = Phase.STARTING;
            getContext().saveState();
            Throwable aborted = abortCause;
            if (aborted != null) {
                stopBeforeBody(aborted);
            } else {
                waitUntilRunning();
            }
        } catch (Exception e) {
            stopQuietly();
            end(e, null);
        }
    }

    private void waitUntilRunning() throws Exception {
        listener().getLogger().println("[Device Farm] Waiting until session '" + uniqueName + "' (" + arn + ") is RUNNING");
        Followed f = lifecycle().follow(lease(), sessionArn(), WatchOptions.untilRunning(), DeviceFarmEngine.pollSettings(), ledger());
        followed = f;
        f.onChange(o -> listener().getLogger().println("[Device Farm] session '" + uniqueName + "': " + o.getStatus()));
        f.outcome().whenCompleteAsync((o, e) -> running(f, o, e), Timer.get());
        if (abortCause != null) {
            f.stop(abortReason(abortCause)); // aborted while the follow was being set up
        }
    }

    /** After the lifecycle recorded what the follow came to (a failed stop included). */
    private void running(Followed f, Outcome o, Throwable error) {
        try {
            if (error != null) {
                if (abortCause != null) {
                    end(abortCause, null);
                } else {
                    stopQuietly();
                    end(error, null);
                }
                return;
            }
            listener().getLogger().println("[Device Farm] " + o);
            if (abortCause != null) {
                end(abortCause, null);
                return;
            }
            if (!o.isRunning()) {
                end(new AbortException("Remote access session '" + uniqueName + "' ended before it was ready: "
                        + o.getResult() + (o.getMessage() == null ? "" : " (" + o.getMessage() + ")")), null);
                return;
            }
            if (o.getDeviceName() != null) {
                deviceName = o.getDeviceName();
            }
            SessionEndpoints.put(arn, f.sessionEndpoints());
            startBody();
        } catch (Exception e) {
            SessionEndpoints.remove(arn); // no body runs: nothing will remove them later
            stopQuietly();
            end(e, null);
        }
    }

    private void startBody() throws Exception {
        StepContext c = getContext();
        listener().getLogger().println("[Device Farm] Session '" + uniqueName + "' is RUNNING on "
                + (deviceName == null ? "its device" : deviceName) + "; its endpoints are in $"
                + SessionEnvironment.REMOTE_DRIVER_ENDPOINT + ", $" + SessionEnvironment.INTERACTIVE_ENDPOINT + " and $"
                + SessionEnvironment.ENDPOINT + " (masked in this log)");
        BodyInvoker invoker = c.newBodyInvoker()
                .withContexts(
                        EnvironmentExpander.merge(c.get(EnvironmentExpander.class), new SessionEnvironment(arn, deviceName)),
                        BodyInvoker.mergeConsoleLogFilters(c.get(ConsoleLogFilter.class), new EndpointMask(arn)),
                        FailureHandler.merge(c.get(FailureHandler.class), new EndpointFailureHandler(arn)))
                .withCallback(new SessionCallback(this));
        // BODY before the body starts: a short body may end (bodyEnded sets STOPPING on the CPS VM thread) before
        // start() returns, and that must not be overwritten; a restart in between must not start a second body.
        phase = Phase.BODY;
        BodyExecution b = invoker.start();
        body = b;
        Throwable aborted = abortCause; // read after storing the body: stop() stores abortCause before it reads the body
        if (aborted != null) {
            b.cancel(aborted); // aborted while the body was being started
        }
    }

    /** From {@link SessionCallback}, possibly on the CPS VM thread: only note the end and hand the stop off. */
    void bodyEnded(Object result, Throwable failure) {
        bodyResult = result;
        bodyFailure = failure;
        phase = Phase.STOPPING;
        background(this::stopAfterBody);
    }

    private void stopAfterBody() throws Exception {
        // The body's failure passed EndpointFailureHandler already; mask again in case it was raised outside any step.
        EndpointRedaction redaction = new EndpointRedaction(SessionEndpoints.get(arn).secrets());
        Throwable f = bodyFailure == null ? null : EndpointFailureHandler.mask(bodyFailure, redaction);
        String reason = f == null ? "deviceFarmSession block ended"
                : f instanceof FlowInterruptedException ? abortReason(f)
                : "deviceFarmSession block failed";
        listener().getLogger().println("[Device Farm] Stopping session '" + uniqueName + "': " + reason);
        lifecycle().stopTracked(lease(), sessionArn(), reason, ledger()).whenCompleteAsync((o, e) -> {
            SessionEndpoints.remove(arn);
            try {
                if (e != null) { // recorded by the lifecycle: a refused stop stays open for the safety net
                    if (f != null) {
                        f.addSuppressed(userFacing(e));
                        end(f, null);
                    } else {
                        end(e, null);
                    }
                    return;
                }
                listener().getLogger().println("[Device Farm] " + o);
                if (f != null) {
                    end(f, null);
                } else {
                    end(null, bodyResult);
                }
            } catch (Exception x) {
                end(f != null ? f : x, null);
            }
        }, Timer.get());
    }

    /** Aborted before the body: stop the session (no watch to cancel), record, then fail with the cause. */
    private void stopBeforeBody(Throwable cause) throws Exception {
        listener().getLogger().println("[Device Farm] Build aborted: stopping session " + arn);
        lifecycle().stopTracked(lease(), sessionArn(), abortReason(cause), ledger()).whenCompleteAsync((o, e) -> {
            if (o != null) {
                listener().getLogger().println("[Device Farm] " + o);
            }
            end(cause, null); // the lifecycle recorded the stop, or why it failed
        }, Timer.get());
    }

    /** After a failure while starting: do not leave a billing session behind. */
    private void stopQuietly() {
        if (arn == null) {
            return;
        }
        try {
            // Recorded by the lifecycle; a refused stop stays open for the safety net.
            lifecycle().stopTracked(lease(), sessionArn(), "deviceFarmSession could not start its block", ledger());
        } catch (Exception e) {
            listener().error("[Device Farm] Could not stop session " + arn + ": " + e.getMessage());
        }
    }

    /**
     * After a restart the endpoints are gone from memory: ask Device Farm again. If they cannot be
     * had (the session ended meanwhile, or Device Farm refuses), the block is ended rather than left
     * running with endpoints nothing could mask; the session is then stopped as after any block.
     */
    private void refreshEndpoints() throws Exception {
        Followed w = lifecycle().follow(lease(), sessionArn(), WatchOptions.untilRunning(), DeviceFarmEngine.pollSettings(), ledger());
        w.outcome().whenCompleteAsync((o, e) -> {
            RemoteEndpoints endpoints = w.sessionEndpoints();
            String problem = e != null ? userFacing(e).getMessage()
                    : !o.isRunning() ? "it is " + o.getStatus() + (o.getResult() == null ? "" : " " + o.getResult())
                    : endpoints.isEmpty() ? "Device Farm gave no endpoints" : null;
            if (problem == null) {
                SessionEndpoints.put(arn, endpoints);
                // The block may have ended meanwhile and its stop removed them already: bodyEnded() sets
                // STOPPING before that remove, so reading the phase after the put never leaves them behind.
                if (phase != Phase.BODY || isDone()) {
                    SessionEndpoints.remove(arn);
                }
                return;
            }
            String message = "Could not read the endpoints of session '" + uniqueName + "' again after the Jenkins restart: "
                    + problem + ". Ending the block.";
            listener().error("[Device Farm] " + message);
            BodyExecution b = body;
            if (b != null) {
                b.cancel(new AbortException(message));
            } else {
                end(new AbortException(message), null);
            }
        }, Timer.get());
    }

    private DeviceFarmArn sessionArn() {
        return DeviceFarmArn.parse("arn", arn, ArnKind.SESSION);
    }
}
