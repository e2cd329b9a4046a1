package io.jenkins.plugins.devicefarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.io.Serializable;

/**
 * One run, job or session a build owns on Device Farm, as kept in build.xml: the ARN, how to
 * reach it again (credentials id and region, never the secrets) and what became of it.
 */
public final class TrackedResource implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private final String credentialsId;
    private final String region;
    private Outcome outcome;
    private boolean ended;
    private String stopFailure;
    /** The user asked not to stop it (e.g. stopOnAbort: false): the safety net leaves it alone. */
    private boolean leftRunning;
    /** Set when Device Farm answered NotFound for it: there was nothing to stop. */
    private String unknown;

    TrackedResource(String arn, String credentialsId, String region) {
        this.arn = arn;
        this.credentialsId = credentialsId;
        this.region = region;
    }

    public String getArn() {
        return arn;
    }

    /** Null means the global default. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    /** Null means the global default. */
    @CheckForNull
    public String getRegion() {
        return region;
    }

    /** The latest outcome seen, or null before the first answer. */
    @CheckForNull
    public synchronized Outcome getOutcome() {
        return outcome;
    }

    /** Device Farm will not change it any more: nothing left for the safety net to stop. */
    public synchronized boolean isEnded() {
        return ended;
    }

    /** Why stopping it failed, or null. */
    @CheckForNull
    public synchronized String getStopFailure() {
        return stopFailure;
    }

    synchronized void update(Outcome latest) {
        outcome = latest;
        if (latest.isEnded()) {
            ended = true;
            stopFailure = null;
        }
    }

    public synchronized boolean isLeftRunning() {
        return leftRunning;
    }

    synchronized void leaveRunning() {
        leftRunning = true;
    }

    synchronized void stopFailed(String message) {
        stopFailure = message;
    }

    /** Device Farm does not know it: ended, with why, and never a stop failure. */
    synchronized void unknown(String message) {
        ended = true;
        stopFailure = null;
        unknown = message;
    }

    /** Why Device Farm does not know it (e.g. NotFoundException), or null. */
    @CheckForNull
    public synchronized String getUnknown() {
        return unknown;
    }
}
