package io.jenkins.plugins.devicefarm.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.test.PipelineTestDetails;
import java.io.IOException;

/**
 * What a front end (the Pipeline step or the freestyle step) gives a {@link JenkinsRunSite}: the build,
 * its workspace and log, and the few things each does its own way.
 */
interface RunHost {
    @NonNull
    Run<?, ?> build() throws IOException, InterruptedException;

    @NonNull
    FilePath workspace() throws IOException, InterruptedException;

    @NonNull
    Launcher launcher() throws IOException, InterruptedException;

    /** The build's log; never fails (a closed log is {@link TaskListener#NULL}). */
    @NonNull
    TaskListener listener();

    /** The Pipeline step's place among stages and parallel branches, for the test report; null in freestyle. */
    @CheckForNull
    PipelineTestDetails testDetails() throws IOException, InterruptedException;

    /** Sets the build's result (Pipeline: marks the step's stage as well); Jenkins only ever makes it worse. */
    void setResult(@NonNull Result result, @NonNull String why) throws IOException, InterruptedException;

    /** Saves the flow's state now (Pipeline: the program), so a restart finds every upload and run it made. */
    void saveState();
}
