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
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
 * {@code java -cp devicefarm-bench/target/devicefarm-bench.jar io.jenkins.plugins.devicefarm.bench.UploadBenchmark [--mb 500] [--rounds 3] [--out docs/benchmarks.md]}
 */
public final class UploadBenchmark {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private UploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && "--agent".equals(args[0])) {
            agent(args[1], Path.of(args[2]), "stream".equals(args[3]));
            return;
        }
        int mb = BenchmarkPage.intOption(args, "--mb", 500);
        int rounds = BenchmarkPage.intOption(args, "--rounds", 3);
        Path file = apkLike(mb);
        Process simulator = java("io.jenkins.plugins.devicefarm.simulator.SimulatorMain", "-Xmx256m", "--port", "0",
                "--time-scale", "60");
        StringBuilder page = BenchmarkPage.header("Benchmark: a 500 MB app uploaded from the agent", UploadBenchmark.class, args);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
            String endpoint = endpoint(out);
            String project = "arn:aws:devicefarm:us-west-2:123456789012:project:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10";
            page.append(String.format(Locale.ROOT, "An Android app of %d MB (a zip with an AndroidManifest.xml, so processing "
                            + "accepts it) in three processes on loopback: the simulator (its own JVM); the controller, this JVM "
                            + "(CreateUpload as ANDROID_APP, then GetUpload until SUCCEEDED); the agent, a JVM with `-Xmx64m`, "
                            + "sending the bytes to the presigned URL with `PresignedPut`, from the file's path or from an "
                            + "`InputStream` (how the plugin reads a workspace file on an agent). Then `curl --upload-file` of "
                            + "the same file to a fresh presigned URL of the same simulator, in the same round. Heap: peak used "
                            + "heap above the JVM's baseline after a GC, sampled every 20 ms, garbage included (0.0: under "
                            + "0.05 MB; the controller makes a CreateUpload and a few GetUpload calls per round, the bytes "
                            + "never reach it).%n%n", mb));
            page.append("| agent sends | PresignedPut s | MB/s | curl s | MB/s | ours vs curl | agent heap peak MB | controller heap peak MB |\n");
            page.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            System.out.print(page);
            try (DeviceFarmClient client = client(endpoint);
                 DeviceFarmWatcher engine = new DeviceFarmWatcher(PollSettings.of(Duration.ofMillis(200), Duration.ofSeconds(2)))) {
                Uploader uploader = new Uploader(client, engine);
                DeviceFarmArn projectArn = DeviceFarmArn.parse("projectArn", project, ArnKind.PROJECT);
                for (int round = 1; round <= rounds; round++) {
                    page.append(round("file, round " + round, "file", mb, file, uploader, projectArn).row());
                }
                List<Round> streamed = new java.util.ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    Round r = round("stream, round " + round, "stream", mb, file, uploader, projectArn);
                    streamed.add(r);
                    page.append(r.row());
                }
                page.append(targets(streamed));
            }
        } finally {
            simulator.destroy();
            Files.deleteIfExists(file);
        }
        String target = BenchmarkPage.option(args, "--out");
        if (target != null) {
            BenchmarkPage.write(Path.of(target), page.toString());
        }
    }

    /** One round's table row and the figures the targets are about. */
    private record Round(String row, double oursVsCurl, double agentMb, double controllerMb) {}

    private static Round round(String name, String mode, int mb, Path file, Uploader uploader, DeviceFarmArn project)
            throws Exception {
        PendingUpload ours = uploader.create(project, "bench.apk", UploadType.ANDROID_APP).join();
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
        PendingUpload theirs = uploader.create(project, "bench.apk", UploadType.ANDROID_APP).join();
        long start = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                "Content-Type: " + theirs.contentType(), "--upload-file", file.toString(), theirs.url()).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        curl.waitFor();
        double curlSeconds = (System.nanoTime() - start) / 1e9;
        if (!"200".equals(status)) {
            throw new IllegalStateException("curl answered " + status);
        }
        String row = String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.2f | %.0f | %.0f %% | %s | %.1f |%n", name, oursSeconds,
                mb / oursSeconds, curlSeconds, mb / curlSeconds, 100 * curlSeconds / oursSeconds, agentFigures[1], controllerPeak);
        System.out.print(row);
        uploader.delete(ours.arn()).join();
        uploader.delete(theirs.arn()).join();
        return new Round(row, curlSeconds / oursSeconds, Double.parseDouble(agentFigures[1]), controllerPeak);
    }

    /** Issue 12's targets, over the rounds that send from a stream (the plugin's way). */
    private static String targets(List<Round> rounds) {
        double agent = rounds.stream().mapToDouble(Round::agentMb).max().orElse(Double.NaN);
        double controller = rounds.stream().mapToDouble(Round::controllerMb).max().orElse(Double.NaN);
        double[] ratios = rounds.stream().mapToDouble(Round::oursVsCurl).sorted().toArray();
        double worst = ratios.length == 0 ? Double.NaN : ratios[0];
        double median = ratios.length == 0 ? Double.NaN : ratios[ratios.length / 2];
        String s = String.format(Locale.ROOT, "%nTargets, over the %d stream rounds:%n%n"
                        + "- %s: controller heap growth < 16 MB — measured at most %.1f MB%n"
                        + "- %s: agent heap growth < 32 MB — measured at most %.1f MB%n"
                        + "- %s: throughput at least 80 %% of curl's — measured %.0f %% at worst, %.0f %% median%n",
                rounds.size(), controller < 16 ? "met" : "**missed**", controller, agent < 32 ? "met" : "**missed**", agent,
                worst >= 0.8 ? "met" : "**missed**", worst * 100, median * 100);
        System.out.print(s);
        return s;
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

    /**
     * An app of {@code mb} megabytes that processing takes for an APK: a zip with an
     * AndroidManifest.xml and one big entry of zeros, stored without compression.
     */
    private static Path apkLike(int mb) throws IOException {
        Path file = Files.createTempFile("devicefarm-upload-bench-", ".apk");
        byte[] block = new byte[1024 * 1024];
        CRC32 crc = new CRC32();
        for (int i = 0; i < mb; i++) {
            crc.update(block);
        }
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            zip.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            zip.write("<manifest package=\"bench\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            ZipEntry big = new ZipEntry("assets/payload.bin");
            big.setMethod(ZipEntry.STORED);
            big.setSize((long) mb * block.length);
            big.setCrc(crc.getValue());
            zip.putNextEntry(big);
            for (int i = 0; i < mb; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return file;
    }
}
