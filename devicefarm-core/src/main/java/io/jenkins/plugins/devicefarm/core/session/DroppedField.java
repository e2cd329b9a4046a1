package io.jenkins.plugins.devicefarm.core.session;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;

/**
 * CreateRemoteAccessSession members AWS removed from Device Farm's API. A value for one of them
 * is refused before anything is sent, with what replaced it, rather than silently ignored.
 */
public enum DroppedField {
    REMOTE_RECORD_ENABLED("remoteRecordEnabled", "AWS removed remote recording from Device Farm",
            "Remove it; to start the session with your app installed, give it in 'app'"),
    REMOTE_RECORD_APP_ARN("remoteRecordAppArn", "AWS removed remote recording from Device Farm",
            "Give the app in 'app' instead: Device Farm installs it when the session starts"),
    CLIENT_ID("clientId", "AWS removed remote debugging (and its client id) from Device Farm",
            "Remove it; drive the device through $DEVICE_FARM_REMOTE_DRIVER_ENDPOINT (Appium/WebDriver) instead"),
    SSH_PUBLIC_KEY("sshPublicKey", "AWS removed remote debugging (and its SSH access) from Device Farm",
            "Remove it; drive the device through $DEVICE_FARM_REMOTE_DRIVER_ENDPOINT (Appium/WebDriver) instead"),
    REMOTE_DEBUG_ENABLED("remoteDebugEnabled", "AWS removed remote debugging from Device Farm",
            "Remove it; drive the device through $DEVICE_FARM_REMOTE_DRIVER_ENDPOINT (Appium/WebDriver) instead");

    private final String field;
    private final String why;
    private final String instead;

    DroppedField(String field, String why, String instead) {
        this.field = field;
        this.why = why;
        this.instead = instead;
    }

    /** The name users wrote it with in a step or job. */
    public String field() {
        return field;
    }

    /** One line naming the field, why it is gone and what to do instead. */
    public String explanation() {
        return field + ": " + why + ". " + instead;
    }

    InvalidInputException refusal() {
        return new InvalidInputException(field, why, instead);
    }
}
