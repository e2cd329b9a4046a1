package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * A presigned PUT that breaks off in the middle of its body, as when a build is aborted during the
 * transfer: S3 keeps no object, so the upload stays INITIALIZED (never processed), the bytes that
 * came are thrown away, and the same URL takes a complete PUT later.
 */
class AbortedUploadTest extends SimulatorFixture {

    @ParameterizedTest(name = "connection {0}")
    @ValueSource(strings = {"closed", "reset"})
    void aPutCutOffMidBodyLeavesNoObjectAndTheUrlStillTakesTheFile(String how) throws Exception {
        byte[] apk = SampleFiles.apk();
        Upload u = client.createUpload(r -> r.projectArn(project).name("app.apk").type(UploadType.ANDROID_APP)).upload();
        CompletableFuture<JournalEntry> journaled = new CompletableFuture<>();
        Consumer<JournalEntry> listener = e -> {
            if (UploadEndpoint.OPERATION.equals(e.operation()) && u.arn().equals(e.arn())) {
                journaled.complete(e);
            }
        };
        simulator.journal().addListener(listener);

        putHalfAndHangUp(u.url(), apk, "reset".equals(how));

        JournalEntry entry = journaled.get(30, TimeUnit.SECONDS); // recorded once the server gave up on the body
        simulator.journal().removeListener(listener);
        assertThat(entry.succeeded()).isFalse();
        assertThat(entry.errorCode()).isEqualTo("IncompleteBody");
        assertThat(simulator.journal().count(UploadEndpoint.OPERATION, u.arn())).isEqualTo(1);
        assertThat(simulator.uploadFiles()).as("partial bytes left on disk").isEmpty();
        advance(60);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.INITIALIZED);

        assertThat(put(u.url(), apk, null).statusCode()).isEqualTo(200);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.PROCESSING);
        advance(UploadScript.DEFAULT.processingSeconds());
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThat(simulator.uploadFiles()).hasSize(1);
    }

    /** Declares the whole file, sends half of it, and closes the connection (with a reset if {@code reset}). */
    private static void putHalfAndHangUp(String url, byte[] bytes, boolean reset) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(Arrays.copyOf(bytes, bytes.length / 2));
            out.flush();
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    private Upload get(String arn) {
        return client.getUpload(r -> r.arn(arn)).upload();
    }
}
