package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/** A simulator on a manual clock, a real SDK client built by our factory, and a fast engine. */
public final class SimulatorFixture implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIAFIXTURESECRET123";
    public static final String SECRET_KEY = "fixture/secret+key/DO-NOT-PRINT";

    public final ManualSimClock clock = new ManualSimClock(Instant.parse("2026-11-23T08:00:00Z"));
    public final DeviceFarmSimulator sim;
    public final DeviceFarmClient client;
    public final DeviceFarmWatcher watcher;

    public SimulatorFixture() {
        this(fastPolls());
    }

    public SimulatorFixture(PollSettings polls) {
        sim = DeviceFarmSimulator.builder().port(0).clock(clock).pageSize(1).build();
        client = clientFor(sim);
        watcher = new DeviceFarmWatcher(polls);
    }

    public static DeviceFarmClient clientFor(DeviceFarmSimulator sim) {
        return DeviceFarmClientFactory.create(settingsFor(sim));
    }

    /** What {@link #clientFor} builds from: for shared clients and leases. */
    public static ClientSettings settingsFor(DeviceFarmSimulator sim) {
        return ClientSettings.builder()
                .endpointOverride(sim.endpoint().toString())
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .readTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** Polls every 10-40 ms so tests finish quickly; stops retried for at most 3 s. */
    public static PollSettings fastPolls() {
        return PollSettings.of(Duration.ofMillis(10), Duration.ofMillis(40)).withStopLimits(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    public String project() {
        return sim.projectArns().get(0);
    }

    public String device() {
        return sim.deviceArns().get(0);
    }

    /** Schedules a run through the SDK; the demo scenario picks its outcome from the name. */
    public DeviceFarmArn scheduleRun(String name) {
        String arn = client.scheduleRun(r -> r.projectArn(project()).devicePoolArn(sim.devicePoolArns().get(0)).name(name)
                .test(t -> t.type(TestType.BUILTIN_FUZZ))).run().arn();
        return DeviceFarmArn.parse("arn", arn, ArnKind.RUN);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        watcher.close();
        client.close();
        sim.close();
    }
}
