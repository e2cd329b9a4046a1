package io.jenkins.plugins.devicefarm.core.upload;

import java.io.IOException;

/**
 * Sending the bytes to the presigned URL failed. The message never holds the URL (a secret);
 * {@link #statusCode()} is the HTTP status, or 0 when there was no answer.
 */
public class UploadTransferException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /** {@code message} must not contain the URL. */
    public UploadTransferException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int statusCode() {
        return statusCode;
    }
}
