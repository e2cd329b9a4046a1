package io.jenkins.plugins.devicefarm.run;

import hudson.FilePath;
import hudson.model.Result;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.TestResultSummary;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.RemotingCalls;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.run.ResultsSummary;
import io.jenkins.plugins.devicefarm.core.run.RunConnection;
import io.jenkins.plugins.devicefarm.core.run.RunFlow;
import io.jenkins.plugins.devicefarm.core.run.RunSite;
import io.jenkins.plugins.devicefarm.core.run.WorkspaceResults;
import io.jenkins.plugins.devicefarm.core.upload.PendingUpload;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import jenkins.util.BuildListenerAdapter;
import jenkins.util.Timer;

/**
 * Where a {@link RunFlow} runs in Jenkins, for the Pipeline step and the freestyle step alike: the
 * plugin's engine, Jenkins' timer pool for blocking work, the workspace through {@link hudson.FilePath}
 * (files are sent and artifacts downloaded on the agent, on a remoting thread of the controller's
 * side for as long as the bytes flow), the build's ledger, test report, archive and result.
 */
final class JenkinsRunSite implements RunSite {
    private static final String LOG = "[Device Farm] ";

    private final RunHost host;
    private final String credentialsId;
    private final String region;
    /**
     * The Jenkins this flow runs under, and its engine: once that Jenkins is gone (even if another
     * started in this JVM), the flow's late answers find a closed engine and leave everything to the
     * resumed step.
     */
    private final long generation = DeviceFarmEngine.generation();
    private final DeviceFarmWatcher engine = DeviceFarmEngine.get();
    private final DeviceFarmLifecycle lifecycle = DeviceFarmEngine.lifecycle();

    JenkinsRunSite(RunHost host, String credentialsId, String region) {
        this.host = host;
        this.credentialsId = credentialsId;
        this.region = region;
    }

    @Override
    public DeviceFarmWatcher engine() {
        return engine;
    }

    @Override
    public DeviceFarmLifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public PollSettings pollSettings() {
        return DeviceFarmEngine.pollSettings();
    }

    @Override
    public Executor blocking() {
        return Timer.get();
    }

    @Override
    public RunConnection connect() throws Exception {
        return new RunConnection(DeviceFarmClients.lease(host.build(), credentialsId, region),
                new BuildLedger(host.build(), credentialsId, region, host.listener()));
    }

    @Override
    public boolean isClosing() {
        return DeviceFarmEngine.isClosing(generation);
    }

    @Override
    public String workspace() {
        try {
            return host.workspace().getRemote();
        } catch (Exception e) {
            return "of this build";
        }
    }

    @Override
    public boolean isFile(String path) throws Exception {
        FilePath file = host.workspace().child(path);
        return file.exists() && !file.isDirectory();
    }

    @Override
    public CompletableFuture<Long> send(String path, PendingUpload upload) {
        return RemotingCalls.onRemotingThread(() -> host.workspace().child(path).act(new WorkspaceUpload(upload.url(), upload.contentType())));
    }

    @Override
    public CompletableFuture<ResultsSummary> collect(WorkspaceResults results) {
        return RemotingCalls.onRemotingThread(() -> host.workspace().act(new AgentResults(results, host.listener())));
    }

    @Override
    public String defaultRunName() {
        try {
            return host.build().getFullDisplayName();
        } catch (Exception e) {
            return "jenkins";
        }
    }

    @Override
    public void archive(List<String> paths) throws Exception {
        Map<String, String> archived = new LinkedHashMap<>();
        paths.forEach(p -> archived.put(p, p));
        host.build().pickArtifactManager().archive(host.workspace(), host.launcher(), BuildListenerAdapter.wrap(host.listener()), archived);
    }

    @Override
    public int publishTests(String path) throws Exception {
        JUnitResultArchiver archiver = new JUnitResultArchiver(path);
        archiver.setAllowEmptyResults(true); // a run without per-test results says so in the log
        TestResultSummary summary = JUnitResultArchiver.parseAndSummarize(archiver, host.testDetails(), host.build(),
                host.workspace(), host.launcher(), host.listener());
        return summary.getFailCount();
    }

    @Override
    public void setResult(Verdict verdict, String why) throws Exception {
        host.setResult(Result.fromString(verdict.name()), why);
    }

    @Override
    public void saveState() {
        host.saveState();
    }

    @Override
    public void log(String line) {
        host.listener().getLogger().println(LOG + line);
    }

    @Override
    public void warn(String line) {
        host.listener().error(LOG + line);
    }
}
