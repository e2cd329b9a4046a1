package io.jenkins.plugins.devicefarm.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file's bytes to a presigned PUT URL: read from the stream in one fixed buffer and
 * written straight to the socket in fixed-length mode (the Content-Length S3 requires; constant
 * memory whatever the size). {@link HttpURLConnection}, because it keeps up with {@code curl}
 * where {@code java.net.http} reaches a third of its speed (see UploadBenchmark). Needs no SDK nor
 * credentials, so it runs where the file is (a Jenkins agent); it takes the JVM's proxy settings.
 * Messages never contain the URL: it grants write access to the upload. A transfer that fails leaves no
 * object behind (S3 stores nothing for an incomplete PUT), so it can be sent again to the same URL; a
 * source that stalls mid-file (S3 closes a PUT that sent no byte for about 20 s) fails that way too.
 */
public final class PresignedPut {
    static final int BUFFER = 256 * 1024;
    private static final Pattern S3_CODE = Pattern.compile("<Code>([A-Za-z]{1,64})</Code>");
    private static final Pattern S3_MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");
    private static final String RETRY = "The transfer can be retried";

    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** {@code readTimeout}: the longest silence while waiting for the answer (zero: none). */
    public PresignedPut(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** A 30 s connect timeout and 5 minutes for the answer once the bytes are sent. */
    public static PresignedPut withDefaults() {
        return new PresignedPut(Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** Sends the file; blocks the calling thread (meant for an agent) and answers the bytes sent. */
    public long put(String url, Path file, String contentType) throws IOException {
        return put(url, () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Files.size(file), contentType);
    }

    /** Sends {@code length} bytes of the stream {@code body} opens; blocks, and answers the bytes sent. */
    public long put(String url, Supplier<InputStream> body, long length, String contentType) throws IOException {
        return put(url, body, length, contentType, new AtomicReference<>(), () -> false);
    }

    /**
     * As {@link #put(String, Supplier, long, String)} on a thread of its own; cancelling the future
     * closes the connection, which ends the transfer.
     */
    public CompletableFuture<Long> send(String url, Supplier<InputStream> body, long length, String contentType) {
        AtomicReference<HttpURLConnection> connection = new AtomicReference<>();
        CompletableFuture<Long> result = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                result.complete(put(url, body, length, contentType, connection, result::isDone));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "devicefarm-upload");
        sender.setDaemon(true);
        result.whenComplete((sent, error) -> {
            HttpURLConnection c = connection.get();
            if (result.isCancelled() && c != null) {
                c.disconnect();
            }
        });
        sender.start();
        return result;
    }

    /** {@code stop} is checked between buffers: a cancel that comes before the connection exists still ends it. */
    private long put(String url, Supplier<InputStream> body, long length, String contentType,
                     AtomicReference<HttpURLConnection> current, BooleanSupplier stop) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("length must be known: S3 takes no chunked uploads");
        }
        HttpURLConnection c;
        try {
            URLConnection opened = URI.create(url).toURL().openConnection();
            if (!(opened instanceof HttpURLConnection http)) {
                throw new UploadTransferException("The upload URL is not an HTTP(S) URL", 0);
            }
            c = http;
        } catch (IllegalArgumentException e) {
            throw new UploadTransferException("The upload URL is malformed", 0);
        }
        current.set(c);
        long sent = 0;
        try {
            c.setRequestMethod("PUT");
            c.setDoOutput(true);
            c.setInstanceFollowRedirects(false);
            c.setFixedLengthStreamingMode(length);
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            if (contentType != null && !contentType.isBlank()) {
                c.setRequestProperty("Content-Type", contentType);
            }
            try (InputStream in = body.get(); OutputStream out = c.getOutputStream()) {
                byte[] buffer = new byte[BUFFER];
                for (int n = in.read(buffer); n >= 0 && sent < length; n = in.read(buffer)) {
                    if (stop.getAsBoolean()) {
                        throw new UploadTransferException("The transfer was cancelled", 0);
                    }
                    int part = (int) Math.min(n, length - sent);
                    out.write(buffer, 0, part);
                    sent += part;
                }
            }
            return checked(c, length);
        } catch (UploadTransferException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refusalOr(c, length, transferFailed(url, e, sent, length));
        } finally {
            c.disconnect();
        }
    }

    /** A server that refuses the file may answer before it has read it all: its answer says more than the broken pipe. */
    private static UploadTransferException refusalOr(HttpURLConnection c, long length, UploadTransferException fallback) {
        try {
            checked(c, length);
        } catch (UploadTransferException refused) {
            return refused;
        } catch (IOException | RuntimeException e) {
            // no answer to read: the transfer itself failed
        }
        return fallback;
    }

    private static long checked(HttpURLConnection c, long length) throws IOException {
        int status = c.getResponseCode();
        if (status / 100 == 2) {
            return length;
        }
        String body = "";
        try (InputStream error = c.getErrorStream()) {
            if (error != null) {
                body = new String(error.readNBytes(4096), StandardCharsets.UTF_8);
            }
        }
        Matcher code = S3_CODE.matcher(body);
        Matcher message = S3_MESSAGE.matcher(body);
        String s3Code = code.find() ? code.group(1) : "";
        String answer = "HTTP " + status + (s3Code.isEmpty() ? "" : " " + s3Code)
                + (message.find() ? ": " + oneLine(message.group(1)) : "");
        if (status == 400 && "RequestTimeout".equals(s3Code)) { // the file stopped coming mid-transfer
            throw new UploadTransferException("Sending the file to Device Farm timed out: " + answer
                    + " The file's bytes stopped coming for longer than the storage waits. " + RETRY, status);
        }
        throw new UploadTransferException("The upload URL refused the file: " + answer
                + (status == 403 ? ". The URL may have expired: upload again" : ""), status);
    }

    /** {@code sent}: bytes handed to the connection before it failed. */
    private static UploadTransferException transferFailed(String url, Throwable e, long sent, long length) {
        String detail = redact(oneLine(e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage()), url);
        if (sent > 0 && sent < length) {
            return new UploadTransferException("Sending the file to Device Farm broke off mid-file: " + detail
                    + ". The connection was closed: by the storage if the file's bytes stopped coming for too long, "
                    + "else by the network or a proxy. " + RETRY, 0);
        }
        return new UploadTransferException("Sending the file to Device Farm failed: " + detail
                + ". Check the network and proxy of the machine that holds the file. " + RETRY, 0);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Removes the URL, and any query string, from a message. */
    static String redact(String message, String url) {
        String m = message.replace(url, "<upload URL>");
        int query = url.indexOf('?');
        if (query > 0) {
            m = m.replace(url.substring(0, query), "<upload URL>");
        }
        return m.replaceAll("https?://\\S+", "<URL>");
    }
}
