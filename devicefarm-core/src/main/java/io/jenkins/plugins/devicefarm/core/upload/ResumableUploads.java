package io.jenkins.plugins.devicefarm.core.upload;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * Uploads files so that whoever drives them can go on after a restart: each upload is noted in an
 * {@link UploadProgress} when Device Farm creates it and again when its bytes have arrived, and
 * {@code save} runs right after each note, before the next phase starts. Given the progress saved
 * before a restart, a file whose bytes arrived is only awaited (GetUpload until SUCCEEDED), one
 * created but not sent is deleted, then created and sent again, and any other is uploaded as usual.
 * {@link #cancel()} (an abort) ends the phase under way and starts none; a create in flight is let
 * answer, so every upload Device Farm made is in the progress, for the caller to delete.
 */
public final class ResumableUploads {
    /** Sends the bytes to the pending upload's URL from wherever the file is; answers the bytes sent. Cancelling it ends the transfer. */
    @FunctionalInterface
    public interface Transfer {
        CompletableFuture<Long> send(PendingUpload pending);
    }

    private final Uploader uploader;
    private final DeviceFarmArn project;
    private final UploadProgress progress;
    private final Runnable save;
    private final Consumer<String> log;
    /** The phase {@link #cancel()} ends: a transfer or a processing wait, never a create or a delete. */
    private volatile CompletableFuture<?> current;
    private volatile boolean cancelled;
    /** A CreateUpload is on its way: until it answers, the upload it makes is known nowhere else. */
    private volatile boolean creating;
    private volatile Consumer<String> processing = key -> {};

    /**
     * Uploads into {@code project}, noting them in {@code progress}; {@code save} persists it (it
     * may throw: the upload then fails, its ARN still noted); {@code log} gets a line per step.
     */
    public ResumableUploads(Uploader uploader, DeviceFarmArn project, UploadProgress progress, Runnable save, Consumer<String> log) {
        this.uploader = uploader;
        this.project = project;
        this.progress = progress;
        this.save = save;
        this.log = log;
    }

    /** {@code hook} hears the key of each file as the wait for its processing starts (its bytes noted and saved). */
    public ResumableUploads whenProcessing(Consumer<String> hook) {
        this.processing = hook;
        return this;
    }

    /** Whether the file known as {@code key} still has bytes to send (so it must exist): false once they arrived. */
    public boolean needsFile(String key) {
        String arn = progress.arnOf(key);
        return arn == null || !progress.isSent(arn);
    }

    /**
     * The file known as {@code key} in the progress, as an upload of {@code type} named after
     * {@code fileName} (log lines start with {@code label}, e.g. the field that names the file):
     * uploaded, awaited or sent again as the progress says. Answers the processed
     * upload; fails with {@link UploadFailedException} when Device Farm marks it FAILED, with a
     * {@link CancellationException} after {@link #cancel()}. {@code timeout}, read as processing starts (so a
     * deadline counts the transfer too), bounds the processing; null from it: no bound.
     */
    public CompletableFuture<Upload> upload(String key, String label, String fileName, UploadType type, Transfer transfer,
                                            Supplier<Duration> timeout) {
        if (cancelled) {
            return aborted();
        }
        String known = progress.arnOf(key);
        if (known == null) {
            return fresh(key, label, fileName, type, transfer, timeout);
        }
        if (progress.isSent(known)) {
            log.accept(label + ": the bytes of '" + fileName + "' reached Device Farm before the restart; waiting until it is"
                    + " processed (" + known + ")");
            return processed(key, label, known, timeout);
        }
        log.accept(label + ": the transfer of '" + fileName + "' did not end before the restart; deleting " + known
                + " and sending the file again");
        // Not cancellable: once asked, the delete is let answer so that the progress says whether it is gone.
        return uploader.delete(arn(known)).thenCompose(x -> {
            progress.deleted(known);
            save.run();
            return fresh(key, label, fileName, type, transfer, timeout);
        });
    }

    /**
     * Whether a CreateUpload awaits its answer: a restart now would lose track of the upload it
     * makes, so whoever can hold a restart off (a safe restart) should, until it answers.
     */
    public boolean isCreating() {
        return creating;
    }

    /** Ends the transfer or processing under way; after it no create, transfer or wait starts. */
    public void cancel() {
        cancelled = true;
        CompletableFuture<?> c = current;
        if (c != null) {
            c.cancel(true);
        }
    }

    private CompletableFuture<Upload> fresh(String key, String label, String fileName, UploadType type, Transfer transfer,
                                            Supplier<Duration> timeout) {
        if (cancelled) {
            return aborted(); // the next file is not even created
        }
        log.accept(label + ": uploading '" + fileName + "' as " + type);
        // The create is not cancelled: its answer is awaited even after an abort, so the upload is noted and deleted.
        creating = true;
        CompletableFuture<PendingUpload> created;
        try {
            created = uploader.create(project, fileName, type);
        } catch (RuntimeException e) { // a name that does not fit the type: nothing was sent
            creating = false;
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<PendingUpload> noted = created.thenApply(pending -> {
            try {
                progress.created(key, pending.arn().toString());
                save.run(); // known before its bytes are sent: deleted whatever happens next
            } finally {
                creating = false;
            }
            return pending;
        });
        noted.whenComplete((p, e) -> creating = false); // a create that failed
        return noted.thenCompose(pending -> {
            String arn = pending.arn().toString();
            return phase(() -> transfer.send(pending)).thenCompose(bytes -> {
                progress.sent(arn);
                save.run(); // after a restart, only awaited
                log.accept(label + ": sent " + bytes + " bytes; Device Farm is processing " + pending);
                return processed(key, label, arn, timeout);
            });
        });
    }

    private CompletableFuture<Upload> processed(String key, String label, String arn, Supplier<Duration> timeout) {
        if (!cancelled) {
            processing.accept(key);
        }
        return phase(() -> uploader.awaitProcessed(arn(arn), timeout.get())).thenApply(u -> {
            log.accept(label + ": upload '" + u.name() + "' " + u.statusAsString() + " (" + arn + ")");
            return u;
        });
    }

    /** Starts a phase {@link #cancel()} can end, unless cancelled already. */
    private <T> CompletableFuture<T> phase(Supplier<CompletableFuture<T>> start) {
        if (cancelled) {
            return aborted();
        }
        CompletableFuture<T> f = start.get();
        current = f;
        if (cancelled) { // cancel() may have read the phase before: it sets the flag first, this reads it after storing
            f.cancel(true);
        }
        return f;
    }

    private static <T> CompletableFuture<T> aborted() {
        return CompletableFuture.failedFuture(new CancellationException("aborted"));
    }

    private static DeviceFarmArn arn(String upload) {
        return DeviceFarmArn.parse("arn", upload, ArnKind.UPLOAD);
    }
}
