package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.model.Outcome;

/** The deadline passed. Carries the last outcome seen (the final one, if we stopped it). */
public class WatchTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Outcome outcome;

    public WatchTimeoutException(String message, Outcome outcome) {
        super(message);
        this.outcome = outcome;
    }

    /** May be null when Device Farm never answered. */
    public Outcome getOutcome() {
        return outcome;
    }
}
