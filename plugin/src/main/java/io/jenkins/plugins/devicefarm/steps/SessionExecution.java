package io.jenkins.plugins.devicefarm.steps;

import hudson.AbortException;
import hudson.console.ConsoleLogFilter;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.EndpointRedaction;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The session step's life: CREATING (checking the request with Device Farm, then creating; no ARN
 * yet), STARTING (recorded, waiting until RUNNING), BODY, STOPPING (body ended, stopping and
 * following the session), then the step completes. Persisted: the phase, the session's unique
 * name (to find it again after a restart during the create), the ARN, the body's execution and
 * result; never the endpoints. Fields read by other threads (abort, callbacks, timers) are volatile.
 */
final class SessionExecution extends DeviceFarmExecution {
    private static final long serialVersionUID = 1L;

    enum Phase { CREATING, STARTING, BODY, STOPPING }

    /** The name Device Farm gets: the user's name plus a random tag, unique across creates. */
    private final String uniqueName;
    private volatile String projectArn;
    private volatile Phase phase = Phase.CREATING;
    private volatile String arn;
    private volatile String deviceName;
    private volatile BodyExecution body;
    private volatile Object bodyResult;
    private volatile Throwable bodyFailure;
    /** Set by the first abort; whichever of stop() and the step's own progress sees it last acts on it. */
    private volatile Throwable abortCause;

    /** Only needed until the create call; after a restart the session is found by its unique name. */
    private transient SessionRequest request;
    private transient volatile Followed followed;

    SessionExecution(StepContext context, SessionStep step) {
        super(context, step);
        this.request = step.toRequest(UnaryOperator.identity());
        String name = request.name();
        this.uniqueName = DeviceFarmWatcher.uniqueName(name == null ? null : name.strip(), SessionRequest.MAX_NAME_LENGTH);
    }

    @Override
    public boolean start() throws Exception {
        try {
            request.toSdkRequest(); // every field checked before anything is sent
            projectArn = request.project().toString();
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        background(() -> DeviceFarmEngine.get().prepareSession(client(), request, uniqueName)
                .whenCompleteAsync(this::prepared, Timer.get()));
        return false;
    }

    /** Device Farm confirmed the project, the device and the apps: only now is anything created. */
    private void prepared(PreparedSession p, Throwable error) {
        try {
            if (error != null || abortCause != null) {
                fail(abortCause != null ? abortCause : error); // nothing was created
                return;
            }
            listener().getLogger().println("[Device Farm] Creating remote access session '" + uniqueName + "' on "
                    + p.request().deviceArn());
            // Tracked on the build and recorded by the lifecycle as soon as Device Farm answers (or the session is adopted).
            lifecycle().createSession(lease(), p, ledger()).whenCompleteAsync(this::created, Timer.get());
        } catch (Exception e) {
            fail(e);
        }
    }

    /** Jenkins waits for a create in flight before a safe restart: its ARN is not known yet. */
    @Override
    public boolean blocksRestart() {
        return phase == Phase.CREATING && !isDone();
    }

    @Override
    public void onResume() {
        if (isDone()) {
            return;
        }
        switch (phase) {
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
     * Jenkins stopped while the session was being created: Device Farm may or may not have made it.
     * It is looked for by its unique name and adopted (then stopped if the build was aborted, else
     * waited for as usual); when Device Farm has none, nothing was created and nothing bills.
     */
    private void adoptAfterRestart() throws Exception {
        if (projectArn == null) {
            fail(abortCause != null ? abortCause : new AbortException("Jenkins restarted before remote access session '" + uniqueName
                    + "' was checked; nothing was created. Run the build again."));
            return;
        }
        listener().getLogger().println("[Device Farm] Jenkins restarted while creating remote access session '" + uniqueName
                + "': looking for it on Device Farm");
        DeviceFarmEngine.get().findSession(client(), DeviceFarmArn.parse("projectArn", projectArn, ArnKind.PROJECT), uniqueName)
                .whenCompleteAsync((Optional<Outcome> found, Throwable error) -> {
                    if (error != null) {
                        fail(new AbortException("Could not tell whether Device Farm created remote access session '" + uniqueName
                                + "' before Jenkins restarted: " + userFacing(error).getMessage()
                                + " If it exists it is billing: stop it in the Device Farm console."));
                    } else if (found.isPresent()) {
                        listener().getLogger().println("[Device Farm] Found it: adopting " + found.get().getArn());
                        adopt(found.get());
                    } else if (abortCause != null) {
                        listener().getLogger().println("[Device Farm] Device Farm has no session '" + uniqueName
                                + "': none was created, nothing bills");
                        fail(abortCause); // aborted before the restart: the build ends with the abort
                    } else {
                        fail(new AbortException("Jenkins restarted while creating remote access session '" + uniqueName
                                + "', and Device Farm has no session of that name: none was created, nothing bills. Run the build again."));
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
            fail(e);
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
                fail(abortCause != null ? abortCause : error);
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
            fail(e);
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
                    fail(abortCause);
                } else {
                    stopQuietly();
                    fail(error);
                }
                return;
            }
            listener().getLogger().println("[Device Farm] " + o);
            if (abortCause != null) {
                fail(abortCause);
                return;
            }
            if (!o.isRunning()) {
                fail(new AbortException("Remote access session '" + uniqueName + "' ended before it was ready: "
                        + o.getResult() + (o.getMessage() == null ? "" : " (" + o.getMessage() + ")")));
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
            fail(e);
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
                        fail(f);
                    } else {
                        fail(e);
                    }
                    return;
                }
                listener().getLogger().println("[Device Farm] " + o);
                if (f != null) {
                    fail(f);
                } else {
                    succeed(bodyResult);
                }
            } catch (Exception x) {
                fail(f != null ? f : x);
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
            fail(cause); // the lifecycle recorded the stop, or why it failed
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
                fail(new AbortException(message));
            }
        }, Timer.get());
    }

    private DeviceFarmArn sessionArn() {
        return DeviceFarmArn.parse("arn", arn, ArnKind.SESSION);
    }
}
