package io.jenkins.plugins.devicefarm.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.JournalEntry;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * The file's source stalls mid-transfer for longer than the storage waits for a byte (S3: about 20 s), so
 * the presigned PUT is answered 400 RequestTimeout and its connection closed. The failure is one line
 * naming the transfer and saying it can be retried, without the URL; and it can: the same URL takes the file.
 */
class StalledTransferTest {
    private static final String PUT = "PutUpload";

    private final ManualSimClock clock = new ManualSimClock();
    private final DeviceFarmSimulator sim = DeviceFarmSimulator.builder().clock(clock)
            .uploadIdleTimeout(Duration.ofMillis(300)).build();
    private final DeviceFarmClient client = SimulatorFixture.clientFor(sim);

    @AfterEach
    void close() {
        client.close();
        sim.close();
    }

    /**
     * A small file: the rest fits the socket's buffers, so the server's answer can be read; a large one:
     * writing the rest fails on the closed connection first. Either way the same kind of message.
     */
    @ParameterizedTest(name = "{0} bytes after the stall")
    @ValueSource(ints = {0, 8 * 1024 * 1024})
    void aTransferWhoseSourceStallsFailsInOneLineThatSaysItCanBeRetried(int extra) throws Exception {
        byte[] apk = SampleFiles.apk();
        byte[] file = new byte[apk.length + extra];
        System.arraycopy(apk, 0, file, 0, apk.length); // a zip reads its directory from the end: only the size matters here
        Upload u = client.createUpload(r -> r.projectArn(sim.projectArns().get(0)).name("app.apk")
                .type(UploadType.ANDROID_APP)).upload();
        CompletableFuture<JournalEntry> timedOut = new CompletableFuture<>();
        sim.journal().addListener(e -> {
            if (PUT.equals(e.operation()) && u.arn().equals(e.arn())) {
                timedOut.complete(e);
            }
        });

        Supplier<InputStream> stalling = () -> new StallingStream(file, apk.length / 2, timedOut);
        assertThatThrownBy(() -> PresignedPut.withDefaults().put(u.url(), stalling, file.length, null))
                .isInstanceOf(UploadTransferException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("Sending the file to Device Farm")
                        .contains("The transfer can be retried")
                        .doesNotContain("\n").doesNotContain(u.url()).doesNotContain("_uploads").doesNotContain("X-Amz-")
                        .contains(extra == 0 ? "timed out: HTTP 400 RequestTimeout: Your socket connection" : "broke off"));
        assertThat(timedOut.get(30, TimeUnit.SECONDS).errorCode()).isEqualTo("RequestTimeout");
        assertThat(sim.journal().count(PUT, u.arn())).isEqualTo(1);
        assertThat(client.getUpload(r -> r.arn(u.arn())).upload().status()).isEqualTo(UploadStatus.INITIALIZED);

        if (extra == 0) { // the retry the message promises
            assertThat(PresignedPut.withDefaults().put(u.url(), () -> new ByteArrayInputStream(apk), apk.length, null))
                    .isEqualTo(apk.length);
            clock.advance(Duration.ofSeconds(5));
            assertThat(client.getUpload(r -> r.arn(u.arn())).upload().status()).isEqualTo(UploadStatus.SUCCEEDED);
        }
    }

    /** Gives {@code stallAt} bytes, then blocks until {@code until} completes (the simulator gave up), then the rest. */
    private static final class StallingStream extends InputStream {
        private final byte[] bytes;
        private final int stallAt;
        private final CompletableFuture<?> until;
        private int position;

        StallingStream(byte[] bytes, int stallAt, CompletableFuture<?> until) {
            this.bytes = bytes;
            this.stallAt = stallAt;
            this.until = until;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position == stallAt) {
                try {
                    until.get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while stalled");
                } catch (ExecutionException | TimeoutException e) {
                    throw new IOException("the simulator never gave up on the stalled transfer", e);
                }
            }
            if (position >= bytes.length) {
                return -1;
            }
            int end = position < stallAt ? stallAt : bytes.length;
            int n = Math.min(len, end - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }
    }
}
