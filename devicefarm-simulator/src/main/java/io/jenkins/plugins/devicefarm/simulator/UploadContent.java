package io.jenkins.plugins.devicefarm.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What Device Farm's processing would say about the bytes of an upload, judged from the file
 * (never read whole): zips by their magic bytes, Android packages by their AndroidManifest.xml,
 * iOS packages by their Payload/*.app folder, test specs as text. Null means the bytes fit.
 */
final class UploadContent {
    /** Device Farm's size limit for a file. */
    static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;

    private UploadContent() {}

    static String problem(String type, Path file, long size) {
        if (size == 0) {
            return "The file is empty.";
        }
        if (size > MAX_BYTES) {
            return "The file is larger than 4 GB, the largest file Device Farm accepts.";
        }
        try {
            byte[] head = head(file);
            if (UploadKinds.isSpec(type)) {
                return isZip(head) || hasNul(head) ? "The test spec is not a YAML text file." : null;
            }
            if (!isZip(head)) {
                return switch (type) {
                    case "ANDROID_APP", "INSTRUMENTATION_TEST_PACKAGE" -> "The file is not a valid Android package (APK).";
                    case "IOS_APP", "XCTEST_UI_TEST_PACKAGE" -> "The file is not a valid iOS application archive (IPA).";
                    default -> "The file is not a valid zip archive.";
                };
            }
            return switch (type) {
                case "ANDROID_APP", "INSTRUMENTATION_TEST_PACKAGE" -> hasEntry(file, "AndroidManifest.xml", false) ? null
                        : "The Android package has no AndroidManifest.xml.";
                case "IOS_APP", "XCTEST_UI_TEST_PACKAGE" -> hasEntry(file, "Payload/", true) ? null
                        : "The iOS application archive has no Payload/<name>.app folder.";
                default -> null;
            };
        } catch (IOException e) {
            return "The file is not a valid zip archive.";
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8192);
        }
    }

    /** Local file header, or the end record of an empty archive. */
    private static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }

    private static boolean hasNul(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEntry(Path file, String name, boolean appFolder) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().map(ZipEntry::getName).anyMatch(n -> appFolder
                    ? n.startsWith(name) && n.substring(name.length()).matches("[^/]+\\.app/.*")
                    : n.equals(name));
        }
    }
}
