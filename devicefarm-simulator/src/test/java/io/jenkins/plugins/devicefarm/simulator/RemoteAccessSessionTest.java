package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.ExecutionResult;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.InteractionMode;
import software.amazon.awssdk.services.devicefarm.model.LimitExceededException;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

class RemoteAccessSessionTest extends SimulatorFixture {

    // demo session script: 10 s pending, 30 s preparing, 5 s stopping

    @Test
    void sessionRunsWithEndpointUntilStoppedAndBillsSetupToTeardown() {
        RemoteAccessSession created = createSession(PIXEL);
        assertThat(created.arn()).matches(
                "arn:aws:devicefarm:us-west-2:123456789012:session:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10/[0-9a-f-]{36}/00000");
        assertThat(created.status()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(created.endpoint()).isNull();
        assertThat(created.device().arn()).isEqualTo(PIXEL);
        assertThat(created.billingMethod()).isEqualTo(BillingMethod.METERED);
        assertThat(created.interactionMode()).isEqualTo(InteractionMode.INTERACTIVE);

        advance(10);
        assertThat(getSession(created.arn()).status()).isEqualTo(ExecutionStatus.PREPARING);
        advance(30);
        RemoteAccessSession running = getSession(created.arn());
        assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(running.endpoint())
                .startsWith("wss://devicefarm-interactive-global.us-west-2.api.aws/")
                .containsPattern("X-Amz-Security-Token=[A-Za-z0-9_-]{20,}");

        advance(20 * 60 - 40); // 20 minutes after the device was assigned
        RemoteAccessSession stopping = client.stopRemoteAccessSession(r -> r.arn(created.arn())).remoteAccessSession();
        assertThat(stopping.status()).isEqualTo(ExecutionStatus.STOPPING);
        assertThat(stopping.endpoint()).isNull();

        advance(5);
        RemoteAccessSession done = getSession(created.arn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(done.stopped()).isEqualTo(clock.now());
        assertThat(done.started()).isEqualTo(created.created().plusSeconds(10));
        // billed from device assignment (10 s after creation) to the end of the 5 s stop
        double expected = (20 * 60 - 10 + 5) / 60.0;
        assertThat(done.deviceMinutes().total()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
        assertThat(done.deviceMinutes().metered()).isEqualTo(done.deviceMinutes().total());
        assertThat(done.deviceMinutes().unmetered()).isZero();

        advance(3600);
        assertThat(getSession(created.arn()).deviceMinutes().total()).isEqualTo(done.deviceMinutes().total());
    }

    @Test
    void aThirdMeteredSessionExceedsTheLimitUntilOneCompletes() {
        RemoteAccessSession first = createSession(PIXEL);
        createSession(IPHONE);
        assertThatThrownBy(() -> createSession(PIXEL))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).statusCode()).isEqualTo(400));

        // unmetered sessions do not count against the metered quota
        RemoteAccessSession unmetered = client.createRemoteAccessSession(r -> r.projectArn(project).deviceArn(PIXEL)
                .configuration(c -> c.billingMethod(BillingMethod.UNMETERED))).remoteAccessSession();
        assertThat(unmetered.billingMethod()).isEqualTo(BillingMethod.UNMETERED);

        advance(40); // both RUNNING now
        client.stopRemoteAccessSession(r -> r.arn(first.arn()));
        assertThatThrownBy(() -> createSession(PIXEL)).isInstanceOf(LimitExceededException.class); // still STOPPING
        advance(5);
        assertThat(createSession(PIXEL).status()).isEqualTo(ExecutionStatus.PENDING);
    }

    @Test
    void deviceWithoutRemoteAccessIsAnArgumentError() {
        assertThatThrownBy(() -> createSession(IPAD_NO_REMOTE_ACCESS))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Remote access is not enabled");
        assertThat(simulator.journal().entries("CreateRemoteAccessSession"))
                .singleElement()
                .satisfies(e -> assertThat(e.errorCode()).isEqualTo("ArgumentException"));
    }

    @Test
    void abandonedSessionEndsAtThe150MinuteLimitWithAMessage() {
        RemoteAccessSession created = client.createRemoteAccessSession(r -> r.projectArn(project).deviceArn(PIXEL)
                .configuration(c -> c.billingMethod(BillingMethod.UNMETERED))).remoteAccessSession();
        advance(10 + 150 * 60 - 1);
        assertThat(getSession(created.arn()).status()).isEqualTo(ExecutionStatus.RUNNING);
        advance(1);
        RemoteAccessSession ended = getSession(created.arn());
        assertThat(ended.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(ended.message()).contains("150-minute");
        assertThat(ended.deviceMinutes().total()).isEqualTo(150.0);
        assertThat(ended.deviceMinutes().unmetered()).isEqualTo(150.0);
        assertThat(ended.deviceMinutes().metered()).isZero();
    }

    @Test
    void stoppingAPendingSessionCompletesAtOnceUnbilled() {
        RemoteAccessSession created = createSession(PIXEL);
        advance(3);
        RemoteAccessSession stopped = client.stopRemoteAccessSession(r -> r.arn(created.arn())).remoteAccessSession();
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(stopped.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(stopped.deviceMinutes().total()).isZero();
        assertThat(stopped.started()).isNull();
    }

    @Test
    void listsSessionsOfAProject() {
        RemoteAccessSession a = createSession(PIXEL);
        RemoteAccessSession b = createSession(IPHONE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(client.listRemoteAccessSessions(r -> r.arn(project)).remoteAccessSessions())
                .extracting(RemoteAccessSession::arn)
                .containsExactly(a.arn(), b.arn());
        assertThat(client.listRemoteAccessSessions(r -> r.arn(simulator.projectArns().get(1))).remoteAccessSessions())
                .isEmpty();
    }
}
