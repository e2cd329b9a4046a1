package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.model.Outcome;

/**
 * Device Farm would not accept a stop for this ARN within the retry limit. The resource may
 * still be running (and billing): the message names the ARN and the console page to stop it by hand.
 */
public class StopFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private final Outcome lastSeen;

    public StopFailedException(String arn, String message, Outcome lastSeen, Throwable cause) {
        super(message, cause);
        this.arn = arn;
        this.lastSeen = lastSeen;
    }

    public String getArn() {
        return arn;
    }

    /** The last state seen before giving up; may be null. */
    public Outcome getLastSeen() {
        return lastSeen;
    }
}
