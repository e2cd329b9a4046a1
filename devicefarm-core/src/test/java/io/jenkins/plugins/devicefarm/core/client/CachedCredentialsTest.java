package io.jenkins.plugins.devicefarm.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.lifecycle.Ledger;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Credentials that assume an IAM role on every resolve (as the AWS Credentials plugin's do, with
 * the real SDK STS client here) cost one AssumeRole per credentials id per token lifetime,
 * whatever the number of clients and watches.
 */
class CachedCredentialsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/devicefarm-ci";

    private final SimulatorFixture f = new SimulatorFixture();
    private final MovableClock clock = new MovableClock(f.clock.now());
    private final SharedClients clients = new SharedClients(clock);
    private final ExecutorService records = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        records.shutdownNow();
        clients.close();
        f.close();
    }

    /** Like AWSCredentialsImpl.resolveCredentials() with an IAM role: a new STS client and an AssumeRole each time. */
    private AwsCredentialsProvider assumesTheRoleOnEveryCall() {
        return () -> {
            try (StsClient sts = StsClient.builder().endpointOverride(f.sim.endpoint()).region(Region.US_WEST_2)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(SimulatorFixture.ACCESS_KEY, SimulatorFixture.SECRET_KEY)))
                    .build()) {
                Credentials c = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("Jenkins").durationSeconds(3600)).credentials();
                return AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                        .sessionToken(c.sessionToken()).expirationTime(c.expiration()).build();
            }
        };
    }

    private ClientSettings settings(Duration readTimeout) {
        return SimulatorFixture.settingsFor(f.sim).toBuilder().credentials(assumesTheRoleOnEveryCall()).readTimeout(readTimeout).build();
    }

    @Test
    void theRealStsClientAssumesTheRoleAgainstTheSimulator() {
        AwsCredentials c = assumesTheRoleOnEveryCall().resolveCredentials();
        assertThat(c).isInstanceOf(AwsSessionCredentials.class);
        assertThat(c.accessKeyId()).startsWith("ASIA");
        assertThat(((AwsSessionCredentials) c).expirationTime()).contains(f.clock.now().plusSeconds(3600));
        assertThat(f.sim.journal().count("AssumeRole", ROLE)).isEqualTo(1);
    }

    @Test
    void tenWatchesOnTwoClientsAssumeTheRoleOncePerTokenLifetime() {
        DeviceFarmLifecycle lifecycle = new DeviceFarmLifecycle(f.watcher, records);
        List<Followed> follows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            DeviceFarmArn run = f.scheduleRun("nightly-" + i);
            // Two different client settings: two clients, one credentials id.
            ClientLease lease = clients.lease("role-credentials", settings(Duration.ofSeconds(i % 2 == 0 ? 2 : 3)));
            follows.add(lifecycle.follow(lease, run, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(), new Ledger() {
                @Override public void track(DeviceFarmArn arn) { }
                @Override public void record(Outcome outcome) { }
                @Override public void stopFailed(DeviceFarmArn arn, String message) { }
            }));
        }
        assertThat(clients.openClients()).isEqualTo(2);
        Await.until("every run was polled a few times", () -> f.sim.journal().count("GetRun") >= 40);
        assertThat(f.sim.journal().count("AssumeRole")).isEqualTo(1);

        f.advance(Duration.ofMinutes(56)); // 4 minutes before the token expires (STS and Jenkins agree on time)
        clock.set(f.clock.now());
        follows.forEach(x -> assertThat(Await.result(x.outcome()).getStatus()).isEqualTo("COMPLETED"));
        assertThat(f.sim.journal().count("AssumeRole")).isEqualTo(2);
    }

    @Test
    void longLivedKeysAreNotCachedSoAnEditAppliesAtOnce() {
        int[] resolved = {0};
        AwsCredentialsProvider keys = () -> {
            resolved[0]++;
            return AwsBasicCredentials.create(SimulatorFixture.ACCESS_KEY, SimulatorFixture.SECRET_KEY);
        };
        AwsCredentialsProvider cached = new CachedCredentials(clock).of("keys", keys);
        cached.resolveCredentials();
        cached.resolveCredentials();
        assertThat(resolved[0]).isEqualTo(2);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
