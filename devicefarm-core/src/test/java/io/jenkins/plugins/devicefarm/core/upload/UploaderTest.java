package io.jenkins.plugins.devicefarm.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class UploaderTest {
    private static final String PUT = "PutUpload";

    private final SimulatorFixture f = new SimulatorFixture();
    private final Uploader uploader = new Uploader(f.client, f.watcher);
    private final DeviceFarmArn project = DeviceFarmArn.parse("projectArn", f.project(), ArnKind.PROJECT);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aFileGoesThroughCreateTransferAndProcessing() throws Exception {
        Path apk = Files.write(dir.resolve("app-debug.apk"), SampleFiles.apk());
        CompletableFuture<Upload> done = uploader.upload(project, apk, UploadType.ANDROID_APP, PresignedPut.withDefaults(), null);
        Await.until("the bytes arrived", () -> f.sim.journal().count(PUT) == 1);
        // Polls that see PROCESSING must not complete the future (wait for them rather than for time).
        Await.until("two polls after the bytes", () -> f.sim.journal().count("GetUpload") >= 2);
        assertThat(done).isNotDone();
        f.advance(Duration.ofSeconds(5));
        Upload u = Await.result(done);
        assertThat(u.status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThat(u.name()).isEqualTo("app-debug.apk");
        assertThat(u.type()).isEqualTo(UploadType.ANDROID_APP);
        assertThat(f.sim.journal().count("CreateUpload")).isEqualTo(1);
        assertThat(f.sim.journal().count("GetUpload")).isGreaterThan(1);
    }

    @Test
    void aFailedUploadShowsDeviceFarmsMessageFirst() throws Exception {
        Path apk = Files.write(dir.resolve("app.apk"), SampleFiles.zip("not-a-manifest.txt"));
        CompletableFuture<Upload> done = uploader.upload(project, apk, UploadType.ANDROID_APP, PresignedPut.withDefaults(), null);
        Await.until("the bytes arrived", () -> f.sim.journal().count(PUT) == 1);
        f.advance(Duration.ofSeconds(5));
        Throwable t = Await.failure(done);
        assertThat(t).isInstanceOf(UploadFailedException.class);
        assertThat(t.getMessage()).startsWith("The Android package has no AndroidManifest.xml. (Device Farm marked upload 'app.apk' FAILED: arn:aws:devicefarm:");
        assertThat(((UploadFailedException) t).metadata()).contains("AndroidManifest");
        assertThat(t.getMessage()).doesNotContain("_uploads");
    }

    @Test
    void theTransferIsAPlainBlockingFunctionOfAStreamAndAUrl() throws Exception {
        PendingUpload pending = Await.result(uploader.create(project, "build/outputs/tests.zip", UploadType.APPIUM_JAVA_TESTNG_TEST_PACKAGE));
        assertThat(pending.name()).isEqualTo("tests.zip");
        assertThat(pending.toString()).doesNotContain(pending.url()).contains(pending.arn().toString());
        byte[] zip = SampleFiles.zip("Test.class");
        long sent = PresignedPut.withDefaults().put(pending.url(), () -> new ByteArrayInputStream(zip), zip.length, pending.contentType());
        assertThat(sent).isEqualTo(zip.length);
        f.advance(Duration.ofSeconds(5));
        assertThat(Await.result(uploader.awaitProcessed(pending.arn(), null)).status()).isEqualTo(UploadStatus.SUCCEEDED);
    }

    @Test
    void aFileIsSentFromItsPath() throws Exception {
        Path ipa = Files.write(dir.resolve("app.ipa"), SampleFiles.ipa());
        PendingUpload pending = Await.result(uploader.create(project, ipa.toString(), UploadType.IOS_APP));
        assertThat(PresignedPut.withDefaults().put(pending.url(), ipa, pending.contentType())).isEqualTo(Files.size(ipa));
        f.advance(Duration.ofSeconds(5));
        assertThat(Await.result(uploader.awaitProcessed(pending.arn(), null)).status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThatThrownBy(() -> PresignedPut.withDefaults().put(pending.url(), ipa, pending.contentType()))
                .isInstanceOf(UploadTransferException.class).hasMessageContaining("403");
    }

    @Test
    void twoHundredMegabytesStreamFromAGeneratedStream() throws Exception {
        PendingUpload pending = Await.result(uploader.create(project, "data.zip", UploadType.EXTERNAL_DATA));
        long size = 200L * 1024 * 1024;
        long sent = PresignedPut.withDefaults().put(pending.url(), () -> SampleFiles.zipLike(size), size, pending.contentType());
        assertThat(sent).isEqualTo(size);
        f.advance(Duration.ofSeconds(5));
        assertThat(Await.result(uploader.awaitProcessed(pending.arn(), null)).status()).isEqualTo(UploadStatus.SUCCEEDED);
    }

    @Test
    void cancellingATransferClosesItsConnection() {
        PendingUpload pending = Await.result(uploader.create(project, "data.zip", UploadType.EXTERNAL_DATA));
        long size = 20L * 1024 * 1024 * 1024; // far more than can go in the test's time
        CompletableFuture<Long> sending = PresignedPut.withDefaults().send(pending.url(), () -> SampleFiles.zipLike(size), size,
                pending.contentType());
        Await.until("the transfer started", () -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("devicefarm-upload")));
        sending.cancel(true);
        Await.until("the sending thread ended", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("devicefarm-upload")));
        assertThat(f.client.getUpload(r -> r.arn(pending.arn().toString())).upload().status()).isEqualTo(UploadStatus.INITIALIZED);
    }

    @Test
    void aRefusedOrUnreachableUrlFailsWithoutShowingTheUrl() throws Exception {
        PendingUpload pending = Await.result(uploader.create(project, "app.apk", UploadType.ANDROID_APP));
        String forged = pending.url().replaceFirst("/_uploads/[0-9a-f]{6}", "/_uploads/000000");
        byte[] apk = SampleFiles.apk();
        assertThatThrownBy(() -> PresignedPut.withDefaults().put(forged, () -> new ByteArrayInputStream(apk), apk.length,
                pending.contentType()))
                .isInstanceOf(UploadTransferException.class)
                .hasMessageContaining("HTTP 403 AccessDenied")
                .satisfies(e -> assertThat(((UploadTransferException) e).statusCode()).isEqualTo(403))
                .message().doesNotContain(forged).doesNotContain("/_uploads/");
        assertThatThrownBy(() -> PresignedPut.withDefaults().put(pending.url(), () -> new ByteArrayInputStream(apk),
                apk.length, "text/plain"))
                .isInstanceOf(UploadTransferException.class).hasMessageContaining("SignatureDoesNotMatch");
        f.sim.stopServer();
        Throwable t = Await.failure(PresignedPut.withDefaults().send(pending.url(), () -> new ByteArrayInputStream(apk),
                apk.length, pending.contentType()));
        assertThat(t).isInstanceOf(UploadTransferException.class);
        assertThat(((UploadTransferException) t).statusCode()).isZero();
        assertThat(t.getMessage()).startsWith("Sending the file to Device Farm failed").doesNotContain(pending.url())
                .doesNotContain("_uploads");
        f.sim.startServer();
    }

    @Test
    void processingIsFollowedThroughThrottlingAndServerErrors() throws Exception {
        PendingUpload pending = Await.result(uploader.create(project, "app.apk", UploadType.ANDROID_APP));
        byte[] apk = SampleFiles.apk();
        PresignedPut.withDefaults().put(pending.url(), () -> new ByteArrayInputStream(apk), apk.length, pending.contentType());
        f.sim.faults().seed(7).throttle("GetUpload", 0.3).serverErrors("GetUpload", 0.3);
        CompletableFuture<Upload> done = uploader.awaitProcessed(pending.arn(), null);
        Await.until("a few polls", () -> f.sim.journal().count("GetUpload") >= 3);
        f.advance(Duration.ofSeconds(5));
        assertThat(Await.result(done).status()).isEqualTo(UploadStatus.SUCCEEDED);
    }

    @Test
    void cancellingTheUploadDuringProcessingStopsThePolls() throws Exception {
        Path apk = Files.write(dir.resolve("app.apk"), SampleFiles.apk());
        CompletableFuture<Upload> done = uploader.upload(project, apk, UploadType.ANDROID_APP, PresignedPut.withDefaults(), null);
        Await.until("processing is polled", () -> f.sim.journal().count("GetUpload") >= 2);
        assertThat(done.cancel(true)).isTrue();
        int polls = f.sim.journal().count("GetUpload");
        Thread.sleep(1000); // two dozen poll intervals at least
        // At most the one poll that was already under way when the cancel came; none after it.
        assertThat(f.sim.journal().count("GetUpload")).isLessThanOrEqualTo(polls + 1);
    }

    @Test
    void cancellingAWaitStopsItsPolls() throws Exception {
        PendingUpload pending = Await.result(uploader.create(project, "app.apk", UploadType.ANDROID_APP));
        CompletableFuture<Upload> waiting = uploader.awaitProcessed(pending.arn(), null);
        Await.until("processing is polled", () -> f.sim.journal().count("GetUpload") >= 2);
        waiting.cancel(false);
        int polls = f.sim.journal().count("GetUpload");
        Thread.sleep(1000); // two dozen poll intervals at least
        // At most the one poll that was already under way when the cancel came; none after it.
        assertThat(f.sim.journal().count("GetUpload")).isLessThanOrEqualTo(polls + 1);
    }

    @Test
    void processingThatNeverEndsTimesOut() {
        PendingUpload pending = Await.result(uploader.create(project, "app.apk", UploadType.ANDROID_APP));
        Throwable t = Await.failure(uploader.awaitProcessed(pending.arn(), Duration.ofMillis(200)));
        assertThat(t).isInstanceOf(WatchTimeoutException.class).hasMessageContaining(pending.arn().toString());
    }

    @Test
    void anUnknownUploadFailsWithDeviceFarmsError() {
        DeviceFarmArn missing = DeviceFarmArn.parse("arn", project.toString().replace(":project:", ":upload:")
                + "/00000000-0000-0000-0000-000000000000", ArnKind.UPLOAD);
        Throwable t = Await.failure(uploader.awaitProcessed(missing, null));
        assertThat(t).isInstanceOf(DeviceFarmCallException.class).hasMessageContaining("NotFoundException");
    }

    @Test
    void deleteRemovesTheUploadAndIsIdempotent() {
        PendingUpload pending = Await.result(uploader.create(project, "app.apk", UploadType.ANDROID_APP));
        Await.result(uploader.delete(pending.arn()));
        Await.result(uploader.delete(pending.arn()));
        assertThatThrownBy(() -> f.client.getUpload(r -> r.arn(pending.arn().toString()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteAllDeletesWhatAStepCreatedAndNotesEachOneGone() {
        UploadProgress progress = new UploadProgress();
        PendingUpload app = Await.result(uploader.create(project, "app.apk", UploadType.ANDROID_APP));
        PendingUpload tests = Await.result(uploader.create(project, "tests.zip", UploadType.APPIUM_JAVA_TESTNG_TEST_PACKAGE));
        progress.created("app", app.arn().toString());
        progress.created("testPackage", tests.arn().toString());
        Await.result(uploader.delete(tests.arn())); // gone already: still counts as deleted
        List<String> said = new CopyOnWriteArrayList<>();
        List<String> warned = new CopyOnWriteArrayList<>();

        Await.result(uploader.deleteAll(progress, said::add, warned::add));

        assertThat(progress.isEmpty()).isTrue();
        assertThat(said).containsExactlyInAnyOrder("Deleted upload " + app.arn() + ", which this step created",
                "Deleted upload " + tests.arn() + ", which this step created");
        assertThat(warned).isEmpty();
        assertThat(f.client.listUploadsPaginator(r -> r.arn(f.project())).uploads().stream().count()).isZero();
    }

    @Test
    void deleteAllWarnsAndKeepsTrackOfWhatCouldNotBeDeleted() {
        UploadProgress progress = new UploadProgress();
        PendingUpload app = Await.result(uploader.create(project, "app.apk", UploadType.ANDROID_APP));
        progress.created("app", app.arn().toString());
        f.watcher.close(); // nothing can be asked of Device Farm any more
        List<String> warned = new CopyOnWriteArrayList<>();

        Await.result(uploader.deleteAll(progress, line -> {}, warned::add));

        assertThat(warned).singleElement().asString().startsWith("Could not delete upload " + app.arn() + ": ");
        assertThat(progress.arns()).containsExactly(app.arn().toString()); // still the step's to delete
    }

    @Test
    void aNameThatDoesNotFitTheTypeIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> uploader.create(project, "app.ipa", UploadType.ANDROID_APP))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("file: 'app.ipa' does not end in .apk");
        assertThat(f.sim.journal().count("CreateUpload")).isZero();
    }

    @Test
    void aMissingLocalFileFailsTheFuture() {
        Throwable t = Await.failure(uploader.upload(project, dir.resolve("missing.apk"), UploadType.ANDROID_APP,
                PresignedPut.withDefaults(), null));
        assertThat(t).hasMessageContaining("missing.apk");
        assertThat(f.sim.journal().count("CreateUpload")).isZero();
    }
}
