package io.jenkins.plugins.devicefarm.core.run;

import io.jenkins.plugins.devicefarm.core.artifact.ArtifactDownloader;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactFile;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadListener;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadReport;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadSettings;
import io.jenkins.plugins.devicefarm.core.report.FrameworkReports;
import io.jenkins.plugins.devicefarm.core.report.JUnitXmlWriter;
import io.jenkins.plugins.devicefarm.core.report.RunResults;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The part of a run's results that happens where the workspace is (in Jenkins: on the agent):
 * downloads the chosen artifacts into {@code devicefarm/}, reads the test framework's own JUnit or
 * TestNG XML from each custom-mode customer artifact (fetched into a temporary folder when only
 * the test report needs it), and writes the run's JUnit XML report. Big files never pass through
 * the controller. The presigned URLs travel inside the {@link ArtifactFile}s of this object only
 * (never logged, never persisted); what comes back is a {@link ResultsSummary} of plain values.
 */
public final class WorkspaceResults implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RunResults tree;
    private final ArrayList<ArtifactFile> files;
    /** Customer artifacts fetched only for the framework's test report (not asked for). */
    private final ArrayList<ArtifactFile> reportZips;
    /** The report's path below the workspace, or null not to write one. */
    private final String reportPath;

    WorkspaceResults(RunResults tree, List<ArtifactFile> files, List<ArtifactFile> reportZips, String reportPath) {
        this.tree = tree;
        this.files = new ArrayList<>(files);
        this.reportZips = new ArrayList<>(reportZips);
        this.reportPath = reportPath;
    }

    /** The same, without artifacts: after the downloads failed as a whole, the test report alone. */
    WorkspaceResults reportOnly() {
        return new WorkspaceResults(tree, List.of(), List.of(), reportPath);
    }

    /** {@code workspace}: the workspace root; artifacts go to {@code devicefarm/<run>/<device>/...} below it. */
    public ResultsSummary collect(Path workspace, DownloadListener progress) throws IOException, InterruptedException {
        ResultsSummary summary = new ResultsSummary();
        Path dir = workspace.resolve(RunFlow.WORKSPACE_DIR);
        RunResults results = tree;
        if (!files.isEmpty()) {
            Files.createDirectories(dir);
            DownloadReport report;
            try (ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults())) {
                report = downloader.download(files, dir, progress);
            }
            summary.downloads = report.summary();
            summary.saved = report.saved().size();
            summary.bytes = report.totalBytes();
            report.saved().forEach(f -> summary.savedPaths.add(RunFlow.WORKSPACE_DIR + "/" + f.relativePath()));
            report.failed().forEach(f -> summary.failures.add(f.relativePath() + ": " + f.reason()));
            results = withFrameworkReports(results, files, report, dir, summary);
        }
        if (!reportZips.isEmpty()) {
            results = fromReportZips(results, summary);
        }
        if (reportPath != null) {
            summary.notes.addAll(results.notes());
            Path xml = workspace.resolve(reportPath);
            Files.createDirectories(xml.getParent());
            try (OutputStream out = Files.newOutputStream(xml)) {
                JUnitXmlWriter.write(results, out);
            }
        }
        return summary;
    }

    /** Custom mode, customer artifacts not asked for: downloaded to a temporary folder for their test reports only. */
    private RunResults fromReportZips(RunResults results, ResultsSummary summary) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("devicefarm-reports");
        try (ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults())) {
            DownloadReport report = downloader.download(reportZips, tmp, DownloadListener.NONE);
            report.failed().forEach(f -> summary.failures.add("customer artifact for the test report " + f.relativePath()
                    + ": " + f.reason()));
            return withFrameworkReports(results, reportZips, report, tmp, summary);
        } finally {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(tmp)) {
                paths = walk.sorted(Comparator.reverseOrder()).toList(); // files before their folders
            }
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Custom mode: each device's suites from the JUnit/TestNG XML its downloaded customer artifact zip holds. */
    private static RunResults withFrameworkReports(RunResults results, List<ArtifactFile> fetched, DownloadReport report, Path dir,
                                                   ResultsSummary summary) {
        Map<String, String> jobs = new HashMap<>();
        fetched.forEach(f -> jobs.put(f.getRelativePath(), f.getJobArn()));
        Map<String, Path> zips = new HashMap<>();
        for (DownloadReport.Saved saved : report.saved()) {
            String job = jobs.get(saved.relativePath());
            if ("CUSTOMER_ARTIFACT".equals(saved.type()) && saved.relativePath().endsWith(".zip") && job != null) {
                zips.put(job, dir.resolve(saved.relativePath()));
            }
        }
        try {
            return FrameworkReports.applyTo(results, zips);
        } catch (IOException e) {
            summary.failures.add("customer artifacts: not a readable zip (" + e.getMessage() + ")");
            return results;
        }
    }

    @Override
    public String toString() {
        return "Device Farm results for the workspace";
    }
}
