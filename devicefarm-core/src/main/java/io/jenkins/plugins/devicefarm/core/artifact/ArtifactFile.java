package io.jenkins.plugins.devicefarm.core.artifact;

import java.io.Serializable;
import java.util.Objects;

/**
 * One artifact to download: its Device Farm type, where it goes (a safe relative path, '/'
 * separated) and its presigned URL. The URL is a secret (anyone holding it can read the file until
 * it expires): {@link #toString()} never shows it, and no message of this package contains it.
 * Serializable, so a list of these can be sent to the agent that downloads them.
 */
public final class ArtifactFile implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private final String jobArn;
    private final String type;
    private final String relativePath;
    private final String url;

    /** {@code jobArn}: the job (device) the file belongs to, or null when not known. */
    public ArtifactFile(String arn, String jobArn, String type, String relativePath, String url) {
        this.arn = Objects.requireNonNull(arn, "arn");
        this.jobArn = jobArn;
        this.type = Objects.requireNonNull(type, "type");
        this.relativePath = Objects.requireNonNull(relativePath, "relativePath");
        this.url = Objects.requireNonNull(url, "url");
    }

    public String getArn() { return arn; }
    /** The job (one device of the run) the file belongs to; null for a run-level file of no known job. */
    public String getJobArn() { return jobArn; }
    public String getType() { return type; }
    /** Where the file goes below the download folder, e.g. {@code nightly/Google Pixel 8 (14)/Tests Suite/Tests Test/Video.mp4}. */
    public String getRelativePath() { return relativePath; }
    /** The presigned URL: hand it to an HTTP client only, never to a log. */
    public String getUrl() { return url; }

    @Override
    public String toString() {
        return type + " " + relativePath;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactFile f && arn.equals(f.arn) && relativePath.equals(f.relativePath) && url.equals(f.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arn, relativePath);
    }
}
