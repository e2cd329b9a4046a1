package io.jenkins.plugins.devicefarm.run;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devicefarm.core.upload.PresignedPut;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Sends a workspace file to its presigned upload URL from the machine that holds it (the agent):
 * streamed, never through the controller, never whole in memory. The URL is a secret that grants
 * write access to the upload: it exists only in this callable on its way to the agent (never in
 * the build log, build.xml or the Pipeline program); {@link #toString()} leaves it out.
 */
final class WorkspaceUpload extends MasterToSlaveFileCallable<Long> {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String contentType;

    WorkspaceUpload(String url, String contentType) {
        this.url = url;
        this.contentType = contentType;
    }

    /** Answers the bytes sent; an interrupt (the build aborted) ends the transfer. */
    @Override
    public Long invoke(File file, VirtualChannel channel) throws IOException, InterruptedException {
        return PresignedPut.withDefaults().put(url, file.toPath(), contentType);
    }

    @Override
    public String toString() {
        return "upload to Device Farm";
    }
}
