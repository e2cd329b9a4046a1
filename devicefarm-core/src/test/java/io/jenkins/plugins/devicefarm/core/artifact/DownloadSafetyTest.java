package io.jenkins.plugins.devicefarm.core.artifact;

import static io.jenkins.plugins.devicefarm.core.watch.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.report.ResultTreeFetcher;
import io.jenkins.plugins.devicefarm.core.report.ResultsFixture;
import io.jenkins.plugins.devicefarm.core.report.RunResults;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;

/** What crosses to the agent and back, stopping a batch, and secrets in logs. */
class DownloadSafetyTest {
    @TempDir
    Path dir;

    @Test
    void fileListsSettingsReportsAndResultsSurviveJavaSerialization() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25); ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults())) {
            DeviceFarmArn run = f.completedRun("nightly-fail", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.DEVICE_LOG));
            DownloadSettings settings = DownloadSettings.defaults().withParallel(2).withAttempts(3);
            DownloadReport report = downloader.download(roundTrip(new ArrayList<>(files)), dir, DownloadListener.NONE);
            RunResults results = result(new ResultTreeFetcher(f.client, f.pages).fetch(run));

            assertThat(roundTrip(new ArrayList<>(files))).isEqualTo(files);
            assertThat(roundTrip(settings).parallel()).isEqualTo(2);
            assertThat(roundTrip(settings).attempts()).isEqualTo(3);
            assertThat(roundTrip(report)).isEqualTo(report);
            assertThat(roundTrip(results).toString()).isEqualTo(results.toString()); // Outcome has no equals
        }
    }

    @Test
    void closingTheDownloaderReportsEveryFileAndLeavesNoPartFile() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25)) {
            f.sim.scenario().results().extraScreenshots(20);
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.SCREENSHOT));
            f.sim.scenario().results().stallDownloads(Duration.ofSeconds(2));
            ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults().withParallel(2));
            CompletableFuture<DownloadReport> started = downloader.start(files, dir, DownloadListener.NONE);
            Await.until("two downloads are answered and stall mid-body", () -> f.sim.journal().count("S3.GetObject") >= 2);
            downloader.close();
            DownloadReport report = result(started);
            assertThat(report.saved().size() + report.failed().size()).isEqualTo(files.size());
            assertThat(report.failed()).isNotEmpty().allMatch(x -> x.reason().startsWith("the download was stopped"));
            Thread.sleep(2500); // the stalled answers arrive: nothing may be written for a stopped batch
            try (Stream<Path> all = Files.walk(dir)) {
                assertThat(all.filter(p -> p.toString().endsWith(".part"))).isEmpty();
            }
        }
    }

    @Test
    void closingWhileFilesWaitForARetryOrASlotStillReportsEveryFile() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25)) {
            f.sim.scenario().results().extraScreenshots(30).failDownloadsOnce(1.0);
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.SCREENSHOT));
            ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults().withParallel(1)
                    .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)));
            AtomicInteger retrying = new AtomicInteger();
            CompletableFuture<DownloadReport> started = downloader.start(files, dir, new DownloadListener() {
                @Override
                public void retrying(ArtifactFile file, int failedAttempt, String reason) {
                    retrying.incrementAndGet();
                }
            });
            // some files failed once and wait 30 s for their retry, the rest wait for the one slot
            Await.until("a file waits for its retry", () -> retrying.get() >= 2);
            downloader.close();
            DownloadReport report = result(started);
            assertThat(report.saved()).isEmpty();
            assertThat(report.failed()).hasSize(files.size()).allMatch(x -> x.reason().startsWith("the download was stopped"));
        }
    }

    @Test
    void closingTheDownloaderWhileAnAttemptStartsStillReportsEveryFile() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25)) {
            f.sim.scenario().results().extraScreenshots(3);
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.SCREENSHOT));
            assertThat(files).isNotEmpty();
            ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults().withParallel(1));
            AtomicInteger closes = new AtomicInteger();
            CompletableFuture<DownloadReport> started = downloader.start(files, dir, new DownloadListener() {
                @Override
                public void started(ArtifactFile file, int attempt) {
                    if (closes.getAndIncrement() == 0) { // the attempt has seen its batch open and is about to send
                        downloader.close();
                    }
                }
            });
            DownloadReport report = result(started);
            assertThat(report.saved()).isEmpty();
            assertThat(report.failed()).hasSize(files.size()).allMatch(x -> x.reason().startsWith("the download was stopped"));
        }
    }

    @Test
    void aStopThatComesWhileAnAttemptStartsCutsItsCall() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25);
             ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults().withParallel(1))) {
            f.sim.scenario().results().extraScreenshots(3);
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.SCREENSHOT));
            assertThat(files).isNotEmpty();
            f.sim.scenario().results().stallDownloads(Duration.ofSeconds(1));
            Thread caller = Thread.currentThread();
            CountDownLatch stopped = new CountDownLatch(1);
            List<String> finished = new CopyOnWriteArrayList<>();
            List<String> failed = new CopyOnWriteArrayList<>();
            DownloadListener listener = new DownloadListener() {
                @Override
                public void started(ArtifactFile file, int attempt) {
                    if (stopped.getCount() > 0) { // the first attempt: it has seen its batch open, its call is not sent yet
                        caller.interrupt();
                        try {
                            stopped.await(10, TimeUnit.SECONDS); // the batch is stopped now
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void finished(ArtifactFile file, long bytes, int attempts) {
                    finished.add(file.getRelativePath());
                }

                @Override
                public void failed(ArtifactFile file, String reason) {
                    failed.add(reason);
                }
            };
            assertThatThrownBy(() -> downloader.download(files, dir, listener)).isInstanceOf(InterruptedException.class);
            stopped.countDown();
            Await.until("every file reports", () -> finished.size() + failed.size() == files.size());
            assertThat(finished).as("nothing is saved for a stopped batch").isEmpty();
            assertThat(failed).allMatch(reason -> reason.startsWith("the download was interrupted"));
        }
    }

    @Test
    void anInterruptReportsAFileWaitingForItsRetryAtOnce() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25);
             ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults().withParallel(1)
                     .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)))) {
            f.sim.scenario().results().extraScreenshots(3).failDownloadsOnce(1.0);
            DeviceFarmArn run = f.completedRun("smoke", false);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.SCREENSHOT));
            assertThat(files).hasSizeGreaterThan(1);
            Thread caller = Thread.currentThread();
            AtomicInteger retrying = new AtomicInteger();
            AtomicInteger interrupts = new AtomicInteger();
            List<String> failed = new CopyOnWriteArrayList<>();
            DownloadListener listener = new DownloadListener() {
                @Override
                public void started(ArtifactFile file, int attempt) {
                    // once, when the first file waits 15-30 s on the timer for its retry
                    if (retrying.get() == 1 && interrupts.getAndIncrement() == 0) {
                        caller.interrupt();
                    }
                }

                @Override
                public void retrying(ArtifactFile file, int failedAttempt, String reason) {
                    retrying.incrementAndGet();
                }

                @Override
                public void failed(ArtifactFile file, String reason) {
                    failed.add(reason);
                }
            };
            assertThatThrownBy(() -> downloader.download(files, dir, listener)).isInstanceOf(InterruptedException.class);
            Await.until("every file reports, the one waiting for its retry too", () -> failed.size() == files.size());
            assertThat(failed).allMatch(reason -> reason.startsWith("the download was interrupted"));
        }
    }

    @Test
    void noLogRecordOrStackTraceCarriesAPresignedUrl() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringWriter trace = new StringWriter();
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(trace));
                }
                logged.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()) + " " + trace);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        Logger core = Logger.getLogger("io.jenkins.plugins.devicefarm.core");
        Level before = core.getLevel();
        core.setLevel(Level.ALL);
        core.addHandler(capture);
        try (ResultsFixture f = new ResultsFixture(25)) {
            f.sim.scenario().results().failDownloadsOnce(0.5).truncateDownloadsOnce(0.5).urlLifetime(Duration.ofMinutes(1));
            DeviceFarmArn run = f.completedRun("nightly-fail", true);
            List<ArtifactFile> files = list(f, run, Set.of(ArtifactType.VIDEO, ArtifactType.DEVICE_LOG, ArtifactType.CUSTOMER_ARTIFACT));
            List<String> messages = new CopyOnWriteArrayList<>();
            DownloadListener listener = new DownloadListener() {
                @Override
                public void retrying(ArtifactFile file, int failedAttempt, String reason) {
                    messages.add(file + " " + reason);
                }

                @Override
                public void failed(ArtifactFile file, String reason) {
                    messages.add(file + " " + reason);
                }
            };
            try (ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults()
                    .withBackoff(Duration.ofMillis(5), Duration.ofMillis(10)).withTimeouts(Duration.ofMillis(200), Duration.ofMinutes(1)))) {
                DownloadReport first = downloader.download(files, dir, listener);
                f.clock.advance(Duration.ofMinutes(2)); // every link expires
                f.sim.scenario().results().stallDownloads(Duration.ofMillis(500));
                DownloadReport second = downloader.download(files, dir.resolve("again"), listener);
                messages.add(first.toString());
                messages.add(second.toString());
                assertThat(second.failed()).hasSize(files.size());
            }
            assertThat(messages).isNotEmpty();
            for (String text : concat(messages, logged)) {
                assertThat(text).doesNotContain(f.sim.endpoint().toString()).doesNotContain("X-Amz-Signature")
                        .doesNotContain("/_simulator/results/");
            }
        } finally {
            core.removeHandler(capture);
            core.setLevel(before);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<ArtifactFile> list(ResultsFixture f, DeviceFarmArn run, Set<ArtifactType> types) {
        return result(new ArtifactLister(f.client, f.pages).list(run, types, EnumSet.allOf(ArtifactLevel.class)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
