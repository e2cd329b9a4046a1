package io.jenkins.plugins.devicefarm.core.run;

import io.jenkins.plugins.devicefarm.core.DaemonThreads;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadListener;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.upload.PendingUpload;
import io.jenkins.plugins.devicefarm.core.upload.PresignedPut;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A {@link RunFlow} with its workspace on this machine and no Jenkins around it: the benchmark
 * drives the real flow with it, and the engine's tests run every phase of the flow through it.
 * Its "build" is what it keeps: the log lines, the verdict, the archived paths, the published
 * reports. {@link #open} is where a subclass shapes the bytes sent (a slow network, a stall).
 */
public class LocalRunSite implements RunSite, AutoCloseable {
    private final Path workspace;
    private final DeviceFarmWatcher engine;
    private final DeviceFarmLifecycle lifecycle;
    private final Callable<RunConnection> connection;
    private final ExecutorService blocking = Executors.newCachedThreadPool(DaemonThreads.named("devicefarm-local-site-"));
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> archived = new CopyOnWriteArrayList<>();
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private volatile Verdict verdict = Verdict.SUCCESS;
    private volatile boolean closing;

    /** {@code connection} is asked once per {@link RunFlow#run}: the flow closes the lease it gets. */
    public LocalRunSite(Path workspace, DeviceFarmWatcher engine, DeviceFarmLifecycle lifecycle, Callable<RunConnection> connection) {
        this.workspace = workspace;
        this.engine = engine;
        this.lifecycle = lifecycle;
        this.connection = connection;
    }

    /** The bytes of a workspace file, as they are sent. */
    protected InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    /** From now on, as when the process goes down under a flow: it keeps everything for a resume. */
    public void shutDown() {
        closing = true;
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    public Verdict verdict() {
        return verdict;
    }

    public List<String> archived() {
        return List.copyOf(archived);
    }

    public List<String> publishedReports() {
        return List.copyOf(reports);
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
        return engine.settings();
    }

    @Override
    public ExecutorService blocking() {
        return blocking;
    }

    @Override
    public RunConnection connect() throws Exception {
        return connection.call();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public String workspace() {
        return workspace.toString();
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(workspace.resolve(path));
    }

    @Override
    public CompletableFuture<Long> send(String path, PendingUpload upload) {
        Path file = workspace.resolve(path);
        try {
            return PresignedPut.withDefaults().send(upload.url(), () -> {
                try {
                    return open(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, Files.size(file), upload.contentType());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<ResultsSummary> collect(WorkspaceResults results) {
        CompletableFuture<ResultsSummary> summary = new CompletableFuture<>();
        Future<?> task = blocking.submit(() -> {
            try {
                summary.complete(results.collect(workspace, DownloadListener.NONE));
            } catch (Exception | Error e) {
                summary.completeExceptionally(e);
            }
        });
        summary.whenComplete((s, e) -> {
            if (summary.isCancelled()) {
                task.cancel(true); // an abort interrupts the downloads
            }
        });
        return summary;
    }

    @Override
    public String defaultRunName() {
        return "local run";
    }

    @Override
    public void archive(List<String> paths) {
        archived.addAll(paths);
    }

    /** Reads the JUnit XML as Jenkins would count it: a case with a failure or an error failed. */
    @Override
    public int publishTests(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList cases = factory.newDocumentBuilder().parse(workspace.resolve(path).toFile()).getElementsByTagName("testcase");
        int failed = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error").getLength() > 0) {
                failed++;
            }
        }
        reports.add(path);
        return failed;
    }

    @Override
    public void setResult(Verdict v, String why) {
        verdict = verdict.combine(v);
        log("Build result " + v + ": " + why);
    }

    @Override
    public void saveState() {
        // nothing outside the flow: a test that restarts serializes the flow itself
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    @Override
    public void warn(String line) {
        log.add("ERROR: " + line);
    }

    /** Lines of the log that contain {@code text}. */
    public List<String> logLines(String text) {
        List<String> lines = new ArrayList<>();
        log.forEach(l -> {
            if (l.contains(text)) {
                lines.add(l);
            }
        });
        return lines;
    }

    @Override
    public void close() {
        blocking.shutdownNow();
    }
}
