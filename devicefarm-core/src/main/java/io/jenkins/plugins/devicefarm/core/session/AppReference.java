package io.jenkins.plugins.devicefarm.core.session;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;

/**
 * An app as a user names it: an upload ARN, or the name of an upload in the session's project
 * (looked up with ListUploads before the session is created, see {@code UploadLookup}).
 */
public record AppReference(String field, DeviceFarmArn arn, String uploadName) {
    static AppReference parse(String field, String text) {
        String t = text.strip();
        if (t.startsWith("arn:")) {
            return new AppReference(field, DeviceFarmArn.parse(field, t, ArnKind.UPLOAD), null);
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "contains control characters", "Give an upload ARN or an upload's name");
        }
        if (t.contains("/") || t.contains("\\")) {
            // Not yet: a session does not upload files from the workspace (scheduled runs do).
            throw new InvalidInputException(field, "'" + SessionRequest.shorten(t) + "' is a path; sessions do not upload"
                    + " workspace files yet", "Upload the app to the project first and give its upload name or ARN");
        }
        return new AppReference(field, null, t);
    }

    @Override
    public String toString() {
        return arn != null ? arn.toString() : "upload '" + uploadName + "'";
    }
}
