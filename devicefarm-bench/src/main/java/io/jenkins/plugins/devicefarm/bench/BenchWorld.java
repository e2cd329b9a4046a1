package io.jenkins.plugins.devicefarm.bench;

import io.jenkins.plugins.devicefarm.simulator.Concurrency;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.JournalEntry;
import io.jenkins.plugins.devicefarm.simulator.RunScript;
import io.jenkins.plugins.devicefarm.simulator.ScaledSimClock;
import io.jenkins.plugins.devicefarm.simulator.Scenario;
import io.jenkins.plugins.devicefarm.simulator.TestCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/**
 * One simulator on a compressed clock with {@code runs} scheduled runs of staggered durations,
 * and a journal listener that notes when each run's first StopRun arrived.
 */
final class BenchWorld implements AutoCloseable {
    static final int DURATION_STEPS = 10;
    static final long QUEUE = 20;
    static final long SETUP = 60;
    static final long TEARDOWN = 30;

    final DeviceFarmSimulator sim;
    final double timeScale;
    final List<ScheduledRun> runs = new ArrayList<>();
    final Map<String, Long> firstStopNanos = new ConcurrentHashMap<>();

    record ScheduledRun(String arn, long scheduledNanos, Duration realDuration) {}

    final DeviceFarmClient client;

    BenchWorld(int count, double timeScale) {
        this.timeScale = timeScale;
        // Every run on its devices at once: the account's quotas (5 metered devices, 250 jobs in flight)
        // would queue or refuse them.
        Scenario scenario = Scenario.demo()
                .concurrency(new Concurrency(1_000_000, Concurrency.DEFAULT.meteredRemoteAccess(), 1_000_000));
        for (int k = 0; k < DURATION_STEPS; k++) {
            scenario.prependRunScript(new RunScript("^bench-d" + k + "-", QUEUE, SETUP, testSeconds(k), TEARDOWN,
                    "PASSED", new TestCounts(20, 0, 0, 0, 0), null));
        }
        sim = DeviceFarmSimulator.builder().port(0).clock(new ScaledSimClock(timeScale)).scenario(scenario).build();
        sim.journal().addListener(this::noteStop);
        String project = sim.projectArns().get(0);
        String pool = sim.devicePoolArns().get(0);
        client = clientFor(sim, 50);
        DeviceFarmClient c = client;
        for (int i = 0; i < count; i++) {
            int k = i % DURATION_STEPS;
            String arn = c.scheduleRun(r -> r.projectArn(project).devicePoolArn(pool).name("bench-d" + k + "-" + runs.size())
                    .test(t -> t.type(TestType.BUILTIN_FUZZ))).run().arn();
            long total = QUEUE + SETUP + testSeconds(k) + TEARDOWN;
            runs.add(new ScheduledRun(arn, System.nanoTime(), Duration.ofMillis((long) (total * 1000 / timeScale))));
        }
    }

    /** Our factory's client; {@code maxConnections} is raised only for the thread-per-run baseline. */
    static DeviceFarmClient clientFor(DeviceFarmSimulator sim, int maxConnections) {
        if (maxConnections <= 50) {
            return DeviceFarmClientFactory.create(ClientSettings.builder().endpointOverride(sim.endpoint().toString())
                    .credentials(CREDENTIALS).build());
        }
        return DeviceFarmClient.builder().endpointOverride(sim.endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxConnections)).build();
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIABENCHMARK", "benchmark-secret"));

    /** 5 to 50 simulated minutes of tests. */
    static long testSeconds(int step) {
        return 300L * (step + 1);
    }

    private void noteStop(JournalEntry e) {
        if ("StopRun".equals(e.operation()) && e.arn() != null) {
            firstStopNanos.putIfAbsent(e.arn(), e.receivedNanos());
        }
    }

    int calls(String operation) {
        return sim.journal().count(operation);
    }

    long throttledCalls() {
        return sim.journal().entries().stream().filter(e -> "ThrottlingException".equals(e.errorCode())).count();
    }

    @Override
    public void close() {
        client.close();
        sim.close();
    }
}
