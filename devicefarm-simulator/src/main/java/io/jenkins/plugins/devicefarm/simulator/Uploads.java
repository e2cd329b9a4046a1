package io.jenkins.plugins.devicefarm.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The account's uploads and their bytes. Bytes go to temporary files (deleted with the upload
 * and when the simulator closes); each upload's PUT URL carries a random 256-bit token, the
 * only thing that lets anyone write to it, and stops working after {@link #URL_VALIDITY}.
 */
final class Uploads implements AutoCloseable {
    /** How long a presigned upload URL works. */
    static final Duration URL_VALIDITY = Duration.ofHours(24);
    static final int MAX_NAME_LENGTH = 256;

    private final Scenario scenario;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimUpload> byArn = new LinkedHashMap<>(); // guarded by this
    private final Map<String, SimUpload> byToken = new LinkedHashMap<>(); // guarded by this
    private volatile URI base = URI.create("http://127.0.0.1");
    private Path directory; // guarded by this

    Uploads(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Where the HTTP server listens: presigned URLs point there. */
    void baseUrl(URI endpoint) {
        this.base = endpoint;
    }

    synchronized SimUpload create(String accountId, ScenarioProject project, SimUpload.Request request, Instant now) {
        if (request.name().contains("/")) {
            throw ApiException.argument("Invalid name: an upload name cannot contain a forward slash (/).");
        }
        if (request.name().length() > MAX_NAME_LENGTH) {
            throw ApiException.argument("Invalid name: at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (!UploadKinds.nameFits(request.type(), request.name())) {
            throw ApiException.argument("Invalid name: a " + request.type() + " upload must be a file ending in "
                    + UploadKinds.EXTENSIONS.get(request.type()) + ", got " + request.name() + ".");
        }
        String id = UUID.randomUUID().toString();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        SimUpload upload = new SimUpload(Arns.upload(accountId, project.id(), id), request, now,
                HexFormat.of().formatHex(secret), URL_VALIDITY, scenario.uploadScriptFor(request.name()));
        byArn.put(upload.arn(), upload);
        byToken.put(upload.token(), upload);
        return upload;
    }

    /** The presigned PUT URL of an upload: a secret. */
    String url(SimUpload upload) {
        return base.resolve(UploadEndpoint.PREFIX + upload.token() + "/"
                + URLEncoder.encode(upload.name(), StandardCharsets.UTF_8).replace("+", "%20")
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=" + URL_VALIDITY.toSeconds()).toString();
    }

    synchronized SimUpload get(String field, String arn) {
        Arns.parse(field, arn, "upload");
        SimUpload upload = byArn.get(arn);
        if (upload == null) {
            throw ApiException.notFound("No upload found for ARN " + arn);
        }
        return upload;
    }

    synchronized Optional<SimUpload> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    /** Newest first, as Device Farm lists them. */
    synchronized List<SimUpload> list(ScenarioProject project, String type) {
        return byArn.values().stream()
                .filter(u -> u.request().projectId().equals(project.id()))
                .filter(u -> type == null || type.equals(u.type()))
                .sorted(Comparator.comparing(SimUpload::created).reversed())
                .toList();
    }

    synchronized void delete(SimUpload upload) {
        byArn.remove(upload.arn());
        byToken.remove(upload.token());
        deleteQuietly(upload.file());
    }

    /** A fresh temporary file for an upload's bytes. */
    synchronized Path newFile() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("devicefarm-simulator-uploads");
        }
        return Files.createTempFile(directory, "upload", ".bin");
    }

    /** The files in the temporary directory now, whoever they belong to. */
    synchronized List<Path> files() {
        if (directory == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the upload still exists (a PUT racing a DeleteUpload must not resurrect its bytes). */
    synchronized boolean exists(SimUpload upload) {
        return byArn.get(upload.arn()) == upload;
    }

    @Override
    public synchronized void close() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(Uploads::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteQuietly(directory);
        directory = null;
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is not worth failing a request for
        }
    }
}
