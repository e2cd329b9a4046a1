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
 * calls. Run: {@code java -cp devicefarm-bench/target/devicefarm-bench.jar io.jenkins.plugins.devicefarm.bench.ArtifactBenchmark [--files 2000] [--parallel 4]}
 */
public final class ArtifactBenchmark {
    private ArtifactBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = intOption(args, "--files", 2000);
        int parallel = intOption(args, "--parallel", 4);
        System.out.printf(Locale.ROOT, "Artifacts: %d screenshots over 2 devices, pages of %d, %d downloads at once%n%n",
                files, DeviceFarmSimulator.DEFAULT_PAGE_SIZE, parallel);
        System.out.println("| case | listing calls | listing s | files saved | failed | retried | download requests | download s | MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        run("warm-up (not counted)", 200, parallel, 0, false);
        run("clean", files, parallel, 0, true);
        run("20% fail once", files, parallel, 0.2, true);
    }

    private static void run(String name, int files, int parallel, double failOnce, boolean print) throws Exception {
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
            if (print) {
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %d | %d | %d | %d | %.2f | %.1f |%n", name, pages.calls(), listSeconds,
                        report.saved().size(), report.failed().size(), retries.get(), report.requests(),
                        report.elapsed().toMillis() / 1000.0, report.totalBytes() / 1e6);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
