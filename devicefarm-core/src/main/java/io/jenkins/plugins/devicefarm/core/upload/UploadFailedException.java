package io.jenkins.plugins.devicefarm.core.upload;

/**
 * Device Farm processed an upload and marked it FAILED. The message starts with Device Farm's
 * own {@code message} (why), then names the upload; {@link #metadata()} is what it reported beside.
 */
public class UploadFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String uploadArn;
    private final String metadata;

    /** {@code message} starts with Device Farm's own words. */
    public UploadFailedException(String message, String uploadArn, String metadata) {
        super(message);
        this.uploadArn = uploadArn;
        this.metadata = metadata;
    }

    /** The failed upload, to delete it. */
    public String uploadArn() {
        return uploadArn;
    }

    /** May be null. */
    public String metadata() {
        return metadata;
    }
}
