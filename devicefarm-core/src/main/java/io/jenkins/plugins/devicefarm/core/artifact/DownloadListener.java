package io.jenkins.plugins.devicefarm.core.artifact;

/**
 * Progress of a download batch, called from download threads (implementations must be thread-safe
 * and quick, e.g. print a line). Reasons never contain URLs.
 */
public interface DownloadListener {
    DownloadListener NONE = new DownloadListener() { };

    default void started(ArtifactFile file, int attempt) { }

    default void retrying(ArtifactFile file, int failedAttempt, String reason) { }

    default void finished(ArtifactFile file, long bytes, int attempts) { }

    default void failed(ArtifactFile file, String reason) { }
}
