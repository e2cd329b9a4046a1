package io.jenkins.plugins.devicefarm.core.artifact;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File and folder names from remote strings (device, suite, test and artifact names) that are safe
 * on Linux, macOS and Windows: no separators, no "." or "..", no control or reserved characters, no
 * reserved Windows names, at most {@link #MAX_LENGTH} characters. {@link #uniqueIn} keeps names in
 * one folder distinct, ignoring case, by adding " (2)", " (3)"... before the extension.
 */
final class SafeNames {
    static final int MAX_LENGTH = 100;
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ._()+,@=\\[\\]{}#&'!~-]");
    private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private final Set<String> used = new HashSet<>();

    private SafeNames() {}

    /** A name tracker for one folder. */
    static SafeNames folder() {
        return new SafeNames();
    }

    /** One path segment from a remote string. */
    static String segment(String remote) {
        String s = remote == null ? "" : UNSAFE.matcher(remote).replaceAll("_").strip();
        s = s.replaceAll("^[. ]+|[. ]+$", ""); // no "..", no hidden files, no trailing dots Windows would drop
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).strip();
        }
        if (s.isEmpty()) {
            return "_";
        }
        String base = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        return WINDOWS_RESERVED.contains(base.toUpperCase(Locale.ROOT)) ? "_" + s : s;
    }

    /** {@code name} made safe and distinct from every name this folder gave out before. */
    String uniqueIn(String remoteName, String extension) {
        String ext = extension == null || extension.isBlank() ? "" : "." + segment(extension);
        String base = segment(remoteName);
        String candidate = base + ext;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + " (" + n + ")" + ext;
        }
        return candidate;
    }
}
