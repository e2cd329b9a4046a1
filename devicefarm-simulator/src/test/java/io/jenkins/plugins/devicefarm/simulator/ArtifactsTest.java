package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.Artifact;
import software.amazon.awssdk.services.devicefarm.model.ArtifactCategory;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.ListArtifactsResponse;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.Suite;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/** ListArtifacts through the SDK, and the files behind the presigned URLs through plain HTTP. */
class ArtifactsTest extends SimulatorFixture {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noArtifactsBeforeTheJobEndsThenEachCategoryAtEachLevel() throws Exception {
        Run run = scheduleCustom("nightly-fail");
        advance(200);
        assertThat(list(run.arn(), ArtifactCategory.FILE)).isEmpty();
        advance(300);
        Job job = client.listJobs(r -> r.arn(run.arn())).jobs().get(0);
        assertThat(list(run.arn(), ArtifactCategory.FILE)).extracting(Artifact::type)
                .containsExactlyInAnyOrder(ArtifactType.CUSTOMER_ARTIFACT, ArtifactType.VIDEO, ArtifactType.CUSTOMER_ARTIFACT, ArtifactType.VIDEO);
        assertThat(list(job.arn(), ArtifactCategory.LOG)).extracting(Artifact::type)
                .containsExactlyInAnyOrder(ArtifactType.DEVICE_LOG, ArtifactType.TESTSPEC_OUTPUT, ArtifactType.CUSTOMER_ARTIFACT_LOG);
        List<Suite> suites = client.listSuites(r -> r.arn(job.arn())).suites();
        assertThat(list(suites.get(0).arn(), ArtifactCategory.FILE)).isEmpty();
        String testsTest = client.listTests(r -> r.arn(suites.get(1).arn())).tests().get(0).arn();
        List<Artifact> video = list(testsTest, ArtifactCategory.FILE);
        assertThat(video).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Video");
            assertThat(a.extension()).isEqualTo("mp4");
            assertThat(a.arn()).startsWith(testsTest.replace(":test:", ":artifact:") + "/");
        });
        assertThat(list(suites.get(1).arn(), ArtifactCategory.FILE)).isEqualTo(video);
        assertThatThrownBy(() -> client.listArtifacts(r -> r.arn(run.arn()).type("VIDEO"))).isInstanceOf(ArgumentException.class);
    }

    @Test
    void filesAreRealVideoZipWithJUnitLogsAndPng() throws Exception {
        Run run = scheduleCustom("nightly-fail");
        advance(500);
        Job job = client.listJobs(r -> r.arn(run.arn())).jobs().get(0);
        Map<ArtifactType, byte[]> files = new HashMap<>();
        for (ArtifactCategory category : List.of(ArtifactCategory.FILE, ArtifactCategory.LOG)) {
            for (Artifact a : list(job.arn(), category)) {
                HttpResponse<byte[]> response = get(a.url());
                assertThat(response.statusCode()).isEqualTo(200);
                files.put(a.type(), response.body());
            }
        }
        byte[] mp4 = files.get(ArtifactType.VIDEO);
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(topLevelBoxes(mp4)).containsExactly("ftyp", "moov", "mdat");
        assertThat(new String(files.get(ArtifactType.DEVICE_LOG), StandardCharsets.UTF_8)).contains("Google Pixel 8");

        int testcases = 0;
        int failures = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(files.get(ArtifactType.CUSTOMER_ARTIFACT)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".xml")) {
                    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(new ByteArrayInputStream(zip.readAllBytes()));
                    NodeList cases = xml.getElementsByTagName("testcase");
                    testcases += cases.getLength();
                    NodeList failed = xml.getElementsByTagName("failure");
                    failures += failed.getLength();
                    for (int i = 0; i < failed.getLength(); i++) {
                        assertThat(((Element) failed.item(i)).getAttribute("message")).contains("expected:<200> but was:<500>");
                    }
                }
            }
        }
        assertThat(testcases).isEqualTo(job.counters().total());
        assertThat(failures).isEqualTo(job.counters().failed());

        Run standard = schedule("nightly-fail");
        advance(500);
        List<Artifact> shots = list(standard.arn(), ArtifactCategory.SCREENSHOT);
        assertThat(shots).hasSize(4).allMatch(a -> a.name().endsWith(" failure") && a.extension().equals("png"));
        assertThat(ImageIO.read(new ByteArrayInputStream(get(shots.get(0).url()).body())).getWidth()).isEqualTo(8);
    }

    @Test
    void urlsExpireCannotBeForgedAndDownloadsAreJournaled() throws Exception {
        simulator.scenario().results().urlLifetime(Duration.ofMinutes(10));
        Run run = schedule("smoke");
        advance(500);
        Artifact log = list(run.arn(), ArtifactCategory.LOG).get(0);
        assertThat(get(log.url()).statusCode()).isEqualTo(200);
        String forged = log.url().replaceFirst("X-Amz-Expires=600", "X-Amz-Expires=6000");
        assertThat(get(forged).statusCode()).isEqualTo(403);
        String otherFile = log.url().replaceFirst("/0/Logcat.logcat", "/1/Logcat.logcat");
        assertThat(get(otherFile).statusCode()).isEqualTo(403);
        advance(601);
        HttpResponse<byte[]> expired = get(log.url());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("<Code>AccessDenied</Code>");
        assertThat(simulator.journal().count(ResultFiles.OPERATION)).isEqualTo(4);
        assertThat(simulator.journal().count(ResultFiles.OPERATION, log.arn())).isEqualTo(1); // refused ones never reach a file
    }

    @Test
    void aScenarioCanFailEachFileOnceOrCutItShort() throws Exception {
        simulator.scenario().results().failDownloadsOnce(1.0);
        Run run = schedule("smoke");
        advance(500);
        Artifact video = list(run.arn(), ArtifactCategory.FILE).get(0);
        assertThat(get(video.url()).statusCode()).isEqualTo(500);
        assertThat(get(video.url()).body()).isEqualTo(TinyMedia.MP4);

        simulator.scenario().results().failDownloadsOnce(0).truncateDownloadsOnce(1.0);
        Artifact other = list(run.arn(), ArtifactCategory.FILE).get(1);
        assertThatThrownBy(() -> get(other.url())).isInstanceOf(IOException.class);
        assertThat(get(other.url()).body()).isEqualTo(TinyMedia.MP4);
    }

    @Test
    void manyArtifactsArePaged() {
        simulator.scenario().results().extraScreenshots(2000);
        Run run = schedule("smoke");
        advance(500);
        String job = client.listJobs(r -> r.arn(run.arn())).jobs().get(0).arn();
        int pages = 0;
        int artifacts = 0;
        for (ListArtifactsResponse page : client.listArtifactsPaginator(r -> r.arn(job).type(ArtifactCategory.SCREENSHOT))) {
            pages++;
            artifacts += page.artifacts().size();
        }
        assertThat(artifacts).isEqualTo(2000);
        assertThat(pages).isEqualTo(80);
    }

    @Test
    void theControlApiChangesTheResultsScript() throws Exception {
        URI results = simulator.endpoint().resolve("/_simulator/results");
        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(results)
                .POST(HttpRequest.BodyPublishers.ofString("{\"extraScreenshots\": 3, \"failDownloadsOnce\": 0.5}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(simulator.scenario().results().extraScreenshots()).isEqualTo(3);
        assertThat(simulator.scenario().results().failDownloadsOnce()).isEqualTo(0.5);
        for (String bad : List.of("{\"failDownloadsOnce\": 7}", "{\"screenshots\": 1}", "not json")) {
            assertThat(http.send(HttpRequest.newBuilder(results).POST(HttpRequest.BodyPublishers.ofString(bad)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(simulator.scenario().results().failDownloadsOnce()).isEqualTo(0.5);
    }

    @Test
    void scenarioFilesSetTheResultsScript() {
        Scenario scenario = Scenario.parse("{\"results\": {\"extraScreenshots\": 12, \"failDownloadsOnce\": 0.2,"
                + " \"urlLifetimeSeconds\": 60, \"stallDownloadsMillis\": 5}}");
        assertThat(scenario.results().extraScreenshots()).isEqualTo(12);
        assertThat(scenario.results().failDownloadsOnce()).isEqualTo(0.2);
        assertThat(scenario.results().urlLifetime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(scenario.results().stallDownloads()).isEqualTo(Duration.ofMillis(5));
        assertThatThrownBy(() -> Scenario.parse("{\"results\": {\"failDownloadsOnce\": 2}}"))
                .hasMessageContaining("between 0 and 1");
    }

    /** A run with a test spec: custom mode. */
    Run scheduleCustom(String name) {
        String spec = uploaded("spec.yml", UploadType.APPIUM_JAVA_TESTNG_TEST_SPEC, SampleFiles.testSpec());
        return client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool).name(name)
                .test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testSpecArn(spec))).run();
    }

    private List<Artifact> list(String arn, ArtifactCategory category) {
        return client.listArtifactsPaginator(r -> r.arn(arn).type(category)).artifacts().stream().toList();
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> topLevelBoxes(byte[] mp4) {
        ByteBuffer buffer = ByteBuffer.wrap(mp4);
        List<String> boxes = new java.util.ArrayList<>();
        while (buffer.remaining() >= 8) {
            int size = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            boxes.add(new String(type, StandardCharsets.US_ASCII));
            assertThat(size).isGreaterThanOrEqualTo(8).isLessThanOrEqualTo(buffer.remaining() + 8);
            buffer.position(buffer.position() + size - 8);
        }
        assertThat(buffer.remaining()).isZero();
        return boxes;
    }
}
