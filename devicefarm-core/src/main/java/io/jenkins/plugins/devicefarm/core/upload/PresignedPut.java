package io.jenkins.plugins.devicefarm.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a file's bytes to a presigned PUT URL with {@code java.net.http}: streamed from the stream
 * in small buffers (constant memory, whatever the size), with the Content-Length S3 requires.
 * Needs no SDK nor credentials, so it runs where the file is (a Jenkins agent). Messages never
 * contain the URL: it grants write access to the upload.
 */
public final class PresignedPut {
    private static final Pattern S3_CODE = Pattern.compile("<Code>([A-Za-z]{1,64})</Code>");
    private static final Pattern S3_MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");

    private final HttpClient http;
    private final Duration timeout;

    /** {@code timeout}: for the whole transfer (null: none). */
    public PresignedPut(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** A client with the JVM's proxy settings (http(s).proxyHost...), a 30 s connect timeout and no overall timeout. */
    public static PresignedPut withDefaults() {
        ProxySelector proxies = ProxySelector.getDefault();
        HttpClient.Builder b = HttpClient.newBuilder();
        if (proxies != null) {
            b.proxy(proxies);
        }
        return new PresignedPut(b.connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build(), null);
    }

    /** Sends the file; blocks the calling thread (meant for an agent) and answers the bytes sent. */
    public long put(String url, Path file, String contentType) throws IOException, InterruptedException {
        long length = Files.size(file);
        HttpResponse<String> response;
        try {
            // ofFile reads the file in large chunks straight into the socket's buffers
            response = http.send(request(url, HttpRequest.BodyPublishers.ofFile(file), contentType), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw transferFailed(url, e);
        }
        return checked(response, length);
    }

    /** Sends {@code length} bytes of the stream {@code body} opens; blocks, and answers the bytes sent. */
    public long put(String url, Supplier<InputStream> body, long length, String contentType)
            throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request(url, body, length, contentType), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw transferFailed(url, e);
        }
        return checked(response, length);
    }

    /** As {@link #put(String, Supplier, long, String)} without holding the calling thread. */
    public CompletableFuture<Long> send(String url, Supplier<InputStream> body, long length, String contentType) {
        return http.sendAsync(request(url, body, length, contentType), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    try {
                        if (error != null) {
                            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                            throw transferFailed(url, cause);
                        }
                        return checked(response, length);
                    } catch (UploadTransferException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    private HttpRequest request(String url, Supplier<InputStream> body, long length, String contentType) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be known: S3 takes no chunked uploads");
        }
        return request(url, HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length),
                contentType);
    }

    private HttpRequest request(String url, HttpRequest.BodyPublisher publisher, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).PUT(publisher);
        if (contentType != null && !contentType.isBlank()) {
            b.header("Content-Type", contentType);
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b.build();
    }

    private static long checked(HttpResponse<String> response, long length) throws UploadTransferException {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return length;
        }
        String body = response.body() == null ? "" : response.body();
        Matcher code = S3_CODE.matcher(body);
        Matcher message = S3_MESSAGE.matcher(body);
        throw new UploadTransferException("The upload URL refused the file: HTTP " + status
                + (code.find() ? " " + code.group(1) : "") + (message.find() ? ": " + message.group(1) : "")
                + (status == 403 ? ". The URL may have expired: upload again" : ""), status);
    }

    private static UploadTransferException transferFailed(String url, Throwable e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new UploadTransferException("Sending the file to Device Farm failed: " + redact(detail, url)
                + ". Check the network and proxy of the machine that holds the file", 0);
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
