package io.jenkins.plugins.devicefarm.core.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link WorkspaceResults} saved and wrote in the workspace, as plain values: it comes back
 * from the agent to the controller, so it holds only Strings and numbers (never a URL).
 */
public final class ResultsSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The downloads' one-line summary, or null when no artifact was asked for. */
    String downloads;
    int saved;
    long bytes;
    /** Below the workspace, e.g. {@code devicefarm/<run>/Pixel 8 (14)/Video.mp4}. */
    final ArrayList<String> savedPaths = new ArrayList<>();
    final ArrayList<String> failures = new ArrayList<>();
    final ArrayList<String> notes = new ArrayList<>();

    public List<String> savedPaths() {
        return List.copyOf(savedPaths);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}
