package io.jenkins.plugins.devicefarm.simulator;

/** Dotted OS versions compared part by part as numbers ("9" < "10", "17.4" > "17"); non-numeric parts count as 0. */
final class OsVersion {
    private OsVersion() {}

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Long.parseLong(parts[i].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
