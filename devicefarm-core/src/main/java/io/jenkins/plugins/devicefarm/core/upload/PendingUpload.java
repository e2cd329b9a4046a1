package io.jenkins.plugins.devicefarm.core.upload;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.io.Serializable;

/**
 * An upload Device Farm has created and waits for the bytes of: its ARN, name and type, and
 * the presigned URL to PUT the bytes to with {@link #contentType()}. Serializable so it can
 * travel to the agent that holds the file. The URL is a secret: {@link #toString()} leaves it out.
 */
public final class PendingUpload implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The content type every upload is created with, and that the PUT must carry. */
    public static final String CONTENT_TYPE = "application/octet-stream";

    private final DeviceFarmArn arn;
    private final String name;
    private final String type;
    private final String url;

    /** As CreateUpload answered it; {@code url} is the presigned PUT URL. */
    public PendingUpload(DeviceFarmArn arn, String name, String type, String url) {
        this.arn = arn;
        this.name = name;
        this.type = type;
        this.url = url;
    }

    /** The upload's ARN, for GetUpload, ScheduleRun and DeleteUpload. */
    public DeviceFarmArn arn() {
        return arn;
    }

    /** The file name Device Farm knows it by. */
    public String name() {
        return name;
    }

    /** The UploadType, as text. */
    public String type() {
        return type;
    }

    /** The presigned PUT URL: a secret, never to be printed. */
    public String url() {
        return url;
    }

    /** The Content-Type the PUT must carry (the URL is signed for it). */
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String toString() {
        return "upload '" + name + "' (" + type + ", " + arn + ")";
    }
}
