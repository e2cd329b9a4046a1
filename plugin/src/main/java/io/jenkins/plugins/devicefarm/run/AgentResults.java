package io.jenkins.plugins.devicefarm.run;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactFile;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadListener;
import io.jenkins.plugins.devicefarm.core.run.ResultsSummary;
import io.jenkins.plugins.devicefarm.core.run.WorkspaceResults;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Carries the core's {@link WorkspaceResults} to the agent that holds the workspace and runs it
 * there, with progress in the build log; the presigned URLs inside it never come back, only a
 * {@link ResultsSummary} of plain values.
 */
final class AgentResults extends MasterToSlaveFileCallable<ResultsSummary> {
    private static final long serialVersionUID = 1L;
    private static final String LOG = "[Device Farm] ";

    private final WorkspaceResults results;
    private final TaskListener listener;

    AgentResults(WorkspaceResults results, TaskListener listener) {
        this.results = results;
        this.listener = listener;
    }

    @Override
    public ResultsSummary invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        return results.collect(workspace.toPath(), new Progress(listener));
    }

    /** Progress in the build log, one line per file; reasons never hold a URL. */
    private record Progress(TaskListener listener) implements DownloadListener {
        @Override
        public void finished(ArtifactFile file, long bytes, int attempts) {
            listener.getLogger().println(LOG + "Saved " + file.getRelativePath() + " (" + bytes + " bytes"
                    + (attempts > 1 ? ", " + attempts + " attempts" : "") + ")");
        }

        @Override
        public void retrying(ArtifactFile file, int failedAttempt, String reason) {
            listener.getLogger().println(LOG + "Retrying " + file.getRelativePath() + " after attempt " + failedAttempt + ": " + reason);
        }

        @Override
        public void failed(ArtifactFile file, String reason) {
            listener.error(LOG + "Could not download " + file.getRelativePath() + ": " + reason);
        }
    }

    @Override
    public String toString() {
        return results.toString();
    }
}
