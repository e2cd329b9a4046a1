package io.jenkins.plugins.devicefarm.bench;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.core.upload.PendingUpload;
import io.jenkins.plugins.devicefarm.core.upload.PresignedPut;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * A large upload the way the plugin makes it, in three processes: the simulator; this one, the
 * "controller" (CreateUpload, then GetUpload until SUCCEEDED); and an "agent" JVM with a small heap
 * that streams the file to the presigned URL with {@link PresignedPut}. Then {@code curl
 * --upload-file} of the same file to a fresh URL of the same simulator, for comparison. Prints
 * seconds, MB/s and each JVM's peak used heap above its baseline (garbage included). Run:
 * {@code java -cp devicefarm-bench/target/devicefarm-bench.jar io.jenkins.plugins.devicefarm.bench.UploadBenchmark [--mb 500] [--rounds 3]}
 */
public final class UploadBenchmark {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private UploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && "--agent".equals(args[0])) {
            agent(args[1], Path.of(args[2]), "stream".equals(args[3]));
            return;
        }
        int mb = intOption(args, "--mb", 500);
        int rounds = intOption(args, "--rounds", 3);
        Path file = zipLike(mb);
        Process simulator = java("io.jenkins.plugins.devicefarm.simulator.SimulatorMain", "-Xmx256m", "--port", "0",
                "--time-scale", "60");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
            String endpoint = endpoint(out);
            String project = "arn:aws:devicefarm:us-west-2:123456789012:project:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10";
            System.out.printf(Locale.ROOT, "Upload of %d MB, agent JVM -Xmx64m, simulator in its own JVM%n%n", mb);
            System.out.println("| agent sends | PresignedPut s | MB/s | curl s | MB/s | ours vs curl | agent heap peak MB | controller heap peak MB |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            try (DeviceFarmClient client = client(endpoint);
                 DeviceFarmWatcher engine = new DeviceFarmWatcher(PollSettings.of(Duration.ofMillis(200), Duration.ofSeconds(2)))) {
                Uploader uploader = new Uploader(client, engine);
                DeviceFarmArn projectArn = DeviceFarmArn.parse("projectArn", project, ArnKind.PROJECT);
                for (int round = 1; round <= rounds; round++) {
                    round("file, round " + round, "file", mb, file, uploader, projectArn);
                }
                for (int round = 1; round <= rounds; round++) {
                    round("stream, round " + round, "stream", mb, file, uploader, projectArn);
                }
            }
        } finally {
            simulator.destroy();
            Files.deleteIfExists(file);
        }
    }

    private static void round(String name, String mode, int mb, Path file, Uploader uploader, DeviceFarmArn project)
            throws Exception {
        PendingUpload ours = uploader.create(project, "bench.zip", UploadType.EXTERNAL_DATA).join();
        String agentLine;
        double controllerPeak;
        try (ResourceSampler controller = new ResourceSampler("devicefarm-watcher-")) {
            Process agent = java(UploadBenchmark.class.getName(), "-Xmx64m", "--agent", ours.url(), file.toString(), mode);
            agentLine = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (agent.waitFor() != 0) {
                throw new IllegalStateException("agent failed: " + agentLine);
            }
            uploader.awaitProcessed(ours.arn(), Duration.ofMinutes(5)).join();
            controllerPeak = controller.peakHeapAboveBaselineMb();
        }
        String[] agentFigures = agentLine.split(" ");
        double oursSeconds = Double.parseDouble(agentFigures[0]);
        PendingUpload theirs = uploader.create(project, "bench.zip", UploadType.EXTERNAL_DATA).join();
        long start = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                "Content-Type: " + theirs.contentType(), "--upload-file", file.toString(), theirs.url()).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        curl.waitFor();
        double curlSeconds = (System.nanoTime() - start) / 1e9;
        if (!"200".equals(status)) {
            throw new IllegalStateException("curl answered " + status);
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f | %.2f | %.0f | %.0f %% | %s | %.1f |%n", name, oursSeconds,
                mb / oursSeconds, curlSeconds, mb / curlSeconds, 100 * curlSeconds / oursSeconds, agentFigures[1], controllerPeak);
        uploader.delete(ours.arn()).join();
        uploader.delete(theirs.arn()).join();
    }

    /** The agent's side: send the file (from its path, or as a stream) to the URL, print seconds and peak heap growth (MB). */
    private static void agent(String url, Path file, boolean streamed) throws Exception {
        long size = Files.size(file);
        try (ResourceSampler sampler = new ResourceSampler("HttpClient")) {
            long start = System.nanoTime();
            if (streamed) {
                PresignedPut.withDefaults().put(url, () -> {
                    try {
                        return Files.newInputStream(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, size, PendingUpload.CONTENT_TYPE);
            } else {
                PresignedPut.withDefaults().put(url, file, PendingUpload.CONTENT_TYPE);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%.3f %.1f%n", seconds, sampler.peakHeapAboveBaselineMb());
        }
    }

    private static Process java(String mainClass, String heap, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String endpoint(BufferedReader out) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("the simulator did not start");
    }

    private static DeviceFarmClient client(String endpoint) {
        return DeviceFarmClientFactory.create(ClientSettings.builder().endpointOverride(endpoint)
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build());
    }

    /** {@code mb} megabytes that processing takes for a zip (its magic number, then zeros). */
    private static Path zipLike(int mb) throws IOException {
        Path file = Files.createTempFile("devicefarm-upload-bench-", ".zip");
        byte[] block = new byte[1024 * 1024];
        block[0] = 'P';
        block[1] = 'K';
        block[2] = 3;
        block[3] = 4;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mb; i++) {
                out.write(block);
                block[0] = 0;
                block[1] = 0;
                block[2] = 0;
                block[3] = 0;
            }
        }
        return file;
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (name.equals(args[i])) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
