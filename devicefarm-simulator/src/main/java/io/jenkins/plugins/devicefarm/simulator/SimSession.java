package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/**
 * A remote access session. Only the stop request and the WebDriver sessions opened on its device
 * are state; its status is derived from the clock.
 */
final class SimSession {
    /**
     * What CreateRemoteAccessSession asked for, checked; appArn is null without an app, instanceArn
     * null on a device without instances.
     */
    record Request(
            String projectArn, ScenarioProject project, ScenarioDevice device, String name, String interactionMode,
            boolean skipAppResign, String appArn, String instanceArn, SessionConfiguration configuration) {

        String billingMethod() {
            return configuration.billingMethod();
        }
    }

    private final String arn;
    private final Request request;
    private final SessionScript script;
    private final long deviceWaitSeconds;
    private final Instant created;
    private final SessionEndpoints endpoints;
    private final WebDriverSessions driverSessions = new WebDriverSessions();
    private Instant stopRequested; // guarded by this

    SimSession(String arn, Request request, SessionScript script, long deviceWaitSeconds, Instant created,
            SessionEndpoints endpoints) {
        this.arn = arn;
        this.request = request;
        this.script = script;
        this.deviceWaitSeconds = deviceWaitSeconds;
        this.created = created;
        this.endpoints = endpoints;
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

    /** The secret URLs; only handed out, and only served, while the session is RUNNING. */
    SessionEndpoints endpoints() {
        return endpoints;
    }

    WebDriverSessions driverSessions() {
        return driverSessions;
    }

    synchronized SessionState state(Instant now) {
        return SessionTimeline.at(created, script, deviceWaitSeconds, stopRequested, now);
    }

    synchronized void requestStop(Instant now) {
        if (stopRequested == null && !state(now).completed()) {
            stopRequested = now;
        }
    }
}
