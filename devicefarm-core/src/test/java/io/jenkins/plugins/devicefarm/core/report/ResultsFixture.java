package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * A simulator on a manual clock with small pages, a real SDK client from our factory, and an engine
 * with fast retries: for result-tree and artifact tests. Runs are scheduled and then the clock is
 * moved past their end (the demo scripts end 410 s after creation).
 */
public final class ResultsFixture implements AutoCloseable {
    public final ManualSimClock clock = new ManualSimClock(Instant.parse("2026-11-23T08:00:00Z"));
    public final DeviceFarmSimulator sim;
    public final DeviceFarmClient client;
    public final DeviceFarmWatcher watcher = new DeviceFarmWatcher(PollSettings.of(Duration.ofMillis(5), Duration.ofMillis(40)));
    public final ScheduledPages pages = new ScheduledPages(watcher);

    public ResultsFixture(int pageSize) {
        sim = DeviceFarmSimulator.builder().port(0).clock(clock).pageSize(pageSize).build();
        client = SimulatorFixture.clientFor(sim);
    }

    /** A completed run of the Android pool; a test spec puts it in custom mode. */
    public DeviceFarmArn completedRun(String name, boolean customMode) {
        String spec = customMode ? testSpec() : null;
        String arn = client.scheduleRun(r -> r.projectArn(sim.projectArns().get(0)).devicePoolArn(sim.devicePoolArns().get(0))
                .name(name).test(t -> t.type(customMode ? TestType.APPIUM_JAVA_TESTNG : TestType.APPIUM_JAVA_JUNIT)
                        .testSpecArn(spec))).run().arn();
        clock.advance(Duration.ofSeconds(500));
        return DeviceFarmArn.parse("arn", arn, ArnKind.RUN);
    }

    /** A processed test spec upload: created, its bytes PUT to the presigned URL, processing waited out. */
    private String testSpec() {
        Upload upload = client.createUpload(r -> r.projectArn(sim.projectArns().get(0)).name("spec.yml")
                .type(UploadType.APPIUM_JAVA_TESTNG_TEST_SPEC)).upload();
        try {
            int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(upload.url()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(SampleFiles.testSpec())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new AssertionError("the test spec PUT answered " + status);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        clock.advance(Duration.ofMinutes(1));
        return upload.arn();
    }

    @Override
    public void close() {
        watcher.close();
        client.close();
        sim.close();
    }
}
