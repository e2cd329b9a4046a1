package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.Run;

/**
 * A restart closes pooled keep-alive connections, so the first call after it may fail once on a
 * stale connection; these tests use the SDK's default retries, as a real client would.
 */
class RestartTest extends SimulatorFixture {

    @Test
    void restartKeepsPortRunsAndJournal() {
        try (DeviceFarmClient retrying = client(simulator, AwsRetryStrategy.defaultRetryStrategy())) {
            Run run = retrying.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool).name("smoke")
                    .test(t -> t.type("APPIUM_NODE"))).run();
            int port = simulator.port();
            simulator.restart();
            assertThat(simulator.port()).isEqualTo(port);
            advance(230);
            assertThat(retrying.getRun(r -> r.arn(run.arn())).run().status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(simulator.journal().count("ScheduleRun")).isEqualTo(1);
        }
    }

    @Test
    void stoppedServerRefusesConnectionsUntilStartedAgain() {
        Run run = schedule("smoke");
        simulator.stopServer();
        assertThatThrownBy(() -> getRun(run.arn())).isInstanceOf(SdkClientException.class);
        simulator.startServer();
        try (DeviceFarmClient fresh = client(simulator, AwsRetryStrategy.doNotRetry())) {
            assertThat(fresh.getRun(r -> r.arn(run.arn())).run().arn()).isEqualTo(run.arn());
        }
    }
}
