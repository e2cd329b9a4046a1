package io.jenkins.plugins.devicefarm.core.result;

/**
 * A build verdict, in Jenkins' order of severity (same names as hudson.model.Result, so the
 * plugin maps with Result.fromString(verdict.name())).
 */
public enum Verdict {
    SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED;

    /** The more severe of the two, as Jenkins combines results. */
    public Verdict combine(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
