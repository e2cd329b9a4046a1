package io.jenkins.plugins.devicefarm.steps;

import hudson.AbortException;
import hudson.console.ConsoleLogFilter;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.watch.Watch;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.util.UUID;
import java.util.function.UnaryOperator;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The session step's life: CREATING (no ARN yet), STARTING (recorded, waiting until RUNNING),
 * BODY, STOPPING (body ended, stopping and following the session), then the step completes.
 * Persisted: the phase, the ARN, the body's execution and result; never the endpoint.
 */
final class SessionExecution extends DeviceFarmExecution {
    private static final long serialVersionUID = 1L;

    enum Phase { CREATING, STARTING, BODY, STOPPING }

    private final String sessionName;
    private volatile Phase phase = Phase.CREATING;
    private volatile String arn;
    private String deviceName;
    private BodyExecution body;
    private Object bodyResult;
    private Throwable bodyFailure;
    /** Set when the build is aborted before the body started. */
    private volatile Throwable abortCause;

    /** Only needed until the create call; rebuilt from nothing after a restart. */
    private transient SessionRequest request;
    private transient volatile Watch watch;

    SessionExecution(StepContext context, SessionStep step) {
        super(context, step);
        this.request = step.toRequest(UnaryOperator.identity());
        // Named here, so a message can name the session even before Device Farm returns its ARN.
        if (request.name() == null || request.name().isBlank()) {
            request.name("jenkins-" + UUID.randomUUID());
        }
        this.sessionName = request.name();
    }

    @Override
    public boolean start() throws Exception {
        try {
            request.toSdkRequest(); // every field checked before anything is sent
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        background(() -> {
            listener().getLogger().println("[Device Farm] Creating remote access session '" + sessionName + "'");
            DeviceFarmEngine.get().createSession(client(), request).whenCompleteAsync(this::created, Timer.get());
        });
        return false;
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
            case CREATING -> fail(new AbortException("Jenkins restarted while creating remote access session '" + sessionName
                    + "'. If Device Farm created it, stop it in the Device Farm console."));
            case STARTING -> background(() -> {
                if (abortCause != null) {
                    stopBeforeBody(abortCause);
                } else {
                    waitUntilRunning();
                }
            });
            case BODY -> background(this::refreshEndpoint);
            case STOPPING -> background(this::stopAfterBody);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (abortCause != null || phase == Phase.STOPPING) {
            fail(cause); // second abort: end now; the stop already asked for goes on and is recorded
            return;
        }
        switch (phase) {
            case CREATING -> abortCause = cause; // created() stops it as soon as its ARN is known
            case STARTING -> {
                abortCause = cause;
                Watch w = watch;
                if (w != null) {
                    listener().getLogger().println("[Device Farm] Build aborted: stopping session " + arn);
                    w.cancel(abortReason(cause)); // running() then records and fails with the cause
                } else {
                    background(() -> stopBeforeBody(cause));
                }
            }
            case BODY -> {
                BodyExecution b = body;
                if (b != null) {
                    b.cancel(cause); // the body ends, then bodyEnded() stops the session
                } else {
                    fail(cause);
                }
            }
            default -> fail(cause);
        }
    }

    @Override
    public String getStatus() {
        return phase.name().toLowerCase(java.util.Locale.ROOT) + " remote access session '" + sessionName + "'"
                + (arn == null ? "" : " " + arn);
    }

    /** On a Jenkins thread: record the new session first, then wait until it is RUNNING. */
    private void created(Outcome o, Throwable error) {
        try {
            if (error != null) {
                fail(abortCause != null ? abortCause : error);
                return;
            }
            arn = o.getArn();
            deviceName = o.getDeviceName();
            action().track(arn, credentialsId, region);
            record(o);
            phase = Phase.STARTING;
            getContext().saveState();
            Throwable aborted = abortCause;
            if (aborted != null) {
                stopBeforeBody(aborted);
            } else {
                waitUntilRunning();
            }
        } catch (Exception e) {
            fail(e);
        }
    }

    private void waitUntilRunning() throws Exception {
        listener().getLogger().println("[Device Farm] Waiting until session '" + sessionName + "' (" + arn + ") is RUNNING");
        Watch w = DeviceFarmEngine.get().watch(client(), sessionArn(), WatchOptions.untilRunning(), DeviceFarmEngine.pollSettings());
        watch = w;
        w.onChange(o -> listener().getLogger().println("[Device Farm] session '" + sessionName + "': " + o.getStatus()));
        w.outcome().whenCompleteAsync((o, e) -> running(w, o, e), Timer.get());
    }

    private void running(Watch w, Outcome o, Throwable error) {
        try {
            if (error != null) {
                recordFailure(unwrap(error));
                if (abortCause != null) {
                    fail(abortCause);
                } else {
                    stopQuietly();
                    fail(error);
                }
                return;
            }
            record(o);
            if (abortCause != null) {
                fail(abortCause);
                return;
            }
            if (!"RUNNING".equals(o.getStatus())) {
                fail(new AbortException("Remote access session '" + sessionName + "' ended before it was ready: "
                        + o.getResult() + (o.getMessage() == null ? "" : " (" + o.getMessage() + ")")));
                return;
            }
            if (o.getDeviceName() != null) {
                deviceName = o.getDeviceName();
            }
            SessionEndpoints.put(arn, w.sessionEndpoint());
            startBody();
        } catch (Exception e) {
            stopQuietly();
            fail(e);
        }
    }

    private void startBody() throws Exception {
        StepContext c = getContext();
        listener().getLogger().println("[Device Farm] Session '" + sessionName + "' is RUNNING on "
                + (deviceName == null ? "its device" : deviceName) + "; its endpoint is in $" + SessionEnvironment.ENDPOINT
                + " (masked in this log)");
        phase = Phase.BODY;
        body = c.newBodyInvoker()
                .withContexts(
                        EnvironmentExpander.merge(c.get(EnvironmentExpander.class), new SessionEnvironment(arn, deviceName)),
                        BodyInvoker.mergeConsoleLogFilters(c.get(ConsoleLogFilter.class), new EndpointMask(arn)))
                .withCallback(new SessionCallback(this))
                .start();
    }

    /** From {@link SessionCallback}, possibly on the CPS VM thread: only note the end and hand the stop off. */
    void bodyEnded(Object result, Throwable failure) {
        bodyResult = result;
        bodyFailure = failure;
        phase = Phase.STOPPING;
        background(this::stopAfterBody);
    }

    private void stopAfterBody() throws Exception {
        Throwable f = bodyFailure;
        String reason = f == null ? "deviceFarmSession block ended"
                : f instanceof FlowInterruptedException ? abortReason(f)
                : "deviceFarmSession block failed";
        listener().getLogger().println("[Device Farm] Stopping session '" + sessionName + "': " + reason);
        DeviceFarmEngine.get().stop(client(), sessionArn(), reason).whenCompleteAsync((o, e) -> {
            SessionEndpoints.remove(arn);
            try {
                if (e != null) {
                    recordFailure(unwrap(e));
                    if (f != null) {
                        f.addSuppressed(userFacing(e));
                        fail(f);
                    } else {
                        fail(e);
                    }
                    return;
                }
                record(o);
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
        DeviceFarmEngine.get().stop(client(), sessionArn(), abortReason(cause)).whenCompleteAsync((o, e) -> {
            try {
                if (e != null) {
                    recordFailure(unwrap(e));
                } else {
                    record(o);
                }
            } catch (Exception x) {
                cause.addSuppressed(x);
            }
            fail(cause);
        }, Timer.get());
    }

    /** After a failure while starting: do not leave a billing session behind. */
    private void stopQuietly() {
        if (arn == null) {
            return;
        }
        try {
            DeviceFarmEngine.get().stop(client(), sessionArn(), "deviceFarmSession could not start its block")
                    .whenCompleteAsync((o, e) -> {
                        try {
                            if (e != null) {
                                recordFailure(unwrap(e));
                            } else {
                                record(o);
                            }
                        } catch (Exception x) {
                            // The record lags; the safety net still sees the ARN as open.
                        }
                    }, Timer.get());
        } catch (Exception e) {
            listener().error("[Device Farm] Could not stop session " + arn + ": " + e.getMessage());
        }
    }

    /** After a restart the endpoint is gone from memory: ask Device Farm again. */
    private void refreshEndpoint() throws Exception {
        Watch w = DeviceFarmEngine.get().watch(client(), sessionArn(), WatchOptions.untilRunning(), DeviceFarmEngine.pollSettings());
        w.outcome().thenRun(() -> SessionEndpoints.put(arn, w.sessionEndpoint()));
    }

    private DeviceFarmArn sessionArn() {
        return DeviceFarmArn.parse("arn", arn, ArnKind.SESSION);
    }
}
