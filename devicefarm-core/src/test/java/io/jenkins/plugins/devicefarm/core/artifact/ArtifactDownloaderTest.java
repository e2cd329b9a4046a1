package io.jenkins.plugins.devicefarm.core.artifact;

import static io.jenkins.plugins.devicefarm.core.watch.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.report.FrameworkReports;
import io.jenkins.plugins.devicefarm.core.report.ResultsFixture;
import io.jenkins.plugins.devicefarm.core.report.SuiteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;

/** Listing with the SDK, then downloading with plain HTTP from the simulator's presigned URLs. */
class ArtifactDownloaderTest {
    private static final Set<ArtifactType> SOME = Set.of(ArtifactType.VIDEO, ArtifactType.CUSTOMER_ARTIFACT, ArtifactType.DEVICE_LOG,
            ArtifactType.TESTSPEC_OUTPUT);

    @TempDir
    Path dir;

    @Test
    void savesEveryFileWithItsBytesAndTheFrameworkReportReadsBack() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25); ArtifactDownloader downloader = new ArtifactDownloader(fast())) {
            DeviceFarmArn run = f.completedRun("nightly-fail", true);
            List<ArtifactFile> files = list(f, run, SOME);
            Recorder events = new Recorder();
            DownloadReport report = downloader.download(files, dir, events);

            assertThat(report.failed()).isEmpty();
            assertThat(report.saved()).hasSize(8).allMatch(s -> s.attempts() == 1);
            assertThat(report.requests()).isEqualTo(8);
            long onDisk = 0;
            for (ArtifactFile file : files) {
                onDisk += Files.size(dir.resolve(file.getRelativePath()));
            }
            assertThat(report.totalBytes()).isEqualTo(onDisk).isPositive();
            assertThat(events.finished.get()).isEqualTo(8);
            Path video = dir.resolve("nightly-fail/Google Pixel 8 (14)/Tests Suite/Tests Test/Video.mp4");
            assertThat(new String(Files.readAllBytes(video), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            List<SuiteResult> framework = FrameworkReports.fromZip(dir.resolve("nightly-fail/Google Pixel 8 (14)/Customer Artifacts.zip"));
            assertThat(framework.stream().mapToInt(s -> s.tests().size()).sum()).isEqualTo(10);
            assertThat(report.summary()).startsWith("Saved 8 artifacts (").doesNotContain("failed");
            assertNoPartFiles();
        }
    }

    @Test
    void filesFailingOnceOrCutShortAreRetriedAndNoneIsLost() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25); ArtifactDownloader downloader = new ArtifactDownloader(fast())) {
            f.sim.scenario().results().extraScreenshots(40).failDownloadsOnce(0.3).truncateDownloadsOnce(0.3);
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.SCREENSHOT, ArtifactType.VIDEO));
            Recorder events = new Recorder();
            DownloadReport report = downloader.download(files, dir, events);

            assertThat(report.failed()).isEmpty();
            assertThat(report.saved()).hasSize(files.size());
            long retried = report.saved().stream().filter(s -> s.attempts() == 2).count();
            assertThat(retried).isGreaterThan(files.size() / 4).isEqualTo(events.retries.size());
            assertThat(report.requests()).isEqualTo(files.size() + (int) retried);
            assertThat(events.retries).anyMatch(r -> r.contains("HTTP 500")).anyMatch(r -> r.contains("bytes arrived") || r.contains("network error"));
            for (ArtifactFile file : files) {
                assertThat(Files.size(dir.resolve(file.getRelativePath()))).isGreaterThan(60);
            }
            assertNoPartFiles();
        }
    }

    @Test
    void expiredLinksFailAtOnceWithoutTheUrlWhileOthersAreSaved() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25); ArtifactDownloader downloader = new ArtifactDownloader(fast())) {
            f.sim.scenario().results().urlLifetime(Duration.ofMinutes(5));
            DeviceFarmArn run = f.completedRun("nightly-fail", false);
            List<ArtifactFile> stale = list(f, run, Set.of(ArtifactType.DEVICE_LOG));
            f.clock.advance(Duration.ofMinutes(6));
            List<ArtifactFile> fresh = list(f, run, Set.of(ArtifactType.VIDEO));
            Recorder events = new Recorder();
            DownloadReport report = downloader.download(Stream.concat(stale.stream(), fresh.stream()).toList(), dir, events);

            assertThat(report.saved()).hasSize(fresh.size());
            assertThat(report.failed()).hasSize(2).allSatisfy(x -> {
                assertThat(x.reason()).startsWith("HTTP 403").doesNotContainIgnoringCase("http://").doesNotContain("X-Amz");
                assertThat(x.type()).isEqualTo("DEVICE_LOG");
            });
            assertThat(events.retries).isEmpty();
            assertThat(report.toString()).doesNotContain(f.sim.endpoint().toString());
            assertThat(report.summary()).endsWith("; 2 failed");
        }
    }

    @Test
    void aStalledFileHitsThePerFileTimeoutAndTheBatchItsOverallTimeout() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25)) {
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.DEVICE_LOG));
            f.sim.scenario().results().stallDownloads(Duration.ofSeconds(3));
            DownloadSettings perFile = fast().withAttempts(2).withTimeouts(Duration.ofMillis(300), Duration.ofMinutes(1));
            try (ArtifactDownloader downloader = new ArtifactDownloader(perFile)) {
                DownloadReport report = downloader.download(files, dir, DownloadListener.NONE);
                assertThat(report.failed()).hasSize(2).allMatch(x -> x.reason().startsWith("not complete within the per-file timeout")
                        && x.reason().endsWith("(after 2 attempts)"));
                assertThat(report.requests()).isEqualTo(4);
            }
            DownloadSettings overall = fast().withTimeouts(Duration.ofMinutes(1), Duration.ofMillis(500));
            try (ArtifactDownloader downloader = new ArtifactDownloader(overall)) {
                DownloadReport report = downloader.download(files, dir, DownloadListener.NONE);
                assertThat(report.failed()).hasSize(2).allMatch(x -> x.reason().startsWith("the overall download timeout of 0.5 s was reached"));
            }
            assertNoPartFiles();
        }
    }

    @Test
    void pathsLeavingTheFolderAreRefusedOnTheWritingSide() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25); ArtifactDownloader downloader = new ArtifactDownloader(fast())) {
            DeviceFarmArn run = f.completedRun("smoke", false);
            ArtifactFile real = list(f, run, Set.of(ArtifactType.DEVICE_LOG)).get(0);
            List<ArtifactFile> evil = Stream.of("../escape.txt", "a/../../escape.txt", "/etc/escape", "a//b", "c:\\x", "ok/./x")
                    .map(p -> new ArtifactFile(real.getArn(), real.getJobArn(), real.getType(), p, real.getUrl())).toList();
            DownloadReport report = downloader.download(evil, dir.resolve("inside"), DownloadListener.NONE);
            assertThat(report.saved()).isEmpty();
            assertThat(report.failed()).hasSize(evil.size()).allMatch(x -> x.reason().startsWith("unsafe path"));

            assertThat(report.requests()).isZero();
            assertThat(f.sim.journal().count("S3.GetObject")).isZero();
            try (Stream<Path> all = Files.walk(dir)) {
                assertThat(all.filter(Files::isRegularFile)).isEmpty();
            }

            List<ArtifactFile> twins = Stream.of("run/Log.txt", "run/log.TXT")
                    .map(p -> new ArtifactFile(real.getArn(), real.getJobArn(), real.getType(), p, real.getUrl())).toList();
            DownloadReport same = downloader.download(twins, dir.resolve("twins"), DownloadListener.NONE);
            assertThat(same.saved()).singleElement().satisfies(x -> assertThat(x.relativePath()).isEqualTo("run/Log.txt"));
            assertThat(same.failed()).singleElement().satisfies(x -> assertThat(x.reason()).contains("same path"));
        }
    }

    @Test
    void manyFilesOverManyPagesWithABoundedPool() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25); ArtifactDownloader downloader = new ArtifactDownloader(fast().withParallel(4))) {
            f.sim.scenario().results().extraScreenshots(150);
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.SCREENSHOT));
            assertThat(files).hasSize(300);
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            DownloadReport report = downloader.download(files, dir, new DownloadListener() {
                @Override
                public void started(ArtifactFile file, int attempt) {
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                }

                @Override
                public void finished(ArtifactFile file, long bytes, int attempts) {
                    inFlight.decrementAndGet();
                }
            });
            assertThat(report.saved()).hasSize(300);
            assertThat(peak.get()).isBetween(1, 4); // never more than the pool allows
        }
    }

    private static DownloadSettings fast() {
        return DownloadSettings.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .withSocketTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static List<ArtifactFile> list(ResultsFixture f, DeviceFarmArn run, Set<ArtifactType> types) {
        return result(new ArtifactLister(f.client, f.pages).list(run, types, EnumSet.allOf(ArtifactLevel.class)));
    }

    private void assertNoPartFiles() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    /** Records listener calls; fails the test if a reason carries a URL. */
    private static final class Recorder implements DownloadListener {
        final AtomicInteger finished = new AtomicInteger();
        final List<String> retries = new CopyOnWriteArrayList<>();

        @Override
        public void retrying(ArtifactFile file, int failedAttempt, String reason) {
            assertThat(reason).doesNotContain("://").doesNotContain("X-Amz");
            retries.add(reason);
        }

        @Override
        public void finished(ArtifactFile file, long bytes, int attempts) {
            finished.incrementAndGet();
        }

        @Override
        public void failed(ArtifactFile file, String reason) {
            assertThat(reason).doesNotContain("://").doesNotContain("X-Amz");
        }
    }
}
