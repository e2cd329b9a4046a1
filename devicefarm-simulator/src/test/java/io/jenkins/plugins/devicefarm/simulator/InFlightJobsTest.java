package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilterAttribute;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.LimitExceededException;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.RuleOperator;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/**
 * The account quota of jobs in flight, queued ones included (250 by default): a ScheduleRun that
 * would go beyond it is refused with LimitExceededException and creates nothing. The Android pool
 * of the demo has two devices; a demo run completes 410 s after it is scheduled.
 */
class InFlightJobsTest extends SimulatorFixture {

    private List<Run> runs() {
        return client.listRunsPaginator(r -> r.arn(project)).runs().stream().toList();
    }

    /** A run on one Android device, chosen by filters. */
    private Run scheduleOnOneDevice(String name) {
        return client.scheduleRun(r -> r.projectArn(project).name(name).test(t -> t.type(TestType.APPIUM_JAVA_JUNIT))
                .deviceSelectionConfiguration(d -> d.maxDevices(1).filters(f -> f.attribute(DeviceFilterAttribute.PLATFORM)
                        .operator(RuleOperator.EQUALS).values("ANDROID")))).run();
    }

    @Test
    void aRunBeyondTheQuotaIsRefusedWholeAndCreatesNothing() {
        simulator.scenario().concurrency(new Concurrency(5, 2, 5));
        schedule("one");
        schedule("two"); // 4 jobs in flight
        assertThatThrownBy(() -> schedule("three")) // would make 6
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("in-flight jobs").hasMessageContaining(" 5: 4 are in flight and this run would add 2");
        assertThatThrownBy(() -> schedule("three", BillingMethod.UNMETERED)).isInstanceOf(LimitExceededException.class);
        assertThat(runs()).extracting(Run::name).containsExactlyInAnyOrder("one", "two");
        assertThat(simulator.journal().entries("ScheduleRun")).extracting(JournalEntry::errorCode)
                .containsExactly(null, null, "LimitExceededException", "LimitExceededException");

        Run fits = scheduleOnOneDevice("five"); // exactly at the quota is allowed
        assertThat(fits.totalJobs()).isEqualTo(1);
        assertThatThrownBy(() -> scheduleOnOneDevice("six")).isInstanceOf(LimitExceededException.class);
        advance(410);
        assertThat(runs()).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED));
    }

    @Test
    void jobsQueuedForADeviceCountAsInFlight() {
        simulator.scenario().concurrency(new Concurrency(1, 2, 3));
        Run first = schedule("one");
        advance(10);
        assertThat(client.listJobs(r -> r.arn(first.arn())).jobs()).extracting(j -> j.status())
                .containsExactly(ExecutionStatus.SCHEDULING, ExecutionStatus.PENDING_CONCURRENCY);
        assertThatThrownBy(() -> schedule("two")).isInstanceOf(LimitExceededException.class);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void runsAreAcceptedAgainOnceJobsCompleteOrAreStopped() {
        simulator.scenario().concurrency(new Concurrency(5, 2, 4));
        Run first = schedule("one");
        Run second = schedule("two");
        assertThatThrownBy(() -> scheduleOnOneDevice("three")).isInstanceOf(LimitExceededException.class);

        advance(5);
        client.stopRun(r -> r.arn(second.arn())); // before its devices started: completed at once
        assertThat(getRun(second.arn()).status()).isEqualTo(ExecutionStatus.COMPLETED);
        Run third = schedule("three");
        assertThatThrownBy(() -> scheduleOnOneDevice("four")).isInstanceOf(LimitExceededException.class);

        advance(404);
        assertThat(getRun(first.arn()).status()).isNotEqualTo(ExecutionStatus.COMPLETED);
        assertThatThrownBy(() -> scheduleOnOneDevice("four")).isInstanceOf(LimitExceededException.class);
        advance(1); // the first run completes: two jobs fewer in flight
        assertThat(getRun(first.arn()).status()).isEqualTo(ExecutionStatus.COMPLETED);
        schedule("four");
        assertThat(runs()).hasSize(4);
        assertThat(getRun(third.arn()).status()).isNotEqualTo(ExecutionStatus.COMPLETED);
    }

    @Test
    void theDefaultQuotaIs250JobsAndTheScenarioCanRaiseIt() {
        for (int i = 0; i < 125; i++) {
            schedule("run " + i); // 250 jobs, most of them queued for the 5 metered devices
        }
        assertThatThrownBy(() -> scheduleOnOneDevice("one too many")).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining(" 250: 250 are in flight");
        simulator.scenario().concurrency(new Concurrency(5, 2, 251));
        scheduleOnOneDevice("now it fits");
        assertThat(runs()).hasSize(126);

        assertThat(Scenario.parse("{}").concurrency().inFlightJobs()).isEqualTo(250);
        assertThat(Scenario.parse("{\"concurrency\":{\"inFlightJobs\":1000}}").concurrency())
                .isEqualTo(new Concurrency(5, 2, 1000));
        assertThat(new Concurrency(1000, 2)).isEqualTo(new Concurrency(1000, 2, 250));
        assertThatThrownBy(() -> Scenario.parse("{\"concurrency\":{\"inFlightJobs\":0}}")).hasMessageContaining("at least 1");
    }
}
