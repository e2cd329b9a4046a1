package io.jenkins.plugins.devicefarm.core.artifact;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body streamed into a {@code .part} file one buffer at a time (asking for the next only
 * after writing this one, so memory stays constant whatever the size). {@link #abort()} stops it
 * for good and deletes the file, even if the HTTP client delivers more afterwards.
 */
final class PartFile implements HttpResponse.BodySubscriber<Long> {
    private final Path path;
    private final CompletableFuture<Long> body = new CompletableFuture<>();
    private Flow.Subscription subscription; // guarded by this
    private FileChannel channel; // guarded by this
    private long written; // guarded by this
    private boolean aborted; // guarded by this

    PartFile(Path path) {
        this.path = path;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (aborted) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        if (aborted) {
            return;
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            }
            for (ByteBuffer b : buffers) {
                while (b.hasRemaining()) {
                    written += channel.write(b);
                }
            }
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            discard();
            body.completeExceptionally(e);
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        discard();
        body.completeExceptionally(t);
    }

    @Override
    public synchronized void onComplete() {
        if (aborted) {
            return;
        }
        try {
            if (channel == null) {
                Files.write(path, new byte[0]); // an empty file is a file too
            } else {
                channel.close();
            }
            body.complete(written);
        } catch (IOException e) {
            discard();
            body.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<Long> getBody() {
        return body;
    }

    /** No more writes; the partial file is deleted. */
    synchronized void abort() {
        aborted = true;
        if (subscription != null) {
            subscription.cancel();
        }
        discard();
    }

    private void discard() {
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing more to do: the caller reports the download failed
        }
    }
}
