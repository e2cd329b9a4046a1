package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.devicefarm.RemotingCalls;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.session.AppReference;
import io.jenkins.plugins.devicefarm.core.upload.PendingUpload;
import io.jenkins.plugins.devicefarm.core.upload.ResumableUploads;
import io.jenkins.plugins.devicefarm.core.upload.UploadProgress;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.run.WorkspaceUpload;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The session's apps given as workspace paths, uploaded one after another before the session is
 * prepared, through the core's {@link ResumableUploads}: CreateUpload (type from the file's
 * extension), the bytes streamed from the agent that holds the workspace straight to the presigned
 * URL (which stays inside {@link WorkspaceUpload}), then processing, polled on the engine. Each
 * upload is noted in the {@link UploadProgress} and {@code save}d when Device Farm creates it (so
 * the caller deletes it whatever happens next) and when its bytes arrived (so that after a restart
 * it is only awaited). {@link #cancel()} (an abort) ends whichever phase is under way. Used by the
 * Pipeline step and the freestyle wrapper.
 */
public final class SessionAppUploads {
    @CheckForNull
    private final FilePath workspace;
    private final ResumableUploads uploads;

    /** {@code workspace} may be null after a restart (the agent not back yet): then only uploads whose bytes arrived go on. */
    public SessionAppUploads(@CheckForNull FilePath workspace, DeviceFarmArn project, Uploader uploader, UploadProgress progress,
                             Runnable save, PrintStream log) {
        this.workspace = workspace;
        this.uploads = new ResumableUploads(uploader, project, progress, save, line -> log.println("[Device Farm] " + line));
    }

    /**
     * Checks every file that still has bytes to send first (a missing one names its field before
     * anything is created), then uploads them, one upload per path; answers each upload's ARN by
     * the path it was given as. Not for the CPS VM thread.
     */
    public CompletableFuture<Map<String, String>> start(List<AppReference> apps) throws Exception {
        Map<String, AppReference> byPath = new LinkedHashMap<>();
        for (AppReference app : apps) {
            byPath.putIfAbsent(app.path(), app);
        }
        FilePath ws = workspace;
        Map<String, FilePath> files = new HashMap<>();
        for (AppReference app : byPath.values()) {
            if (!uploads.needsFile(app.path())) {
                continue; // its bytes reached Device Farm before a restart: only awaited
            }
            if (ws == null) {
                throw new AbortException(app.field() + ": '" + app.path() + "' still has to be sent, but the agent that holds the"
                        + " workspace is not connected after the Jenkins restart. Run the build again");
            }
            FilePath file = ws.child(app.path());
            if (!file.exists() || file.isDirectory()) {
                throw new InvalidInputException(app.field(), "no file '" + app.path() + "' in the workspace " + ws.getRemote(),
                        "Give a path relative to the workspace, an upload ARN, or the name of an upload");
            }
            files.put(app.path(), file);
        }
        Map<String, String> arns = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (AppReference app : byPath.values()) {
            FilePath file = files.get(app.path()); // null when only awaited: then nothing is sent
            chain = chain.thenCompose(x -> uploads.upload(app.path(), app.field(), app.path(), app.pathType(),
                            pending -> fromAgent(file, pending), () -> null) // the session step has no deadline
                    .thenAccept(u -> arns.put(app.path(), u.arn())));
        }
        return chain.thenApply(x -> arns);
    }

    /** Whether a CreateUpload awaits its answer (a safe restart waits for it: the upload is known nowhere yet). */
    public boolean isCreating() {
        return uploads.isCreating();
    }

    /** Ends the transfer or processing under way (a create in flight is let answer); the chain then fails and creates nothing more. */
    public void cancel() {
        uploads.cancel();
    }

    /** The bytes from the agent that holds the file; cancelling interrupts the remoting call, which closes the connection. */
    private static CompletableFuture<Long> fromAgent(FilePath file, PendingUpload pending) {
        return RemotingCalls.onRemotingThread(() -> file.act(new WorkspaceUpload(pending.url(), pending.contentType())));
    }
}
