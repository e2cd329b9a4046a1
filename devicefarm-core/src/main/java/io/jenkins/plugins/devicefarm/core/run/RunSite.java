package io.jenkins.plugins.devicefarm.core.run;

import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.upload.PendingUpload;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What a front end gives a {@link RunFlow}: the engine it shares, the workspace (which may be on
 * another machine: the flow never reads it itself) and the build it reports to. Methods marked
 * blocking are called on {@link #blocking()} only, never on the engine's threads.
 */
public interface RunSite {
    /** The shared engine: Device Farm calls and polls run on its scheduler. */
    DeviceFarmWatcher engine();

    /** The one lifecycle: follows, stops once and records what the build owns. */
    DeviceFarmLifecycle lifecycle();

    PollSettings pollSettings();

    /** Threads that may block: workspace checks, the build's records, the test report. */
    Executor blocking();

    /** Blocking: the build's client and ledger; the flow closes the lease when it ends. */
    RunConnection connect() throws Exception;

    /** The process is shutting down under the flow: keep everything for a resume, end nothing. */
    boolean isClosing();

    /** The workspace, as the user knows it (for messages). */
    String workspace();

    /** Blocking: whether {@code path} (relative to the workspace) is a file, not a folder. */
    boolean isFile(String path) throws Exception;

    /**
     * Sends the workspace file {@code path} to the upload's presigned URL from the machine that holds
     * it, streamed; answers the bytes sent. Cancelling the future ends the transfer at once.
     */
    CompletableFuture<Long> send(String path, PendingUpload upload);

    /** Runs {@code results} where the workspace is; cancelling the future interrupts it. */
    CompletableFuture<ResultsSummary> collect(WorkspaceResults results);

    /** A run name when the user gave none (in Jenkins: the build's full display name). */
    String defaultRunName();

    /** Blocking: keeps these workspace files with the build. */
    void archive(List<String> paths) throws Exception;

    /** Blocking: publishes the JUnit XML report at {@code path} as the build's test result; answers the failed tests. */
    int publishTests(String path) throws Exception;

    /** Blocking: makes the build's result {@code verdict} or worse, saying why. */
    void setResult(Verdict verdict, String why) throws Exception;

    /** Saves the flow's state now, so a restart finds every upload and run it made. */
    void saveState();

    /** A line in the build's log. */
    void log(String line);

    /** A line in the build's log about something that went wrong. */
    void warn(String line);

    /** The flow entered {@code phase}. */
    default void entered(RunPhase phase) {}
}
