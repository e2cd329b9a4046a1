package io.jenkins.plugins.devicefarm.steps;

import hudson.FilePath;
import io.jenkins.plugins.devicefarm.RemotingCalls;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.session.AppReference;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.run.WorkspaceUpload;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The session's apps given as workspace paths, uploaded one after another before the session is
 * prepared: CreateUpload (type from the file's extension), the bytes streamed from the agent that
 * holds the workspace straight to the presigned URL (which stays inside {@link WorkspaceUpload}),
 * then processing, polled on the engine. {@link #cancel()} (an abort) ends whichever phase is under
 * way. Each created upload is reported to {@code created} before its bytes are sent, so that the
 * caller can delete it whatever happens next. Used by the Pipeline step and the freestyle wrapper.
 */
public final class SessionAppUploads {
    private final FilePath workspace;
    private final DeviceFarmArn project;
    private final Uploader uploader;
    private final Consumer<String> created;
    private final PrintStream log;
    private volatile CompletableFuture<?> current;
    private volatile boolean cancelled;

    public SessionAppUploads(FilePath workspace, DeviceFarmArn project, Uploader uploader, Consumer<String> created, PrintStream log) {
        this.workspace = workspace;
        this.project = project;
        this.uploader = uploader;
        this.created = created;
        this.log = log;
    }

    /**
     * Checks every file first (a missing one names its field before anything is created), then
     * uploads them; answers each upload's ARN by the path it was given as. Not for the CPS VM thread.
     */
    public CompletableFuture<Map<String, String>> start(List<AppReference> apps) throws Exception {
        Map<AppReference, FilePath> files = new LinkedHashMap<>();
        for (AppReference app : apps) {
            FilePath file = workspace.child(app.path());
            if (!file.exists() || file.isDirectory()) {
                throw new InvalidInputException(app.field(), "no file '" + app.path() + "' in the workspace " + workspace.getRemote(),
                        "Give a path relative to the workspace, an upload ARN, or the name of an upload");
            }
            files.put(app, file);
        }
        Map<String, String> arns = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Map.Entry<AppReference, FilePath> e : files.entrySet()) {
            chain = chain.thenCompose(x -> one(e.getKey(), e.getValue()).thenAccept(arn -> arns.put(e.getKey().path(), arn)));
        }
        return chain.thenApply(x -> arns);
    }

    /** Ends the transfer or processing under way (a create in flight is let answer); the chain then fails and creates nothing more. */
    public void cancel() {
        cancelled = true;
        CompletableFuture<?> c = current;
        if (c != null) {
            c.cancel(true);
        }
    }

    private CompletableFuture<String> one(AppReference app, FilePath file) {
        if (cancelled) {
            return CompletableFuture.failedFuture(new CancellationException("aborted")); // the next app is not even created
        }
        log.println("[Device Farm] " + app.field() + ": uploading workspace file '" + app.path() + "' as " + app.pathType());
        // The create is not cancelled: its answer is awaited even after an abort, so the upload is known and deleted.
        return uploader.create(project, app.path(), app.pathType()).thenCompose(pending -> {
            String arn = pending.arn().toString();
            created.accept(arn);
            if (cancelled) {
                return CompletableFuture.<String>failedFuture(new CancellationException("aborted")); // no transfer starts
            }
            return step(RemotingCalls.onRemotingThread(() -> file.act(new WorkspaceUpload(pending.url(), pending.contentType()))))
                    .thenCompose(bytes -> {
                        log.println("[Device Farm] " + app.field() + ": sent " + bytes + " bytes; Device Farm is processing " + pending);
                        return step(uploader.awaitProcessed(pending.arn(), null));
                    })
                    .thenApply(u -> {
                        log.println("[Device Farm] " + app.field() + ": upload '" + u.name() + "' " + u.statusAsString() + " (" + arn + ")");
                        return arn;
                    });
        });
    }

    /** Each phase is the one {@link #cancel()} ends; after a cancel none starts. */
    private <T> CompletableFuture<T> step(CompletableFuture<T> f) {
        current = f;
        if (cancelled) {
            f.cancel(true);
            return CompletableFuture.failedFuture(new CancellationException("aborted"));
        }
        return f;
    }
}
