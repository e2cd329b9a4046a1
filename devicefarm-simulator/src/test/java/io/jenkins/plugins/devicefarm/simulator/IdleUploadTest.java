package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * A presigned PUT whose client stops sending without closing the connection: as S3, the simulator answers
 * 400 RequestTimeout once no byte came for the idle timeout, closes the connection, keeps no object, and the
 * same URL takes a complete PUT later.
 */
class IdleUploadTest extends SimulatorFixture {
    private static final Duration IDLE = Duration.ofMillis(400);

    @Override
    void configure(DeviceFarmSimulator.Builder builder) {
        builder.uploadIdleTimeout(IDLE);
    }

    @Test
    void aPutThatStallsMidBodyIsAnsweredRequestTimeoutAndLeavesNoObject() throws Exception {
        byte[] apk = SampleFiles.apk();
        Upload u = client.createUpload(r -> r.projectArn(project).name("app.apk").type(UploadType.ANDROID_APP)).upload();
        CompletableFuture<JournalEntry> journaled = journaled(u.arn());

        URI uri = URI.create(u.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(uri, apk.length, false));
            out.write(Arrays.copyOf(apk, apk.length / 2));
            out.flush();
            socket.setSoTimeout(30_000); // a guard for the test only: the simulator answers after IDLE

            String answer = readToEnd(socket.getInputStream()); // ends: the simulator closed the connection
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/xml")
                    .contains("<Code>RequestTimeout</Code>")
                    .contains("<Message>Your socket connection to the server was not read from or written to within "
                            + "the timeout period. Idle connections will be closed.</Message>");
            // Still open on this side: the simulator's thread was freed by the timeout, not by the client leaving.
            JournalEntry entry = journaled.get(30, TimeUnit.SECONDS);
            assertThat(entry.succeeded()).isFalse();
            assertThat(entry.httpStatus()).isEqualTo(400);
            assertThat(entry.errorCode()).isEqualTo("RequestTimeout");
        }
        assertThat(simulator.journal().count(UploadEndpoint.OPERATION, u.arn())).isEqualTo(1);
        assertThat(simulator.uploadFiles()).as("partial bytes left on disk").isEmpty();
        advance(60);
        assertThat(client.getUpload(r -> r.arn(u.arn())).upload().status()).isEqualTo(UploadStatus.INITIALIZED);

        assertThat(put(u.url(), apk, null).statusCode()).isEqualTo(200);
        advance(UploadScript.DEFAULT.processingSeconds());
        assertThat(client.getUpload(r -> r.arn(u.arn())).upload().status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThat(simulator.uploadFiles()).hasSize(1);
    }

    @Test
    void aPutThatSendsNothingAfterItsHeadersTimesOutToo() throws Exception {
        Upload u = client.createUpload(r -> r.projectArn(project).name("app.apk").type(UploadType.ANDROID_APP)).upload();
        CompletableFuture<JournalEntry> journaled = journaled(u.arn());
        URI uri = URI.create(u.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(headers(uri, 1000, false));
            socket.setSoTimeout(30_000);
            assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 400").contains("<Code>RequestTimeout</Code>");
            assertThat(journaled.get(30, TimeUnit.SECONDS).errorCode()).isEqualTo("RequestTimeout");
        }
        assertThat(simulator.uploadFiles()).as("the empty temporary file").isEmpty();
    }

    /** The timeout is for silence, not for the whole transfer: a body that trickles in, slower than IDLE overall, is taken. */
    @Test
    void aSlowBodyThatKeepsComingIsTaken() throws Exception {
        byte[] apk = SampleFiles.apk();
        Upload u = client.createUpload(r -> r.projectArn(project).name("app.apk").type(UploadType.ANDROID_APP)).upload();
        URI uri = URI.create(u.url());
        int parts = 8;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(uri, apk.length, true));
            for (int i = 0; i < parts; i++) {
                out.write(Arrays.copyOfRange(apk, apk.length * i / parts, apk.length * (i + 1) / parts));
                out.flush();
                Thread.sleep(IDLE.toMillis() / 4); // gaps well below the idle timeout, IDLE * 2 in all
            }
            socket.setSoTimeout(30_000);
            assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200");
        }
        assertThat(simulator.journal().entries(UploadEndpoint.OPERATION).get(0).succeeded()).isTrue();
        assertThat(client.getUpload(r -> r.arn(u.arn())).upload().status()).isEqualTo(UploadStatus.PROCESSING);
    }

    private CompletableFuture<JournalEntry> journaled(String arn) {
        CompletableFuture<JournalEntry> journaled = new CompletableFuture<>();
        Consumer<JournalEntry> listener = e -> {
            if (UploadEndpoint.OPERATION.equals(e.operation()) && arn.equals(e.arn())) {
                journaled.complete(e);
            }
        };
        simulator.journal().addListener(listener);
        return journaled;
    }

    /** {@code close}: asks the simulator to close after its answer (a stalled PUT is closed without being asked). */
    private static byte[] headers(URI uri, int length, boolean close) {
        return ("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
