package io.jenkins.plugins.devicefarm.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One upload: what CreateUpload asked for, its secret PUT token, and once the bytes have
 * arrived, where they are and what processing will conclude. Status is derived from the clock:
 * INITIALIZED until the bytes arrive, PROCESSING for the script's seconds, then SUCCEEDED or FAILED.
 */
final class SimUpload {
    /** What CreateUpload asked for; contentType may be null. */
    record Request(String projectId, String name, String type, String contentType) {}

    /** The outcome processing will report; message and metadata may be null. */
    record Verdict(String status, String message, String metadata) {}

    private final String arn;
    private final Request request;
    private final Instant created;
    private final String token;
    private final Instant urlExpires;
    private final UploadScript script;
    // Guarded by this.
    private Instant arrived;
    private long size;
    private Path file;
    private Verdict verdict;

    SimUpload(String arn, Request request, Instant created, String token, Duration urlValidity, UploadScript script) {
        this.arn = arn;
        this.request = request;
        this.created = created;
        this.token = token;
        this.urlExpires = created.plus(urlValidity);
        this.script = script;
    }

    String arn() {
        return arn;
    }

    Request request() {
        return request;
    }

    String name() {
        return request.name();
    }

    String type() {
        return request.type();
    }

    Instant created() {
        return created;
    }

    String token() {
        return token;
    }

    Instant urlExpires() {
        return urlExpires;
    }

    synchronized String status(Instant now) {
        if (arrived == null) {
            return "INITIALIZED";
        }
        if (now.isBefore(arrived.plusSeconds(script.processingSeconds()))) {
            return "PROCESSING";
        }
        return verdict.status();
    }

    /** The final verdict once processing is over, else null. */
    synchronized Verdict finalVerdict(Instant now) {
        String status = status(now);
        return "SUCCEEDED".equals(status) || "FAILED".equals(status) ? verdict : null;
    }

    /** The app's lowest supported OS version, known once processing succeeded; null when unknown. */
    String minOsVersion() {
        return script.minOsVersion();
    }

    synchronized boolean received() {
        return arrived != null;
    }

    synchronized long size() {
        return size;
    }

    synchronized Path file() {
        return file;
    }

    /** The bytes are in; {@code contentProblem} (null when the bytes fit the type) fails it whatever the script says. */
    synchronized void received(Instant now, Path bytes, long length, String contentProblem) {
        arrived = now;
        file = bytes;
        size = length;
        if (contentProblem != null) {
            verdict = new Verdict("FAILED", contentProblem, "{\"errorMessage\":" + quote(contentProblem) + "}");
        } else {
            verdict = new Verdict(script.status(), script.message(), script.metadata());
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
