package io.jenkins.plugins.devicefarm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The presigned artifact URLs and the files behind them, as S3 would serve them:
 * {@code GET /_simulator/results/<project>/<run>/<job>/<seq>/<file>?X-Amz-Date=..&X-Amz-Expires=..&X-Amz-Signature=..}.
 * The signature is an HMAC under a key only this simulator knows, so a URL cannot be forged or
 * stretched; past its lifetime (simulator time) it answers 403 AccessDenied, like S3. Downloads are
 * journaled as {@code S3.GetObject} with the artifact's ARN. The scenario's {@link ResultsScript}
 * can make a file fail (500) or break off halfway on its first download, or stall every download.
 */
final class ResultFiles {
    static final String PATH = "results/";
    static final String OPERATION = "S3.GetObject";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final byte[] key = new byte[32];
    private final Map<String, Boolean> firstDownloadDone = new ConcurrentHashMap<>();
    /** A job's artifacts no longer change once it has completed: kept per job and extra-screenshot count. */
    private final Map<String, List<SimArtifact>> completedCatalogs = new ConcurrentHashMap<>();
    private final Random faultRandom = new Random(Faults.DEFAULT_SEED); // guarded by this
    private volatile URI base = URI.create("http://127.0.0.1:0");

    ResultFiles() {
        new SecureRandom().nextBytes(key);
    }

    /** The job's artifacts at {@code now} (see {@link ArtifactCatalog}). */
    List<SimArtifact> catalog(SimJob job, Instant now, ResultsScript script) {
        if (!job.state(now).completed()) {
            return ArtifactCatalog.of(job, now, script);
        }
        return completedCatalogs.computeIfAbsent(job.arn() + "#" + script.extraScreenshots(),
                k -> List.copyOf(ArtifactCatalog.of(job, now, script)));
    }

    /** Where the simulator listens; URLs handed out afterwards point there. */
    void serveAt(URI endpoint) {
        this.base = endpoint;
    }

    String url(SimJob job, SimArtifact artifact, Instant now, Duration lifetime) {
        String path = ControlApi.PREFIX + PATH + jobPath(job) + "/" + artifact.seq() + "/"
                + URLEncoder.encode(artifact.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        String date = AMZ_DATE.format(now);
        long expires = lifetime.toSeconds();
        return base + path + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + date + "&X-Amz-Expires=" + expires
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + sign(jobPath(job) + "/" + artifact.seq(), date, expires);
    }

    /** {@code what} is the path after {@code /_simulator/}. */
    void serve(HttpExchange exchange, String what, DeviceFarmState state, Journal journal, Instant now) throws IOException {
        long received = System.nanoTime();
        String[] parts = what.substring(PATH.length()).split("/");
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (parts.length < 4 || !parts[2].matches("\\d{1,5}") || !parts[3].matches("\\d{1,6}")) {
            s3Error(exchange, 404, "NoSuchKey", "The specified key does not exist.", null, journal, now, received);
            return;
        }
        String jobPath = parts[0] + "/" + parts[1] + "/" + parts[2];
        String date = query.getOrDefault("X-Amz-Date", "");
        long expires = parseLong(query.get("X-Amz-Expires"));
        if (expires <= 0 || !MessageDigest.isEqual(utf8(sign(jobPath + "/" + Integer.parseInt(parts[3]), date, expires)),
                utf8(query.getOrDefault("X-Amz-Signature", "")))) {
            s3Error(exchange, 403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided.", null, journal, now, received);
            return;
        }
        Instant signedAt = Instant.from(AMZ_DATE.parse(date));
        if (now.isAfter(signedAt.plusSeconds(expires))) {
            s3Error(exchange, 403, "AccessDenied", "Request has expired", null, journal, now, received);
            return;
        }
        SimJob job;
        try {
            job = state.job(Arns.job(state.accountId(), parts[0], parts[1], Integer.parseInt(parts[2])));
        } catch (ApiException e) {
            s3Error(exchange, 404, "NoSuchKey", "The specified key does not exist.", null, journal, now, received);
            return;
        }
        int seq = Integer.parseInt(parts[3]);
        List<SimArtifact> catalog = catalog(job, now, state.scenario().results());
        SimArtifact artifact = seq < catalog.size() ? catalog.get(seq) : null;
        if (artifact == null) {
            s3Error(exchange, 404, "NoSuchKey", "The specified key does not exist.", null, journal, now, received);
            return;
        }
        send(exchange, artifact, ArtifactContent.bytes(artifact, job, now), state.scenario().results(), journal, now, received);
    }

    private void send(HttpExchange exchange, SimArtifact artifact, byte[] body, ResultsScript script, Journal journal,
                      Instant now, long received) throws IOException {
        boolean first = firstDownloadDone.putIfAbsent(artifact.arn(), Boolean.TRUE) == null;
        boolean fail = first && draw(script.failDownloadsOnce());
        boolean truncate = first && !fail && draw(script.truncateDownloadsOnce());
        if (fail) {
            s3Error(exchange, 500, "InternalError", "We encountered an internal error. Please try again.", artifact.arn(),
                    journal, now, received);
            return;
        }
        journal.record(new JournalEntry(now, received, OPERATION, artifact.arn(), 200, truncate ? "Truncated" : null));
        exchange.getResponseHeaders().set("Content-Type", ArtifactContent.contentType(artifact));
        exchange.getResponseHeaders().set("ETag", "\"" + HexFormat.of().formatHex(md5(body)) + "\"");
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        int half = body.length / 2;
        out.write(body, 0, half);
        out.flush();
        if (truncate) {
            // Fewer bytes than Content-Length: the server drops the connection and the client sees it end early.
            throw new IOException("artifact download cut short on purpose");
        }
        pause(script.stallDownloads());
        out.write(body, half, body.length - half);
        out.close();
    }

    private synchronized boolean draw(double ratio) {
        return ratio > 0 && faultRandom.nextDouble() < ratio;
    }

    private static void s3Error(HttpExchange exchange, int status, String code, String message, String arn, Journal journal,
                                Instant now, long received) throws IOException {
        journal.record(new JournalEntry(now, received, OPERATION, arn, status, code));
        byte[] body = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>");
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String jobPath(SimJob job) {
        return job.arn().substring(job.arn().indexOf(":job:") + 5);
    }

    private String sign(String path, String date, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(utf8(path + "\n" + date + "\n" + expires)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
