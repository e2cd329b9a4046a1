package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.ExecutionResult;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/**
 * Where real clients saw the simulator deviate from Device Farm, and what it does now. Demo
 * timings: queue 20 s (10 s PENDING, 10 s SCHEDULING), setup 60 s, tests 300 s, teardown 30 s.
 */
class DeviationsTest extends SimulatorFixture {

    private List<Job> jobs(String runArn) {
        return client.listJobs(r -> r.arn(runArn)).jobs();
    }

    private Run scheduleIos(String name) {
        String iosPool = simulator.devicePoolArns().get(1);
        return client.scheduleRun(r -> r.projectArn(project).devicePoolArn(iosPool).name(name)
                .test(t -> t.type(TestType.APPIUM_PYTHON))).run();
    }

    @Test
    void startedIsAbsentUntilAJobStartsOnADevice() {
        Run run = schedule("smoke");
        assertThat(run.started()).isNull();
        advance(19);
        assertThat(getRun(run.arn()).started()).isNull();
        assertThat(jobs(run.arn())).allSatisfy(j -> assertThat(j.started()).isNull());
        advance(1);
        assertThat(getRun(run.arn()).started()).isEqualTo(run.created().plusSeconds(20));
        assertThat(jobs(run.arn())).allSatisfy(j -> assertThat(j.started()).isEqualTo(run.created().plusSeconds(20)));
    }

    @Test
    void countersGrowAsTestsFinish() {
        Run run = schedule("smoke");
        advance(80); // set up, no test finished yet
        assertThat(getRun(run.arn()).counters().total()).isZero();
        advance(30); // a tenth of the tests
        assertThat(getRun(run.arn()).counters().total()).isEqualTo(2);
        assertThat(getRun(run.arn()).counters().passed()).isEqualTo(2);
    }

    @Test
    void aRunStoppedBeforeAnyDeviceStartedCountsNothing() {
        Run run = schedule("nightly-fail");
        advance(5);
        Run stopped = client.stopRun(r -> r.arn(run.arn())).run();
        assertThat(stopped.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(stopped.counters().total()).isZero();
        assertThat(stopped.counters().stopped()).isZero();
        assertThat(stopped.counters().passed()).isZero();
        assertThat(jobs(run.arn())).allSatisfy(j -> assertThat(j.counters().total()).isZero());
    }

    @Test
    void aRunsMessageIsItsOwn() {
        Run run = schedule("nightly-fail");
        advance(3600);
        assertThat(getRun(run.arn()).message()).isEqualTo("2 of 2 jobs failed.");
        assertThat(jobs(run.arn())).allSatisfy(j -> assertThat(j.message()).isEqualTo("2 tests failed"));

        Run mixed = schedule("smoke");
        advance(230);
        client.stopJob(r -> r.arn(jobs(mixed.arn()).get(0).arn()));
        advance(3600);
        assertThat(getRun(mixed.arn()).message()).isEqualTo("1 of 2 jobs stopped.");
        assertThat(schedule("passes").message()).isNull();
    }

    @Test
    void aJobOnABusyDeviceWaitsInPendingDevice() {
        Run run = scheduleIos("smoke"); // iPhone 15 and the BUSY iPad
        advance(10);
        assertThat(jobs(run.arn())).extracting(Job::status)
                .containsExactly(ExecutionStatus.SCHEDULING, ExecutionStatus.PENDING_DEVICE);
        advance(59);
        assertThat(jobs(run.arn()).get(1).status()).isEqualTo(ExecutionStatus.PENDING_DEVICE);
        assertThat(jobs(run.arn()).get(1).deviceMinutes().total()).isZero();
        advance(1);
        assertThat(jobs(run.arn()).get(1).status()).isEqualTo(ExecutionStatus.SCHEDULING);
        advance(10);
        Job ipad = jobs(run.arn()).get(1);
        assertThat(ipad.status()).isEqualTo(ExecutionStatus.PREPARING);
        assertThat(ipad.started()).isEqualTo(run.created().plusSeconds(80));
    }

    @Test
    void aRunWhoseOnlyDeviceIsBusyIsPendingDevice() {
        Scenario scenario = Scenario.parse("""
                {"projects":[{"name":"P"}],"devices":[{"name":"Busy","availability":"BUSY"}],
                 "devicePools":[{"name":"Busy pool","devices":["Busy"]}],"busyDeviceSeconds":300}""");
        try (DeviceFarmSimulator sim = DeviceFarmSimulator.builder().clock(clock).scenario(scenario).build();
                var c = client(sim, software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry())) {
            String arn = c.scheduleRun(r -> r.projectArn(sim.projectArns().get(0)).devicePoolArn(sim.devicePoolArns().get(0))
                    .test(t -> t.type(TestType.BUILTIN_FUZZ))).run().arn();
            advance(10);
            assertThat(c.getRun(r -> r.arn(arn)).run().status()).isEqualTo(ExecutionStatus.PENDING_DEVICE);
            advance(299);
            assertThat(c.getRun(r -> r.arn(arn)).run().status()).isEqualTo(ExecutionStatus.PENDING_DEVICE);
            Run stopped = c.stopRun(r -> r.arn(arn)).run();
            assertThat(stopped.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(stopped.deviceMinutes().total()).isZero();
        }
    }

    @Test
    void meteredJobsBeyondTheConcurrencyQuotaWaitInPendingConcurrency() {
        Run first = schedule("smoke");
        schedule("smoke");
        Run third = schedule("smoke"); // jobs 5 and 6; the quota is 5 devices
        advance(10);
        assertThat(jobs(third.arn())).extracting(Job::status)
                .containsExactly(ExecutionStatus.SCHEDULING, ExecutionStatus.PENDING_CONCURRENCY);
        assertThat(getRun(third.arn()).status()).isEqualTo(ExecutionStatus.SCHEDULING);
        advance(399); // 409 s: the first jobs are still tearing down
        assertThat(jobs(third.arn()).get(1).status()).isEqualTo(ExecutionStatus.PENDING_CONCURRENCY);
        assertThat(jobs(third.arn()).get(1).deviceMinutes().total()).isZero();
        advance(1); // 410 s: the first run completed and freed two devices
        assertThat(getRun(first.arn()).status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(jobs(third.arn()).get(1).status()).isEqualTo(ExecutionStatus.SCHEDULING);
        advance(10);
        assertThat(jobs(third.arn()).get(1).started()).isEqualTo(third.created().plusSeconds(420));
    }

    @Test
    void stoppingARunFreesItsSlotsAfterTeardown() {
        Run first = schedule("smoke");
        schedule("smoke");
        Run third = schedule("smoke");
        advance(230);
        assertThat(client.stopRun(r -> r.arn(first.arn())).run().status()).isEqualTo(ExecutionStatus.STOPPING);
        advance(29);
        assertThat(jobs(third.arn()).get(1).status()).isEqualTo(ExecutionStatus.PENDING_CONCURRENCY);
        advance(1); // 260 s: the first run's devices are released
        assertThat(jobs(third.arn()).get(1).status()).isEqualTo(ExecutionStatus.SCHEDULING);
    }

    @Test
    void aJobStoppedWhileWaitingHoldsNoSlotAndTheNextTakesItsTurn() {
        simulator.scenario().concurrency(new Concurrency(2, 2));
        schedule("smoke"); // holds both slots until 410 s
        Run waiting = schedule("smoke");
        Run next = schedule("smoke");
        advance(100);
        client.stopRun(r -> r.arn(waiting.arn()));
        assertThat(getRun(waiting.arn()).status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(getRun(waiting.arn()).deviceMinutes().total()).isZero();
        advance(309);
        assertThat(jobs(next.arn())).extracting(Job::status).containsOnly(ExecutionStatus.PENDING_CONCURRENCY);
        advance(1); // 410 s: the first run's slots go to the next run, not to the stopped one
        assertThat(jobs(next.arn())).extracting(Job::status).containsOnly(ExecutionStatus.SCHEDULING);
    }

    @Test
    void scriptsWithDifferentQueueTimesNeverExceedTheQuota() {
        simulator.scenario().concurrency(new Concurrency(2, 2));
        simulator.scenario().prependRunScript(new RunScript("slow-queue", 200, 60, 300, 30, "PASSED",
                new TestCounts(1, 0, 0, 0, 0), null));
        simulator.scenario().prependRunScript(new RunScript("fast-queue", 0, 60, 300, 30, "PASSED",
                new TestCounts(1, 0, 0, 0, 0), null));
        Run slow = schedule("slow-queue"); // ready at 100 s
        Run fast = schedule("fast-queue"); // created later, ready at once
        for (int second = 0; second < 1200; second += 10) {
            long holding = java.util.stream.Stream.concat(jobs(slow.arn()).stream(), jobs(fast.arn()).stream())
                    .filter(j -> j.status() == ExecutionStatus.SCHEDULING || j.status() == ExecutionStatus.PREPARING
                            || j.status() == ExecutionStatus.RUNNING || j.status() == ExecutionStatus.STOPPING
                            || j.status() == ExecutionStatus.PENDING_DEVICE)
                    .count();
            assertThat(holding).as("devices held at %d s", second).isLessThanOrEqualTo(2);
            advance(10);
        }
        assertThat(getRun(slow.arn()).status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(getRun(fast.arn()).status()).isEqualTo(ExecutionStatus.COMPLETED);
    }

    @Test
    void unmeteredJobsDoNotWaitForMeteredSlots() {
        schedule("smoke");
        schedule("smoke");
        schedule("smoke");
        Run unmetered = schedule("smoke", BillingMethod.UNMETERED);
        advance(10);
        assertThat(jobs(unmetered.arn())).extracting(Job::status).containsOnly(ExecutionStatus.SCHEDULING);
    }

    @Test
    void theQuotaIsConfigurable() {
        simulator.scenario().concurrency(new Concurrency(1, 2));
        Run run = schedule("smoke");
        advance(10);
        assertThat(jobs(run.arn())).extracting(Job::status)
                .containsExactly(ExecutionStatus.SCHEDULING, ExecutionStatus.PENDING_CONCURRENCY);
        assertThat(Scenario.parse("{\"concurrency\":{\"meteredAutomation\":7}}").concurrency())
                .isEqualTo(new Concurrency(7, 2));
    }

    @Test
    void stoppingARunningRunGoesThroughStopping() {
        Run run = schedule("smoke");
        advance(100);
        assertThat(client.stopRun(r -> r.arn(run.arn())).run().status()).isEqualTo(ExecutionStatus.STOPPING);
        assertThat(jobs(run.arn())).extracting(Job::status).containsOnly(ExecutionStatus.STOPPING);
        advance(30);
        assertThat(getRun(run.arn()).status()).isEqualTo(ExecutionStatus.COMPLETED);
    }
}
