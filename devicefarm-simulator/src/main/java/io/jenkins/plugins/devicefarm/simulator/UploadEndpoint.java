package io.jenkins.plugins.devicefarm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The presigned PUT URLs of uploads, answered like S3 answers them: the body streams to a
 * temporary file (any size, constant memory), {@code Content-Length} is required (S3 takes no
 * chunked uploads), the {@code Content-Type} must be the one CreateUpload was given, and an
 * unknown or expired URL is 403. A body cut off before {@code Content-Length} bytes (the client
 * hung up) is IncompleteBody: its bytes are dropped and the upload stays INITIALIZED, as S3 stores no
 * object, so the URL takes a complete PUT later. A body that stops coming without the connection closing
 * is RequestTimeout after {@link IdleBodyTimer#timeout()} without a byte (S3 answers so, then closes the
 * connection), with the same outcome. Journaled as {@code PutUpload} with the upload's ARN, never the URL.
 */
final class UploadEndpoint {
    static final String PREFIX = "/_uploads/";
    static final String OPERATION = "PutUpload";
    private static final int BUFFER_BYTES = 64 * 1024;
    static final String IDLE_CODE = "RequestTimeout";
    private static final String IDLE_MESSAGE = "Your socket connection to the server was not read from or written to "
            + "within the timeout period. Idle connections will be closed.";

    private final Uploads uploads;
    private final SimClock clock;
    private final Journal journal;
    private final IdleBodyTimer idleBodies;

    UploadEndpoint(Uploads uploads, SimClock clock, Journal journal, IdleBodyTimer idleBodies) {
        this.uploads = uploads;
        this.clock = clock;
        this.journal = journal;
        this.idleBodies = idleBodies;
    }

    void handle(HttpExchange exchange, long receivedNanos) throws IOException {
        Instant now = clock.now();
        String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        String token = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Optional<SimUpload> found = uploads.byToken(token);
        String arn = found.map(SimUpload::arn).orElse(null);
        if (!"PUT".equals(exchange.getRequestMethod())) {
            s3Error(exchange, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.", now, receivedNanos, arn);
            return;
        }
        if (found.isEmpty()) {
            s3Error(exchange, 403, "AccessDenied", "Access Denied", now, receivedNanos, null);
            return;
        }
        SimUpload upload = found.get();
        if (now.isAfter(upload.urlExpires())) {
            s3Error(exchange, 403, "AccessDenied", "Request has expired", now, receivedNanos, arn);
            return;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            s3Error(exchange, 411, "MissingContentLength", "You must provide the Content-Length HTTP header.", now, receivedNanos, arn);
            return;
        }
        String expectedType = upload.request().contentType();
        if (expectedType != null && !expectedType.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            s3Error(exchange, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided: the Content-Type must be " + expectedType + ".", now, receivedNanos, arn);
            return;
        }
        if (upload.received()) {
            s3Error(exchange, 403, "AccessDenied", "The upload has already been received.", now, receivedNanos, arn);
            return;
        }
        long expected;
        try {
            expected = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            s3Error(exchange, 400, "InvalidArgument", "Content-Length is not a number.", now, receivedNanos, arn);
            return;
        }
        Path file = uploads.newFile();
        IdleBodyTimer.Watch watch = idleBodies.watch(() -> answerIdle(exchange));
        long written;
        try {
            written = receive(exchange.getRequestBody(), file, watch);
        } catch (IOException e) { // the disk failed, not the client
            Uploads.deleteQuietly(file);
            throw e;
        } finally {
            watch.finish();
        }
        if (watch.timedOut()) { // answered by the timer, which closed the connection: S3 keeps no object
            Uploads.deleteQuietly(file);
            journal.record(new JournalEntry(now, receivedNanos, OPERATION, arn, 400, IDLE_CODE));
            return;
        }
        if (written != expected) { // the client hung up mid-body: S3 keeps no object, the URL stays usable
            Uploads.deleteQuietly(file);
            try {
                s3Error(exchange, 400, "IncompleteBody", "You did not provide the number of bytes specified by the "
                        + "Content-Length HTTP header.", now, receivedNanos, arn);
            } catch (IOException gone) {
                // journaled; the client is gone, so nobody is left to answer
            }
            return;
        }
        // The bytes count from when they all arrived, so processing starts then.
        Instant arrived = clock.now();
        String problem = UploadContent.problem(upload.type(), file, written);
        synchronized (uploads) {
            if (!uploads.exists(upload)) {
                Uploads.deleteQuietly(file);
                s3Error(exchange, 403, "AccessDenied", "Access Denied", now, receivedNanos, arn);
                return;
            }
            upload.received(arrived, file, written, problem);
        }
        journal.record(new JournalEntry(now, receivedNanos, OPERATION, arn, 200, null));
        exchange.getResponseHeaders().set("ETag", "\"" + Long.toHexString(written) + "\"");
        exchange.sendResponseHeaders(200, -1);
    }

    /**
     * Streams the body to {@code file}: the bytes written until it ended or the connection broke off
     * (closed or reset before {@code Content-Length} bytes came). Only a failure to write is thrown.
     */
    private static long receive(InputStream body, Path file, IdleBodyTimer.Watch watch) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (true) {
                watch.reading();
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException brokenOff) { // or ended by the idle timer
                    n = -1;
                }
                if (!watch.read() || n < 0) {
                    return written;
                }
                out.write(buffer, 0, n);
                written += n;
            }
        }
    }

    private void s3Error(HttpExchange exchange, int status, String code, String message, Instant now, long receivedNanos,
                         String arn) throws IOException {
        journal.record(new JournalEntry(now, receivedNanos, OPERATION, arn, status, code));
        sendError(exchange, status, code, message).close();
    }

    /**
     * The timer's answer to a stalled body, while the handler's thread is still blocked reading it: written
     * and flushed, not closed (closing would read the rest of the body).
     */
    private static void answerIdle(HttpExchange exchange) {
        try {
            sendError(exchange, 400, IDLE_CODE, IDLE_MESSAGE).flush();
        } catch (IOException gone) {
            // the client left as well; the handler journals the timeout either way
        }
    }

    /** Sends an S3 XML error and answers its (fully written) body stream. */
    private static OutputStream sendError(HttpExchange exchange, int status, String code, String message)
            throws IOException {
        byte[] body = HttpFrontEnd.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + message + "</Message></Error>");
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        // Answer without reading a body we refuse: the client may still be sending it, so close after.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body);
        return out;
    }
}
