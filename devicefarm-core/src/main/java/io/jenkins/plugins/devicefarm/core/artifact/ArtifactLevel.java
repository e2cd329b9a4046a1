package io.jenkins.plugins.devicefarm.core.artifact;

/** Where in a run's result tree artifacts are listed; deeper levels place files in deeper folders. */
public enum ArtifactLevel { RUN, JOB, SUITE, TEST }
