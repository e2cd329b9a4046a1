package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/** A remote access session. Only the stop request is state; the rest is derived from the clock. */
final class SimSession {
    /** What CreateRemoteAccessSession asked for; remoteRecordAppArn and clientId may be null. */
    record Request(
            String projectArn, ScenarioDevice device, String name, String billingMethod, String interactionMode,
            boolean remoteRecordEnabled, String remoteRecordAppArn, String clientId, boolean skipAppResign) {}

    private final String arn;
    private final Request request;
    private final SessionScript script;
    private final Instant created;
    private final String endpoint;
    private Instant stopRequested; // guarded by this

    SimSession(String arn, Request request, SessionScript script, Instant created, String endpoint) {
        this.arn = arn;
        this.request = request;
        this.script = script;
        this.created = created;
        this.endpoint = endpoint;
    }

    String arn() {
        return arn;
    }

    Request request() {
        return request;
    }

    Instant created() {
        return created;
    }

    /** The secret-bearing WebSocket URL; only handed out while the session is RUNNING. */
    String endpoint() {
        return endpoint;
    }

    synchronized SessionState state(Instant now) {
        return SessionTimeline.at(created, script, stopRequested, now);
    }

    synchronized void requestStop(Instant now) {
        if (stopRequested == null && !state(now).completed()) {
            stopRequested = now;
        }
    }
}
