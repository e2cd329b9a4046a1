package io.jenkins.plugins.devicefarm.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a device cannot run a test of an app: the device's platform is not the app's (or the test
 * type's), its OS is older than the app's minimum, or it is temporarily not available. Used by
 * GetDevicePoolCompatibility and by ScheduleRun, which leaves incompatible devices out.
 */
final class Compatibility {
    /** One reason, typed by the device attribute at fault (IncompatibilityMessage). */
    record Reason(String type, String message) {}

    private final String platform;
    private final String minOs;

    /** {@code platform} null fits both; {@code minOs} null means no minimum is known. */
    Compatibility(String platform, String minOs) {
        this.platform = platform;
        this.minOs = minOs;
    }

    /** From the app upload (may be null) and the test type (may be null). */
    static Compatibility of(SimUpload app, String testType) {
        String platform = app == null ? null : UploadKinds.platformOfApp(app.type());
        if (platform == null && testType != null) {
            platform = UploadKinds.platformOf(testType);
        }
        return new Compatibility(platform, app == null ? null : app.minOsVersion());
    }

    List<Reason> reasons(ScenarioDevice d) {
        List<Reason> reasons = new ArrayList<>();
        if (platform != null && !platform.equals(d.platform())) {
            reasons.add(new Reason("PLATFORM", "The device runs " + d.platform() + "; the app needs " + platform + "."));
        }
        if (minOs != null && (platform == null || platform.equals(d.platform())) && Versions.compare(d.os(), minOs) < 0) {
            reasons.add(new Reason("OS_VERSION", "The device runs OS " + d.os() + ", below the app's minimum of " + minOs + "."));
        }
        if ("TEMPORARY_NOT_AVAILABLE".equals(d.availability())) {
            reasons.add(new Reason("AVAILABILITY", "The device is temporarily not available."));
        }
        return reasons;
    }
}
