package io.jenkins.plugins.devicefarm.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.JournalEntry;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
}
