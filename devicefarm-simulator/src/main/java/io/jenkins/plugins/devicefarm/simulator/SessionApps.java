package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;

/**
 * The checks Device Farm makes when CreateRemoteAccessSession names an app to install (its
 * {@code appArn} or an auxiliary app): an upload of the account (NotFoundException otherwise), of
 * the session's project, an Android or iOS app, processed, for the device's platform
 * (ArgumentException otherwise).
 */
final class SessionApps {
    private SessionApps() {}

    static SimUpload requireApp(DeviceFarmState state, String field, String arn, ScenarioProject project,
            ScenarioDevice device, Instant now) {
        SimUpload upload = state.uploads().get(field, arn);
        if (!upload.request().projectId().equals(project.id())) {
            throw ApiException.notFound("No upload found for ARN " + arn + " in project " + project.name());
        }
        String platform = UploadKinds.platformOfApp(upload.type());
        if (platform == null) {
            throw ApiException.argument("Invalid " + field + ": " + upload.name() + " is a " + upload.type()
                    + " upload, not an app (ANDROID_APP or IOS_APP).");
        }
        String status = upload.status(now);
        if (!"SUCCEEDED".equals(status)) {
            throw ApiException.argument("Missing or unprocessed resources: the upload " + upload.name() + " is "
                    + status + ", not SUCCEEDED.");
        }
        if (!platform.equals(device.platform())) {
            throw ApiException.argument("Invalid " + field + ": " + upload.name() + " is an " + upload.type()
                    + " and cannot be installed on the " + device.platform() + " device " + device.name() + ".");
        }
        return upload;
    }
}
