package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Device Farm processes an upload whose name matches {@code namePattern} (regex, searched
 * anywhere in the name): seconds of PROCESSING after the bytes arrive, the final status, the
 * {@code message} and {@code metadata} it reports, and the lowest OS version the app supports
 * (its minSdkVersion or MinimumOSVersion, which device pool compatibility checks against).
 * A file whose bytes do not fit its type fails whatever the script says.
 */
public record UploadScript(
        String namePattern,
        long processingSeconds,
        String status,
        String message,
        String metadata,
        String minOsVersion) {

    static final Set<String> FINAL_STATUSES = Set.of("SUCCEEDED", "FAILED");

    /** Used when no script matches an upload's name. */
    public static final UploadScript DEFAULT = new UploadScript(".*", 5, "SUCCEEDED", null, null, null);

    public UploadScript {
        namePattern = namePattern == null ? ".*" : namePattern;
        Pattern.compile(namePattern); // fail on load, not on the first upload
        if (processingSeconds < 0) {
            throw new IllegalArgumentException("upload script processingSeconds cannot be negative");
        }
        status = status == null ? "SUCCEEDED" : status;
        if (!FINAL_STATUSES.contains(status)) {
            throw new IllegalArgumentException("upload script status must be one of " + FINAL_STATUSES + ": " + status);
        }
        if ("FAILED".equals(status) && message == null) {
            message = "The file could not be processed.";
        }
    }

    @JsonIgnore
    public boolean matches(String uploadName) {
        return Pattern.compile(namePattern).matcher(uploadName == null ? "" : uploadName).find();
    }
}
