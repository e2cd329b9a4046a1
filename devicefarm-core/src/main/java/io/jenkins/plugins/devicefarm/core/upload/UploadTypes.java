package io.jenkins.plugins.devicefarm.core.upload;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.util.Locale;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * Which Device Farm upload type a file is, from its name and the test type, and whether its name
 * ends as Device Farm requires: {@code .apk} Android apps and instrumentation packages,
 * {@code .ipa} iOS apps and XCTest UI packages, {@code .yml} test specs, {@code .zip} the rest.
 */
public final class UploadTypes {
    private UploadTypes() {}

    /** The app type of a file: .apk Android, .ipa iOS, .zip a web app; anything else names {@code field}. */
    public static UploadType forApp(String field, String fileName) {
        String lower = fileName(fileName).toLowerCase(Locale.ROOT);
        if (lower.endsWith(".apk")) {
            return UploadType.ANDROID_APP;
        }
        if (lower.endsWith(".ipa")) {
            return UploadType.IOS_APP;
        }
        if (lower.endsWith(".zip")) {
            return UploadType.WEB_APP;
        }
        throw new InvalidInputException(field, "'" + shorten(fileName) + "' is not an app file",
                "Give an Android app (.apk), an iOS app (.ipa) or a zipped web app (.zip)");
    }

    /** The test package type {@code testType} needs; BUILTIN_FUZZ takes none, which names {@code field}. */
    public static UploadType testPackage(String field, TestType testType) {
        if (testType == TestType.BUILTIN_FUZZ) {
            throw new InvalidInputException(field, "BUILTIN_FUZZ takes no test package", "Remove it, or choose another test type");
        }
        return UploadType.fromValue(testType + "_TEST_PACKAGE");
    }

    /** The test spec type of {@code testType}; types without one (BUILTIN_FUZZ, XCTEST) name {@code field}. */
    public static UploadType testSpec(String field, TestType testType) {
        UploadType type = UploadType.fromValue(testType + "_TEST_SPEC");
        if (type == UploadType.UNKNOWN_TO_SDK_VERSION) {
            throw new InvalidInputException(field, testType + " takes no test spec", "Remove it, or use an Appium, "
                    + "instrumentation or XCTest UI test type, which run in custom mode with a test spec");
        }
        return type;
    }

    /** Extra data for the devices (configuration.extraDataPackageArn) is a zip. */
    public static UploadType extraData() {
        return UploadType.EXTERNAL_DATA;
    }

    /** The ending a file of {@code type} must have, e.g. {@code .apk}. */
    public static String extension(UploadType type) {
        String t = type.toString();
        if (t.endsWith("_TEST_SPEC")) {
            return ".yml";
        }
        return switch (type) {
            case ANDROID_APP, INSTRUMENTATION_TEST_PACKAGE -> ".apk";
            case IOS_APP, XCTEST_UI_TEST_PACKAGE -> ".ipa";
            default -> ".zip";
        };
    }

    /** Checks that {@code fileName} ends as {@code type} requires (.yaml counts as .yml), naming {@code field}. */
    public static void requireName(String field, String fileName, UploadType type) {
        String lower = fileName(fileName).toLowerCase(Locale.ROOT);
        String ext = extension(type);
        if (!lower.endsWith(ext) && !(".yml".equals(ext) && lower.endsWith(".yaml"))) {
            throw new InvalidInputException(field, "'" + shorten(fileName) + "' does not end in " + ext + ", which a "
                    + type + " must", "Give the " + ext + " file");
        }
    }

    /** The last path segment: Device Farm names an upload without folders. */
    public static String fileName(String path) {
        String p = path == null ? "" : path.strip();
        int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return p.substring(slash + 1);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
