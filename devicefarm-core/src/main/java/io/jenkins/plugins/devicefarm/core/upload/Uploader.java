package io.jenkins.plugins.devicefarm.core.upload;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCalls;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * The three phases of an upload on the engine's scheduler, no thread held between calls:
 * {@link #create} (CreateUpload), the bytes to the presigned URL ({@link PresignedPut}, wherever
 * the file is), then {@link #awaitProcessed} (GetUpload with backoff until SUCCEEDED; FAILED
 * fails with Device Farm's message first). {@link #upload} does all three for a local file.
 */
public final class Uploader {
    /** Processing is seconds to a few minutes; poll it more briskly than a run. */
    static final Duration MAX_POLL = Duration.ofSeconds(15);

    private final DeviceFarmClient client;
    private final DeviceFarmWatcher engine;
    private final PollSettings polls;

    /** Calls are made on {@code engine}'s scheduler, polls at most every 15 s. */
    public Uploader(DeviceFarmClient client, DeviceFarmWatcher engine) {
        this.client = client;
        this.engine = engine;
        PollSettings s = engine.settings();
        this.polls = s.maxInterval().compareTo(MAX_POLL) > 0 ? PollSettings.of(s.minInterval().compareTo(MAX_POLL) > 0
                ? MAX_POLL : s.minInterval(), MAX_POLL) : s;
    }

    /** CreateUpload of {@code fileName} (folders dropped, ending checked) as {@code type}; answers the pending upload. */
    public CompletableFuture<PendingUpload> create(DeviceFarmArn project, String fileName, UploadType type) {
        String name = UploadTypes.fileName(fileName);
        UploadTypes.requireName("file", name, type);
        return engine.call("CreateUpload", "upload '" + name + "' in project " + project, () -> client.createUpload(r -> r
                        .projectArn(project.toString()).name(name).type(type).contentType(PendingUpload.CONTENT_TYPE)
                        .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).upload())
                .thenApply(u -> new PendingUpload(DeviceFarmArn.parse("arn", u.arn(), ArnKind.UPLOAD), u.name(),
                        u.typeAsString(), u.url()));
    }

    /**
     * Polls GetUpload until SUCCEEDED (answered) or FAILED ({@link UploadFailedException}); after
     * {@code timeout} (null: never) a {@link io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException}.
     */
    public CompletableFuture<Upload> awaitProcessed(DeviceFarmArn upload, Duration timeout) {
        CompletableFuture<Upload> polls = engine.pollUntil("GetUpload", "upload " + upload, () -> {
            Upload u = get(upload);
            return u.status() == UploadStatus.SUCCEEDED || u.status() == UploadStatus.FAILED ? Optional.of(u) : Optional.empty();
        }, this.polls, timeout);
        return cancelling(polls.thenApply(Uploader::succeeded), polls);
    }

    /** Cancelling {@code result} (an abort) cancels {@code source} too, so no poll or transfer outlives it. */
    static <T> CompletableFuture<T> cancelling(CompletableFuture<T> result, CompletableFuture<?> source) {
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                source.cancel(true);
            }
        });
        return result;
    }

    /**
     * All three phases for a local file: create, send the bytes from here, wait for processing.
     * Cancelling the future stops whichever phase is under way (the upload is left for {@link #delete}).
     */
    public CompletableFuture<Upload> upload(DeviceFarmArn project, Path file, UploadType type, PresignedPut put,
                                            Duration timeout) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e));
        }
        CompletableFuture<Upload> result = new CompletableFuture<>();
        CompletableFuture<PendingUpload> created = create(project, file.getFileName().toString(), type);
        cancelling(result, created);
        created.thenCompose(pending -> {
            if (result.isDone()) {
                return CompletableFuture.<Upload>failedFuture(new java.util.concurrent.CancellationException());
            }
            CompletableFuture<Long> sent = put.send(pending.url(), () -> open(file), size, pending.contentType());
            cancelling(result, sent);
            return sent.thenCompose(bytes -> {
                CompletableFuture<Upload> processed = awaitProcessed(pending.arn(), timeout);
                cancelling(result, processed);
                return processed;
            });
        }).whenComplete((u, e) -> {
            if (e == null) {
                result.complete(u);
            } else {
                result.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e);
            }
        });
        return result;
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DeleteUpload; an upload already gone counts as deleted. */
    public CompletableFuture<Void> delete(DeviceFarmArn upload) {
        return engine.call("DeleteUpload", "upload " + upload, () -> {
            try {
                client.deleteUpload(r -> r.arn(upload.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT));
            } catch (NotFoundException e) {
                // deleted already (by us before a retry, or by someone else)
            }
            return Boolean.TRUE;
        }).thenApply(deleted -> null);
    }

    /**
     * Deletes every upload {@code progress} holds (those a step created), all at once, noting each one
     * gone in it: {@code said} hears a line per deleted upload, {@code warned} one per upload Device
     * Farm did not delete (a warning for the user, never a step's failure). Completes, never
     * exceptionally, once every delete has answered.
     */
    public CompletableFuture<Void> deleteAll(UploadProgress progress, Consumer<String> said, Consumer<String> warned) {
        List<CompletableFuture<Void>> deletes = new ArrayList<>();
        for (String arn : progress.arns()) {
            CompletableFuture<Void> deleting;
            try {
                deleting = delete(DeviceFarmArn.parse("arn", arn, ArnKind.UPLOAD));
            } catch (RuntimeException e) { // e.g. the engine is shut down
                deleting = CompletableFuture.failedFuture(e);
            }
            deletes.add(deleting.handle((x, e) -> {
                if (e == null) {
                    progress.deleted(arn);
                    said.accept("Deleted upload " + arn + ", which this step created");
                } else {
                    warned.accept("Could not delete upload " + arn + ": " + DeviceFarmLifecycle.unwrap(e).getMessage());
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
    }

    private Upload get(DeviceFarmArn upload) {
        return client.getUpload(r -> r.arn(upload.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).upload();
    }

    static Upload succeeded(Upload u) {
        if (u.status() == UploadStatus.SUCCEEDED) {
            return u;
        }
        String why = u.message() == null || u.message().isBlank() ? "Device Farm could not process the file." : u.message().strip();
        String metadata = u.metadata() == null || u.metadata().isBlank() ? null : u.metadata();
        throw new UploadFailedException(why + " (Device Farm marked upload '" + u.name() + "' FAILED: " + u.arn()
                + (metadata == null ? "" : "; metadata " + (metadata.length() > 300 ? metadata.substring(0, 297) + "..." : metadata))
                + ")", u.arn(), metadata);
    }
}
