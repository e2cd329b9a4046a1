package io.jenkins.plugins.devicefarm.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * Uploads that go on after a restart, against the simulator through the real client: the progress
 * is saved (here: serialized, as a Pipeline program is) after each change, and a new
 * {@link ResumableUploads} given what was saved awaits, sends again or uploads, as the saved state says.
 */
class ResumableUploadsTest {
    private static final String KEY = "app/app-debug.apk";
    private static final String PUT = "PutUpload";
    private static final Supplier<Duration> NO_TIMEOUT = () -> null;

    private final SimulatorFixture f = new SimulatorFixture();
    private final DeviceFarmArn project = DeviceFarmArn.parse("projectArn", f.project(), ArnKind.PROJECT);
    private final byte[] apk = SampleFiles.apk();
    /** What each save wrote, as the process that comes back after a restart reads it. */
    private final List<byte[]> saved = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void eachChangeIsSavedBeforeTheNextPhaseStarts() {
        UploadProgress progress = new UploadProgress();
        List<Integer> putsAtSave = new CopyOnWriteArrayList<>();
        List<Integer> pollsAtSave = new CopyOnWriteArrayList<>();
        ResumableUploads uploads = new ResumableUploads(new Uploader(f.client, f.watcher), project, progress, () -> {
            putsAtSave.add(f.sim.journal().count(PUT));
            pollsAtSave.add(f.sim.journal().count("GetUpload"));
            saved.add(serialized(progress));
        }, log::add);

        CompletableFuture<Upload> done = uploads.upload(KEY, "app", KEY, UploadType.ANDROID_APP, this::send, NO_TIMEOUT);
        Await.until("processing is polled", () -> f.sim.journal().count("GetUpload") >= 1);
        f.advance(Duration.ofSeconds(5));
        Upload u = Await.result(done);

        assertThat(u.status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThat(uploads.isCreating()).isFalse();
        assertThat(saved).hasSize(2);
        UploadProgress afterCreate = restored(saved.get(0));
        assertThat(afterCreate.arns()).containsExactly(u.arn()); // known before a byte was sent
        assertThat(afterCreate.isSent(u.arn())).isFalse();
        assertThat(putsAtSave.get(0)).isZero();
        UploadProgress afterTransfer = restored(saved.get(1));
        assertThat(afterTransfer.isSent(u.arn())).isTrue(); // saved before processing is awaited
        assertThat(pollsAtSave.get(1)).isZero();
        assertThat(putsAtSave.get(1)).isEqualTo(1);
        assertThat(progress.arns()).containsExactly(u.arn()); // the caller deletes it at the end
        assertThat(log).anyMatch(l -> l.startsWith("app: sent " + apk.length + " bytes; Device Farm is processing"));
        assertThat(String.join("\n", log)).doesNotContain("/_uploads/"); // the presigned URL is a secret
    }

    @Test
    void afterARestartAnUploadWhoseBytesArrivedIsOnlyAwaited() {
        UploadProgress before = new UploadProgress();
        ResumableUploads first = saving(before);
        first.upload(KEY, "app", KEY, UploadType.ANDROID_APP, this::send, NO_TIMEOUT);
        Await.until("the bytes arrived and that was saved", () -> saved.size() == 2);
        first.cancel(); // the process dies: its wait ends with it

        UploadProgress after = restored(saved.get(1));
        assertThat(new ResumableUploads(new Uploader(f.client, f.watcher), project, after, () -> {}, log::add).needsFile(KEY)).isFalse();
        int pollsBefore = f.sim.journal().count("GetUpload");
        CompletableFuture<Upload> resumed = new ResumableUploads(new Uploader(f.client, f.watcher), project, after, () -> {}, log::add)
                .upload(KEY, "app", KEY, UploadType.ANDROID_APP, p -> {
                    throw new AssertionError("nothing is sent again");
                }, NO_TIMEOUT);
        Await.until("processing is polled again", () -> f.sim.journal().count("GetUpload") >= pollsBefore + 2);
        assertThat(resumed).isNotDone(); // still PROCESSING
        f.advance(Duration.ofSeconds(5));
        Upload u = Await.result(resumed);

        assertThat(u.status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThat(u.arn()).isEqualTo(before.arns().get(0));
        assertThat(f.sim.journal().count("CreateUpload")).isEqualTo(1);
        assertThat(f.sim.journal().count(PUT)).isEqualTo(1);
        assertThat(f.sim.journal().count("DeleteUpload")).isZero();
        assertThat(log).anyMatch(l -> l.startsWith("app: the bytes of '" + KEY + "' reached Device Farm before the restart"));
    }

    @Test
    void afterARestartAnUploadCreatedButNotSentIsDeletedAndSentAgain() {
        UploadProgress before = new UploadProgress();
        // The first process dies while the bytes are on their way: the transfer never ends.
        saving(before).upload(KEY, "app", KEY, UploadType.ANDROID_APP, p -> new CompletableFuture<>(), NO_TIMEOUT);
        Await.until("the create was saved", () -> saved.size() == 1);
        String stale = before.arns().get(0);

        UploadProgress after = restored(saved.get(0));
        saved.clear();
        ResumableUploads resumed = saving(after);
        assertThat(resumed.needsFile(KEY)).isTrue();
        CompletableFuture<Upload> done = resumed.upload(KEY, "app", KEY, UploadType.ANDROID_APP, this::send, NO_TIMEOUT);
        Await.until("the bytes arrived", () -> f.sim.journal().count(PUT) == 1);
        f.advance(Duration.ofSeconds(5));
        Upload u = Await.result(done);

        assertThat(u.status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThat(u.arn()).isNotEqualTo(stale);
        assertThat(f.sim.journal().count("DeleteUpload", stale)).isEqualTo(1);
        assertThatThrownBy(() -> f.client.getUpload(r -> r.arn(stale))).isInstanceOf(NotFoundException.class);
        assertThat(f.sim.journal().count("CreateUpload")).isEqualTo(2);
        assertThat(after.arns()).containsExactly(u.arn()); // the stale one is gone, the new one tracked
        assertThat(after.isSent(u.arn())).isTrue();
        assertThat(restored(saved.get(0)).arns()).isEmpty(); // the delete was saved before the new create
        assertThat(log).anyMatch(l -> l.startsWith("app: the transfer of '" + KEY + "' did not end before the restart; deleting "
                + stale));
    }

    @Test
    void anAbortDuringTheResumedProcessingStopsThePollsAndKeepsTheUploadTracked() throws Exception {
        UploadProgress before = new UploadProgress();
        ResumableUploads first = saving(before);
        first.upload(KEY, "app", KEY, UploadType.ANDROID_APP, this::send, NO_TIMEOUT);
        Await.until("the bytes arrived and that was saved", () -> saved.size() == 2);
        first.cancel();

        UploadProgress after = restored(saved.get(1));
        ResumableUploads resumed = new ResumableUploads(new Uploader(f.client, f.watcher), project, after, () -> {}, log::add);
        int pollsBefore = f.sim.journal().count("GetUpload");
        CompletableFuture<Upload> done = resumed.upload(KEY, "app", KEY, UploadType.ANDROID_APP, this::send, NO_TIMEOUT);
        Await.until("processing is polled again", () -> f.sim.journal().count("GetUpload") >= pollsBefore + 2);
        resumed.cancel();

        assertThat(Await.failure(done)).isInstanceOf(CancellationException.class);
        int polls = f.sim.journal().count("GetUpload");
        Thread.sleep(1000); // two dozen poll intervals at least
        assertThat(f.sim.journal().count("GetUpload")).isLessThanOrEqualTo(polls + 1); // at most the one under way
        assertThat(after.arns()).isEqualTo(before.arns()); // still tracked: the caller deletes it
        assertThat(f.sim.journal().count("CreateUpload")).isEqualTo(1);
    }

    @Test
    void anAbortWhileTheCreateIsInFlightTracksTheUploadAndSendsNothing() {
        f.sim.faults().latency("CreateUpload", Duration.ofMillis(500));
        UploadProgress progress = new UploadProgress();
        ResumableUploads uploads = saving(progress);
        CompletableFuture<Upload> done = uploads.upload(KEY, "app", KEY, UploadType.ANDROID_APP, this::send, NO_TIMEOUT);
        assertThat(uploads.isCreating()).isTrue(); // a safe restart waits: the upload it makes is known nowhere yet
        uploads.cancel();

        assertThat(Await.failure(done)).isInstanceOf(CancellationException.class);
        assertThat(f.sim.journal().count("CreateUpload")).isEqualTo(1);
        assertThat(progress.arns()).hasSize(1); // Device Farm made it: known, to be deleted
        assertThat(restored(saved.get(0)).arns()).isEqualTo(progress.arns());
        assertThat(f.sim.journal().count(PUT)).isZero();
        assertThat(uploads.isCreating()).isFalse();
        assertThat(Await.failure(uploads.upload("other.apk", "auxiliaryApps", "other.apk", UploadType.ANDROID_APP, this::send, NO_TIMEOUT)))
                .isInstanceOf(CancellationException.class); // nothing more is created
        assertThat(f.sim.journal().count("CreateUpload")).isEqualTo(1);
    }

    @Test
    void aFailedTransferIsNotTakenForSentSoAResumeSendsTheFileAgain() {
        UploadProgress progress = new UploadProgress();
        CompletableFuture<Upload> done = saving(progress).upload(KEY, "app", KEY, UploadType.ANDROID_APP,
                p -> CompletableFuture.failedFuture(new UploadTransferException("Sending the file to Device Farm failed", 0)), NO_TIMEOUT);

        assertThat(Await.failure(done)).isInstanceOf(UploadTransferException.class);
        String arn = progress.arns().get(0);
        assertThat(progress.isSent(arn)).isFalse();
        assertThat(new ResumableUploads(new Uploader(f.client, f.watcher), project, progress, () -> {}, log::add).needsFile(KEY)).isTrue();
    }

    @Test
    void aFileDeviceFarmMarksFailedFailsWithItsMessageAndStaysTracked() {
        UploadProgress progress = new UploadProgress();
        byte[] bad = SampleFiles.zip("not-a-manifest.txt");
        CompletableFuture<Upload> done = saving(progress).upload(KEY, "app", KEY, UploadType.ANDROID_APP,
                p -> PresignedPut.withDefaults().send(p.url(), () -> new ByteArrayInputStream(bad), bad.length, p.contentType()), NO_TIMEOUT);
        Await.until("the bytes arrived", () -> f.sim.journal().count(PUT) == 1);
        f.advance(Duration.ofSeconds(5));

        assertThat(Await.failure(done)).isInstanceOf(UploadFailedException.class).hasMessageContaining("AndroidManifest");
        assertThat(progress.arns()).hasSize(1);
    }

    @Test
    void theTimeoutIsReadAsProcessingStartsSoADeadlineCountsTheTransfer() {
        List<Integer> putsWhenRead = new CopyOnWriteArrayList<>();
        CompletableFuture<Upload> done = saving(new UploadProgress()).upload(KEY, "app", KEY, UploadType.ANDROID_APP, this::send, () -> {
            putsWhenRead.add(f.sim.journal().count(PUT));
            return Duration.ofMillis(200); // the simulated clock stands still: processing never ends
        });

        assertThat(Await.failure(done)).isInstanceOf(WatchTimeoutException.class);
        assertThat(putsWhenRead).containsExactly(1);
    }

    @Test
    void theProgressTracksEveryUploadCreatedUntilItIsDeleted() {
        UploadProgress p = new UploadProgress();
        p.created("a", "arn:1");
        p.sent("arn:1");
        p.created("a", "arn:2"); // made again for the same file (its first not deleted yet): both stay tracked
        p.sent("arn:unknown"); // never created here: not taken for sent
        assertThat(p.arns()).containsExactly("arn:1", "arn:2");
        assertThat(p.arnOf("a")).isEqualTo("arn:2");
        assertThat(p.isSent("arn:unknown")).isFalse();
        p.deleted("arn:2");
        assertThat(p.arnOf("a")).isNull();
        assertThat(p.arns()).containsExactly("arn:1");
        assertThat(restored(serialized(p)).toString()).isEqualTo("uploads {arn:1=sent}");
        p.deleted("arn:1");
        assertThat(p.isEmpty()).isTrue();
    }

    private ResumableUploads saving(UploadProgress progress) {
        return new ResumableUploads(new Uploader(f.client, f.watcher), project, progress, () -> saved.add(serialized(progress)), log::add);
    }

    private CompletableFuture<Long> send(PendingUpload p) {
        return PresignedPut.withDefaults().send(p.url(), () -> new ByteArrayInputStream(apk), apk.length, p.contentType());
    }

    private static byte[] serialized(UploadProgress p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static UploadProgress restored(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (UploadProgress) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
