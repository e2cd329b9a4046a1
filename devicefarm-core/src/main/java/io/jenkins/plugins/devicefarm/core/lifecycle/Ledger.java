package io.jenkins.plugins.devicefarm.core.lifecycle;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;

/**
 * Where a front end keeps what its build owns on Device Farm (in Jenkins: the build's record in
 * build.xml, which the safety net reads) and where it tells the user. The lifecycle calls it
 * off the engine's threads, one call at a time per operation and in order, so implementations
 * may block (save a file, write a log); they are never called on a poll or stop thread.
 */
public interface Ledger {
    /**
     * Device Farm confirmed the resource exists, or may have created it: from now on it must be
     * stopped if the build ends while it is open. Called before the first {@link #record} of the
     * ARN, and possibly again later: do nothing for what is already tracked. Nothing Device Farm
     * never confirmed is ever tracked.
     */
    void track(DeviceFarmArn arn);

    /** The latest state seen (ended once {@link Outcome#isEnded()}). */
    void record(Outcome outcome);

    /**
     * Device Farm did not accept a stop within the retry limit: it may still be running and
     * billing. {@code message} names the ARN and the console page to stop it by hand.
     */
    void stopFailed(DeviceFarmArn arn, String message);

    /**
     * Device Farm does not know the resource (or not with these credentials and region): there is
     * nothing to stop, and nothing to try again later. {@code message} says what to check.
     */
    default void unknown(DeviceFarmArn arn, String message) {}

    /** A line for the user (the build log). */
    default void say(String line) {}

    /** A line for the user about something that went wrong (the build log, as an error). */
    default void warn(String line) {}
}
