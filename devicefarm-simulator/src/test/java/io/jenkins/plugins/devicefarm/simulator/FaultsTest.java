package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.InternalServiceException;
import software.amazon.awssdk.services.devicefarm.model.Run;

class FaultsTest extends SimulatorFixture {

    @Test
    void throttlingIsSeenAsThrottlingAndJournaled() {
        Run run = schedule("smoke");
        simulator.faults().throttle("GetRun", 1.0);
        assertThatThrownBy(() -> getRun(run.arn()))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                });
        assertThat(simulator.journal().entries("GetRun")).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.arn()).isEqualTo(run.arn());
        });
        // other operations are untouched
        assertThat(client.listRuns(r -> r.arn(project)).runs()).hasSize(1);
    }

    @Test
    void theSdkRetriesThrottledCalls() {
        BackoffStrategy quick = BackoffStrategy.fixedDelay(Duration.ofMillis(5));
        try (DeviceFarmClient retrying = client(simulator, AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(3).backoffStrategy(quick).throttlingBackoffStrategy(quick).build())) {
            simulator.faults().throttle("ListProjects", 1.0);
            assertThatThrownBy(retrying::listProjects).isInstanceOf(SdkServiceException.class);
            assertThat(simulator.journal().count("ListProjects")).isEqualTo(3);
        }
    }

    @Test
    void serverErrorsAre500InternalServiceExceptions() {
        simulator.faults().serverErrors(Faults.ALL, 1.0).serverErrors("GetProject", 0);
        assertThatThrownBy(client::listProjects)
                .isInstanceOfSatisfying(InternalServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(client.getProject(r -> r.arn(project)).project().name()).isEqualTo("Demo App");
        simulator.faults().clear();
        assertThat(client.listProjects().projects()).hasSize(2);
    }

    @Test
    void droppedConnectionIsAClientSideFailure() {
        simulator.faults().dropConnections("ListProjects", 1.0);
        assertThatThrownBy(client::listProjects).isInstanceOf(SdkClientException.class);
        assertThat(simulator.journal().entries("ListProjects")).singleElement().satisfies(e -> {
            assertThat(e.httpStatus()).isZero();
            assertThat(e.errorCode()).isEqualTo("ConnectionDropped");
        });
        simulator.faults().clear();
        assertThat(client.listProjects().projects()).hasSize(2);
    }

    @Test
    void ratiosFollowARepeatableSequence() {
        assertThat(failurePattern(simulator)).isEqualTo(failurePattern(simulator))
                .contains(true, false);
        try (DeviceFarmSimulator other = DeviceFarmSimulator.builder().clock(clock).build()) {
            assertThat(failurePattern(other)).isEqualTo(failurePattern(simulator));
        }
    }

    private List<Boolean> failurePattern(DeviceFarmSimulator target) {
        target.faults().clear().serverErrors("ListProjects", 0.5);
        List<Boolean> failed = new ArrayList<>();
        try (DeviceFarmClient c = client(target, AwsRetryStrategy.doNotRetry())) {
            for (int i = 0; i < 12; i++) {
                try {
                    c.listProjects();
                    failed.add(false);
                } catch (InternalServiceException e) {
                    failed.add(true);
                }
            }
        }
        return failed;
    }

    @Test
    void latencyDelaysTheAnswer() {
        simulator.faults().latency("ListDevices", Duration.ofMillis(300));
        long start = System.nanoTime();
        client.listDevices();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void faultsAndJournalOverHttp() throws Exception {
        var set = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(simulator.endpoint().resolve("/_simulator/faults"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"throttle\":{\"ListProjects\":1}}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThatThrownBy(client::listProjects)
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.isThrottlingException()).isTrue());

        JsonNode journal = RawHttp.json(RawHttp.get(simulator.endpoint().resolve("/_simulator/journal")));
        assertThat(journal).hasSize(1);
        assertThat(journal.get(0).path("operation").asText()).isEqualTo("ListProjects");
        assertThat(journal.get(0).path("errorCode").asText()).isEqualTo("ThrottlingException");
        assertThat(journal.get(0).path("simTime").asText()).isEqualTo(clock.now().toString());
    }

    @Test
    void journalListenersSeeEachRequestBeforeTheCallerGetsItsAnswer() {
        List<JournalEntry> seen = new CopyOnWriteArrayList<>();
        simulator.journal().addListener(seen::add);
        Run run = schedule("smoke");
        long beforeStop = System.nanoTime();
        client.stopRun(r -> r.arn(run.arn()));
        assertThat(seen).extracting(JournalEntry::operation).containsExactly("ScheduleRun", "StopRun");
        assertThat(seen.get(1).receivedNanos()).isGreaterThanOrEqualTo(beforeStop);
        assertThat(seen.get(1).arn()).isEqualTo(run.arn());
        assertThat(simulator.journal().count("StopRun", run.arn())).isEqualTo(1);
        simulator.journal().clear();
        assertThat(simulator.journal().entries()).isEmpty();
    }
}
