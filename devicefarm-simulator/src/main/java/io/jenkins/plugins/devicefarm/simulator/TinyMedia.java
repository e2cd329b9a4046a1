package io.jenkins.plugins.devicefarm.simulator;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Small but valid media files for artifacts: an MP4 (ISO BMFF: ftyp, moov with one 64x64 video
 * track of zero samples, empty mdat) and an 8x8 PNG. Built once; every download gets the same bytes.
 */
final class TinyMedia {
    static final byte[] MP4 = mp4();
    static final byte[] PNG = png();

    private TinyMedia() {}

    private static byte[] mp4() {
        byte[] ftyp = box("ftyp", ascii("isom"), u32(512), ascii("isomiso2mp41"));
        byte[] mvhd = fullBox("mvhd", 0, u32(0), u32(0), u32(1000), u32(0), u32(0x00010000), u16(0x0100), new byte[10],
                matrix(), new byte[24], u32(2));
        byte[] tkhd = fullBox("tkhd", 3, u32(0), u32(0), u32(1), u32(0), u32(0), new byte[8], u16(0), u16(0), u16(0),
                u16(0), matrix(), u32(64 << 16), u32(64 << 16));
        byte[] mdhd = fullBox("mdhd", 0, u32(0), u32(0), u32(1000), u32(0), u16(0x55C4), u16(0));
        byte[] hdlr = fullBox("hdlr", 0, u32(0), ascii("vide"), new byte[12], ascii("VideoHandler\0"));
        byte[] vmhd = fullBox("vmhd", 1, u16(0), new byte[6]);
        byte[] dinf = box("dinf", fullBox("dref", 0, u32(1), fullBox("url ", 1)));
        byte[] stbl = box("stbl",
                fullBox("stsd", 0, u32(0)),
                fullBox("stts", 0, u32(0)),
                fullBox("stsc", 0, u32(0)),
                fullBox("stsz", 0, u32(0), u32(0)),
                fullBox("stco", 0, u32(0)));
        byte[] moov = box("moov", mvhd, box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", vmhd, dinf, stbl))));
        return concat(ftyp, moov, box("mdat"));
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, ((x + y) % 2 == 0 ? new Color(0x23, 0x2F, 0x3E) : new Color(0xFF, 0x99, 0x00)).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] box(String type, byte[]... content) {
        byte[] body = concat(content);
        return concat(u32(8 + body.length), ascii(type), body);
    }

    private static byte[] fullBox(String type, int flags, byte[]... content) {
        return box(type, concat(u32(flags)), concat(content)); // version 0, 24-bit flags
    }

    private static byte[] matrix() {
        return concat(u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000));
    }

    private static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
