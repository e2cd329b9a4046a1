package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.TestType;

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
        client = DeviceFarmClientFactory.create(ClientSettings.builder()
                .endpointOverride(sim.endpoint().toString())
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "secret")))
                .readTimeout(Duration.ofSeconds(5))
                .build());
    }

    /** A completed run of the Android pool; a test spec puts it in custom mode. */
    public DeviceFarmArn completedRun(String name, boolean customMode) {
        String spec = "arn:aws:devicefarm:us-west-2:123456789012:upload:" + sim.projectArns().get(0).substring(
                sim.projectArns().get(0).lastIndexOf(':') + 1) + "/" + UUID.randomUUID();
        String arn = client.scheduleRun(r -> r.projectArn(sim.projectArns().get(0)).devicePoolArn(sim.devicePoolArns().get(0))
                .name(name).test(t -> t.type(customMode ? TestType.APPIUM_JAVA_TESTNG : TestType.APPIUM_JAVA_JUNIT)
                        .testSpecArn(customMode ? spec : null))).run().arn();
        clock.advance(Duration.ofSeconds(500));
        return DeviceFarmArn.parse("arn", arn, ArnKind.RUN);
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("Failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("No result in 30 s", e);
        }
    }

    public static Throwable failure(CompletableFuture<?> future) {
        try {
            Object v = future.get(30, TimeUnit.SECONDS);
            throw new AssertionError("Expected a failure, got " + v);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("No result in 30 s", e);
        }
    }

    @Override
    public void close() {
        watcher.close();
        client.close();
        sim.close();
    }
}
