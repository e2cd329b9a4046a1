package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The account's uploads, from every {@link UploadLookup} registered, and the checks Device Farm
 * makes when a request names one as an app to install.
 */
final class AccountUploads {
    /** The app upload types, and the platform each installs on. */
    private static final Map<String, String> APP_PLATFORMS = Map.of("ANDROID_APP", "ANDROID", "IOS_APP", "IOS");

    private final List<UploadLookup> lookups = new CopyOnWriteArrayList<>();

    AccountUploads(UploadLookup first) {
        lookups.add(first);
    }

    void add(UploadLookup lookup) {
        lookups.add(lookup);
    }

    Optional<UploadLookup.KnownUpload> find(String arn, Instant now) {
        return lookups.stream().map(l -> l.find(arn, now)).flatMap(Optional::stream).findFirst();
    }

    /**
     * Requires {@code arn} (member {@code field}) to be a processed app of {@code project} that
     * installs on {@code device}.
     */
    UploadLookup.KnownUpload requireApp(String field, String arn, ScenarioProject project, ScenarioDevice device,
            Instant now) {
        Arns.parse(field, arn, "upload");
        UploadLookup.KnownUpload upload = find(arn, now)
                .orElseThrow(() -> ApiException.notFound("No upload found for ARN " + arn));
        if (!upload.projectId().equals(project.id())) {
            throw ApiException.notFound("No upload found for ARN " + arn + " in project " + project.name());
        }
        String platform = APP_PLATFORMS.get(upload.type());
        if (platform == null) {
            throw ApiException.argument("Invalid " + field + ": " + upload.name() + " is a " + upload.type()
                    + " upload, not an app (ANDROID_APP or IOS_APP).");
        }
        if (!"SUCCEEDED".equals(upload.status())) {
            throw ApiException.argument("Missing or unprocessed resources: the upload " + upload.name() + " is "
                    + upload.status() + ", not SUCCEEDED.");
        }
        if (!platform.equals(device.platform())) {
            throw ApiException.argument("Invalid " + field + ": " + upload.name() + " is an " + upload.type()
                    + " and cannot be installed on the " + device.platform() + " device " + device.name() + ".");
        }
        return upload;
    }
}
