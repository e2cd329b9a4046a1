package io.jenkins.plugins.devicefarm.bench;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactDownloader;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactFile;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLevel;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLister;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadListener;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadReport;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadSettings;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.core.report.ScheduledPages;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/**
 * Artifact listing and download against the in-process simulator: a run of two devices with 1,000
 * screenshots each (2,000 files over 80 ListArtifacts pages of 25), downloaded 4 at once; then the
 * same with 20% of the files failing once (HTTP 500 on their first download). Prints wall times and
 * calls. Run: {@code java -cp devicefarm-bench/target/devicefarm-bench.jar io.jenkins.plugins.devicefarm.bench.ArtifactBenchmark [--files 2000] [--parallel 4] [--out docs/benchmarks.md]}
 */
public final class ArtifactBenchmark {
    private ArtifactBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = BenchmarkPage.intOption(args, "--files", 2000);
        int parallel = BenchmarkPage.intOption(args, "--parallel", 4);
        StringBuilder page = BenchmarkPage.header("Benchmark: artifact downloads", ArtifactBenchmark.class, args)
                .append(String.format(Locale.ROOT, "A run of 2 devices with %d screenshots in all, listed at job level "
                        + "(`ArtifactLister`, ListArtifacts pages of %d, each page a task on the engine's scheduler), then "
                        + "downloaded by `ArtifactDownloader`, %d at once, from the in-process simulator on loopback; then the "
                        + "same with 20%% of the files answering HTTP 500 to their first download (retried with backoff). "
                        + "Listing calls include the ListJobs page(s).%n%n",
                        files, DeviceFarmSimulator.DEFAULT_PAGE_SIZE, parallel))
                .append("| case | listing calls | listing s | files saved | failed | retried | download requests | download s | MB |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        System.out.print(page);
        run("warm-up (not counted)", 200, parallel, 0);
        page.append(run("clean", files, parallel, 0));
        page.append(run("20% fail once", files, parallel, 0.2));
        String target = BenchmarkPage.option(args, "--out");
        if (target != null) {
            BenchmarkPage.write(Path.of(target), page.toString());
        }
    }

    /** One case; answers its table row. */
    private static String run(String name, int files, int parallel, double failOnce) throws Exception {
        ManualSimClock clock = new ManualSimClock();
        Path dir = Files.createTempDirectory("devicefarm-artifacts-");
        try (DeviceFarmSimulator sim = DeviceFarmSimulator.builder().clock(clock).build();
             DeviceFarmClient client = DeviceFarmClientFactory.create(ClientSettings.builder()
                     .endpointOverride(sim.endpoint().toString())
                     .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                     .build());
             DeviceFarmWatcher watcher = new DeviceFarmWatcher(PollSettings.of(Duration.ofMillis(50), Duration.ofSeconds(2)));
             ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults().withParallel(parallel))) {
            sim.scenario().results().extraScreenshots(files / 2).failDownloadsOnce(failOnce);
            String arn = client.scheduleRun(r -> r.projectArn(sim.projectArns().get(0)).devicePoolArn(sim.devicePoolArns().get(0))
                    .name("bench").test(t -> t.type(TestType.APPIUM_JAVA_JUNIT))).run().arn();
            clock.advance(Duration.ofMinutes(10));

            ScheduledPages pages = new ScheduledPages(watcher);
            long t0 = System.nanoTime();
            List<ArtifactFile> listed = new ArtifactLister(client, pages).list(DeviceFarmArn.parse("arn", arn, ArnKind.RUN),
                    Set.of(ArtifactType.SCREENSHOT), EnumSet.of(ArtifactLevel.JOB)).get();
            double listSeconds = (System.nanoTime() - t0) / 1e9;

            AtomicInteger retries = new AtomicInteger();
            DownloadReport report = downloader.download(listed, dir, new DownloadListener() {
                @Override
                public void retrying(ArtifactFile file, int failedAttempt, String reason) {
                    retries.incrementAndGet();
                }
            });
            String row = String.format(Locale.ROOT, "| %s | %d | %.2f | %d | %d | %d | %d | %.2f | %.1f |%n", name, pages.calls(),
                    listSeconds, report.saved().size(), report.failed().size(), retries.get(), report.requests(),
                    report.elapsed().toMillis() / 1000.0, report.totalBytes() / 1e6);
            System.out.print(row);
            return row;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
