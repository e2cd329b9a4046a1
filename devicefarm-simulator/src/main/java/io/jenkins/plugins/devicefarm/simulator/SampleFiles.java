package io.jenkins.plugins.devicefarm.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /** {@code size} bytes starting with a zip's magic number, made up as they are read: a big file in constant memory. */
    public static InputStream zipLike(long size) {
        return new ZipLikeStream(size);
    }

    private static final class ZipLikeStream extends InputStream {
        private static final byte[] MAGIC = {'P', 'K', 3, 4};
        private final long size;
        private long position;

        ZipLikeStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (position < 4 ? MAGIC[(int) position++] : (int) (position++ & 0x7f)) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
