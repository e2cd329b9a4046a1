package io.jenkins.plugins.devicefarm.core.artifact;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a download batch did: the files saved (path below the folder, type, bytes, attempts), the
 * ones that failed with why, the requests made and the time taken. Serializable: it goes back from
 * the agent. Holds no URL.
 */
public record DownloadReport(List<Saved> saved, List<Failed> failed, int requests, Duration elapsed) implements Serializable {

    public record Saved(String relativePath, String type, long bytes, int attempts) implements Serializable {}

    public record Failed(String relativePath, String type, String reason) implements Serializable {}

    public DownloadReport {
        saved = List.copyOf(saved);
        failed = List.copyOf(failed);
    }

    public long totalBytes() {
        return saved.stream().mapToLong(Saved::bytes).sum();
    }

    /** One line for the log, e.g. "Saved 12 artifacts (3.4 MB) in 2.1 s; 1 failed". */
    public String summary() {
        return "Saved " + saved.size() + " artifact" + (saved.size() == 1 ? "" : "s") + " (" + size(totalBytes()) + ") in "
                + String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0)
                + (failed.isEmpty() ? "" : "; " + failed.size() + " failed");
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
