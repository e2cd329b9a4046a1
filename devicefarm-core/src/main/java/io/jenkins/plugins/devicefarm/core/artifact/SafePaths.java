package io.jenkins.plugins.devicefarm.core.artifact;

import java.nio.file.Path;

/**
 * Where a relative artifact path lands below the download folder, checked again on the side that
 * writes (the list may have travelled from elsewhere): '/'-separated segments, none empty, "." or
 * "..", no backslash, colon or control character, and the result inside the folder.
 */
final class SafePaths {
    private SafePaths() {}

    static Path resolve(Path dir, String relativePath) throws UnsafePathException {
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.length() > 1000) {
            throw new UnsafePathException();
        }
        for (String segment : relativePath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.chars().anyMatch(c -> c < 0x20 || c == '\\' || c == ':' || c == 0x7F)) {
                throw new UnsafePathException();
            }
        }
        Path target = dir.resolve(relativePath).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            throw new UnsafePathException();
        }
        return target;
    }

    /** The path would leave the download folder or is not a plain relative path. */
    static final class UnsafePathException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsafePathException() {
            super("unsafe path: not a plain relative path inside the download folder", null, false, false);
        }
    }
}
