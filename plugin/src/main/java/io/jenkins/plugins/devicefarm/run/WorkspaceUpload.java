package io.jenkins.plugins.devicefarm.run;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devicefarm.core.upload.PresignedPut;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Sends a workspace file to its presigned upload URL from the machine that holds it (the agent):
 * streamed, never through the controller, never whole in memory. The URL is a secret that grants
 * write access to the upload: it exists only in this callable on its way to the agent (never in
 * the build log, build.xml or the Pipeline program); {@link #toString()} leaves it out.
 */
public final class WorkspaceUpload extends MasterToSlaveFileCallable<Long> {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String contentType;

    public WorkspaceUpload(String url, String contentType) {
        this.url = url;
        this.contentType = contentType;
    }

    /**
     * Answers the bytes sent. An interrupt (the build aborted: remoting interrupts this thread)
     * closes the connection, which ends the transfer at once.
     */
    @Override
    public Long invoke(File file, VirtualChannel channel) throws IOException, InterruptedException {
        Path path = file.toPath();
        CompletableFuture<Long> sending = PresignedPut.withDefaults().send(url, () -> {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Files.size(path), contentType);
        try {
            return sending.get();
        } catch (InterruptedException e) {
            sending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public String toString() {
        return "upload to Device Farm";
    }
}
