package io.jenkins.plugins.devicefarm.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A file's bytes as a network that stalls mid-transfer gives them: {@code stallAt} bytes, then
 * nothing until {@code until} completes (at most 30 s), then the rest. {@link #stalled()} completes
 * when the stall begins.
 */
public final class StallingStream extends InputStream {
    private final byte[] bytes;
    private final int stallAt;
    private final CompletableFuture<?> until;
    private final CompletableFuture<Void> stalled = new CompletableFuture<>();
    private int position;

    public StallingStream(byte[] bytes, int stallAt, CompletableFuture<?> until) {
        this.bytes = bytes;
        this.stallAt = stallAt;
        this.until = until;
    }

    public CompletableFuture<Void> stalled() {
        return stalled;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position == stallAt && !until.isDone()) {
            stalled.complete(null);
            try {
                until.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while stalled");
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the stall never ended", e);
            }
        }
        if (position >= bytes.length) {
            return -1;
        }
        int end = position < stallAt ? stallAt : bytes.length;
        int n = Math.min(len, end - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }
}
