package io.jenkins.plugins.devicefarm.simulator;

/** OS versions compared part by part as numbers: 9 &lt; 13 &lt; 17.4 &lt; 17.10, and 14 equals 14.0. */
final class Versions {
    private Versions() {}

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
        String digits = parts[i].replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 9 ? digits.substring(0, 9) : digits);
    }
}
