package io.jenkins.plugins.devicefarm.core.run;

/** Where a {@link RunFlow} is, for its status and for whoever wants to act at a given point. */
public enum RunPhase {
    STARTING, CHECKING, UPLOADING, PROCESSING, SCHEDULING, RUNNING, RESULTS, DONE
}
