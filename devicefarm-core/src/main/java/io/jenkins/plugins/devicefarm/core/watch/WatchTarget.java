package io.jenkins.plugins.devicefarm.core.watch;

/** When a watch is done. */
public enum WatchTarget {
    /** Status COMPLETED (runs, jobs, sessions). */
    COMPLETED,
    /** A session is RUNNING (ready to use) or has already ended. */
    RUNNING;

    boolean reachedBy(String status) {
        return "COMPLETED".equals(status) || (this == RUNNING && "RUNNING".equals(status));
    }
}
