package io.jenkins.plugins.devicefarm.core.artifact;

import static io.jenkins.plugins.devicefarm.core.watch.Await.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.report.ResultsFixture;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;

/** Listing through the real SDK against the simulator, with pages of 2. */
class ArtifactListerTest {
    private static final Set<ArtifactLevel> ALL_LEVELS = EnumSet.allOf(ArtifactLevel.class);

    @Test
    void everyChosenArtifactOnceInTheDeepestFolderItWasListedAt() {
        try (ResultsFixture f = new ResultsFixture(2)) {
            DeviceFarmArn run = f.completedRun("nightly-fail", true);
            List<ArtifactFile> files = result(new ArtifactLister(f.client, f.pages).list(run,
                    ArtifactTypes.parse("artifacts", List.of("video", "CUSTOMER_ARTIFACT", "DEVICE_LOG")), ALL_LEVELS));
            assertThat(files).extracting(ArtifactFile::getRelativePath).containsExactlyInAnyOrder(
                    "nightly-fail/Google Pixel 8 (14)/Logcat.logcat",
                    "nightly-fail/Google Pixel 8 (14)/Customer Artifacts.zip",
                    "nightly-fail/Google Pixel 8 (14)/Tests Suite/Tests Test/Video.mp4",
                    "nightly-fail/Samsung Galaxy S23 (13)/Logcat.logcat",
                    "nightly-fail/Samsung Galaxy S23 (13)/Customer Artifacts.zip",
                    "nightly-fail/Samsung Galaxy S23 (13)/Tests Suite/Tests Test/Video.mp4");
            assertThat(files).extracting(ArtifactFile::getType).containsOnly("VIDEO", "CUSTOMER_ARTIFACT", "DEVICE_LOG");
            assertThat(files).allMatch(a -> a.getRelativePath().contains(a.getJobArn().endsWith("/00000") ? "Google Pixel 8" : "Samsung"));
            assertThat(files).allMatch(a -> a.getUrl().startsWith(f.sim.endpoint().toString()) && !a.toString().contains("http"));
        }
    }

    @Test
    void runLevelListingStillSortsFilesByDevice() {
        try (ResultsFixture f = new ResultsFixture(2)) {
            DeviceFarmArn run = f.completedRun("nightly-fail", false);
            ArtifactLister lister = new ArtifactLister(f.client, f.pages);
            List<ArtifactFile> runLevel = result(lister.list(run, Set.of(ArtifactType.SCREENSHOT), EnumSet.of(ArtifactLevel.RUN)));
            assertThat(runLevel).hasSize(4).allMatch(a -> a.getRelativePath().matches(
                    "nightly-fail/(Google Pixel 8 \\(14\\)|Samsung Galaxy S23 \\(13\\))/test\\w+ failure\\.png"));
            assertThat(runLevel).allMatch(a -> a.getJobArn() != null && a.getArn().contains(a.getJobArn().substring(a.getJobArn().indexOf(":job:") + 5)));
            int calls = f.pages.calls();
            List<ArtifactFile> deep = result(lister.list(run, Set.of(ArtifactType.SCREENSHOT), ALL_LEVELS));
            assertThat(deep).hasSize(4).allMatch(a -> a.getRelativePath().matches(
                    "nightly-fail/[^/]+/com\\.example\\.app\\.\\w+/test\\w+/test\\w+ failure\\.png"));
            assertThat(f.pages.calls() - calls).isGreaterThan(calls); // deeper levels cost more calls
        }
    }

    @Test
    void oneListingSufficesWhenDeviceFarmListsDescendantsAndDeeperLevelsAreListedWhenItDoesNot() {
        try (ResultsFixture f = new ResultsFixture(2)) {
            DeviceFarmArn run = f.completedRun("nightly-fail", false);
            ArtifactLister lister = new ArtifactLister(f.client, f.pages);
            Set<ArtifactLevel> jobAndTest = EnumSet.of(ArtifactLevel.JOB, ArtifactLevel.TEST);

            // Screenshots hang at tests: the job listings bring them along, so no test is listed.
            List<ArtifactFile> shots = result(lister.list(run, Set.of(ArtifactType.SCREENSHOT), jobAndTest));
            assertThat(shots).hasSize(4).allMatch(a -> a.getRelativePath().matches("nightly-fail/[^/]+/com[^/]+/test\\w+/[^/]+\\.png"));
            List<String> listed = f.sim.journal().entries("ListArtifacts").stream().map(e -> e.arn()).distinct().toList();
            assertThat(listed).hasSize(2).allMatch(arn -> arn.contains(":job:"));

            // Device logs hang at jobs: nothing came from below, so every test is listed as well.
            f.sim.journal().clear();
            List<ArtifactFile> logs = result(lister.list(run, Set.of(ArtifactType.DEVICE_LOG), jobAndTest));
            assertThat(logs).hasSize(2).allMatch(a -> a.getRelativePath().matches("nightly-fail/[^/]+/Logcat\\.logcat"));
            assertThat(f.sim.journal().entries("ListArtifacts").stream().map(e -> e.arn()).distinct())
                    .hasSize(2 + 20).anyMatch(arn -> arn.contains(":test:"));
        }
    }

    @Test
    void typesAreCheckedBeforeAnyRequest() {
        assertThatThrownBy(() -> ArtifactTypes.parse("artifacts", List.of("VIDEO", "MOVIE")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("artifacts: 'MOVIE' is not a Device Farm artifact type")
                .hasMessageContaining("CUSTOMER_ARTIFACT");
        assertThatThrownBy(() -> ArtifactLevel.parse("artifactLevels", List.of("job", "device")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("artifactLevels: 'DEVICE' is not a level of a run's results. Use some of RUN, JOB, SUITE, TEST");
        assertThat(ArtifactLevel.parse("artifactLevels", List.of(" job ", "Test"))).containsExactly(ArtifactLevel.JOB, ArtifactLevel.TEST);
        assertThat(ArtifactLevel.parse("artifactLevels", List.of())).isEqualTo(ALL_LEVELS);
    }

    @Test
    void remoteNamesBecomeSafeDistinctFileNames() {
        SafeNames folder = SafeNames.folder();
        assertThat(folder.uniqueIn("../../etc/passwd", null)).isEqualTo("_.._etc_passwd");
        assertThat(folder.uniqueIn("Video", "mp4")).isEqualTo("Video.mp4");
        assertThat(folder.uniqueIn("video", "MP4")).isEqualTo("video (2).MP4");
        assertThat(folder.uniqueIn("CON", "txt")).isEqualTo("_CON.txt");
        assertThat(folder.uniqueIn("..", null)).isEqualTo("_");
        assertThat(folder.uniqueIn("a\u0000b\\c:d|e?*", "lo/g")).isEqualTo("a_b_c_d_e__.lo_g");
        assertThat(SafeNames.segment("x".repeat(300))).hasSize(SafeNames.MAX_LENGTH);
    }
}
