package io.jenkins.plugins.devicefarm.core.artifact;

import static io.jenkins.plugins.devicefarm.core.watch.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.report.ResultTreeFetcher;
import io.jenkins.plugins.devicefarm.core.report.ResultsFixture;
import io.jenkins.plugins.devicefarm.core.report.RunResults;
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
            Thread.sleep(300);
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
