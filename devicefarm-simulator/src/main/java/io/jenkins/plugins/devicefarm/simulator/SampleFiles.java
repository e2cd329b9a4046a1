package io.jenkins.plugins.devicefarm.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small files that pass the simulator's upload processing (and files that do not), for tests
 * and demos: an APK is a zip with an AndroidManifest.xml, an IPA a zip with Payload/&lt;name&gt;.app/.
 */
public final class SampleFiles {
    private SampleFiles() {}

    public static byte[] apk() {
        return zip("AndroidManifest.xml", "classes.dex");
    }

    public static byte[] ipa() {
        return zip("Payload/Demo.app/Info.plist", "Payload/Demo.app/Demo");
    }

    /** A zip holding empty entries of these names. */
    public static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] testSpec() {
        return ("version: 0.1\nphases:\n  test:\n    commands:\n      - echo run the tests\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
