package io.jenkins.plugins.devicefarm.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The upload types of the current Device Farm model, what file each must be, and which test
 * type takes which package and spec. Apps: {@code .apk} Android, {@code .ipa} iOS; test specs
 * are YAML; everything else is a zip (an instrumentation package is an .apk, an XCTest UI
 * package an .ipa, as Device Farm's getting-started pages say).
 */
final class UploadKinds {
    /** Test types of the current model (older ones such as CALABASH are refused now). */
    static final Set<String> TEST_TYPES = Set.of(
            "BUILTIN_FUZZ", "APPIUM_JAVA_JUNIT", "APPIUM_JAVA_TESTNG", "APPIUM_PYTHON", "APPIUM_NODE", "APPIUM_RUBY",
            "APPIUM_WEB_JAVA_JUNIT", "APPIUM_WEB_JAVA_TESTNG", "APPIUM_WEB_PYTHON", "APPIUM_WEB_NODE", "APPIUM_WEB_RUBY",
            "INSTRUMENTATION", "XCTEST", "XCTEST_UI");

    /** Every UploadType value of SDK 2.40.2, with the file name ending it requires. */
    static final Map<String, String> EXTENSIONS = extensions();

    private UploadKinds() {}

    private static Map<String, String> extensions() {
        Map<String, String> m = new TreeMap<>();
        m.put("ANDROID_APP", ".apk");
        m.put("IOS_APP", ".ipa");
        m.put("WEB_APP", ".zip");
        m.put("EXTERNAL_DATA", ".zip");
        for (String t : new String[] {"APPIUM_JAVA_JUNIT", "APPIUM_JAVA_TESTNG", "APPIUM_PYTHON", "APPIUM_NODE",
            "APPIUM_RUBY", "APPIUM_WEB_JAVA_JUNIT", "APPIUM_WEB_JAVA_TESTNG", "APPIUM_WEB_PYTHON", "APPIUM_WEB_NODE",
            "APPIUM_WEB_RUBY"}) {
            m.put(t + "_TEST_PACKAGE", ".zip");
            m.put(t + "_TEST_SPEC", ".yml");
        }
        m.put("CALABASH_TEST_PACKAGE", ".zip");
        m.put("UIAUTOMATION_TEST_PACKAGE", ".zip");
        m.put("UIAUTOMATOR_TEST_PACKAGE", ".zip");
        m.put("INSTRUMENTATION_TEST_PACKAGE", ".apk");
        m.put("INSTRUMENTATION_TEST_SPEC", ".yml");
        m.put("XCTEST_TEST_PACKAGE", ".zip");
        m.put("XCTEST_UI_TEST_PACKAGE", ".ipa");
        m.put("XCTEST_UI_TEST_SPEC", ".yml");
        return Map.copyOf(m);
    }

    /** Whether {@code name} ends as {@code type} requires ({@code .yaml} is taken for specs too). */
    static boolean nameFits(String type, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = EXTENSIONS.get(type);
        return lower.endsWith(ext) || (".yml".equals(ext) && lower.endsWith(".yaml"));
    }

    static boolean isApp(String type) {
        return "ANDROID_APP".equals(type) || "IOS_APP".equals(type) || "WEB_APP".equals(type);
    }

    static boolean isSpec(String type) {
        return type.endsWith("_TEST_SPEC");
    }

    /** The package type a test type needs, or null (BUILTIN_FUZZ needs none). */
    static String packageTypeFor(String testType) {
        return "BUILTIN_FUZZ".equals(testType) ? null : testType + "_TEST_PACKAGE";
    }

    /** The spec type a test type takes, or null when Device Farm has none for it. */
    static String specTypeFor(String testType) {
        String spec = testType + "_TEST_SPEC";
        return EXTENSIONS.containsKey(spec) ? spec : null;
    }

    /** The device platform a test type runs on, or null for either (web tests run in the browsers of both). */
    static String platformOf(String testType) {
        return switch (testType) {
            case "INSTRUMENTATION" -> "ANDROID";
            case "XCTEST", "XCTEST_UI" -> "IOS";
            default -> null;
        };
    }

    static boolean isWebTest(String testType) {
        return testType.startsWith("APPIUM_WEB_");
    }

    /** The platform of an app upload type: ANDROID, IOS, or null for a web app. */
    static String platformOfApp(String uploadType) {
        return switch (uploadType) {
            case "ANDROID_APP" -> "ANDROID";
            case "IOS_APP" -> "IOS";
            default -> null;
        };
    }
}
