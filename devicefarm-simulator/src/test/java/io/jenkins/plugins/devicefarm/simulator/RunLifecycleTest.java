package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.ExecutionResult;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/**
 * Demo run scripts: queue 20 s (PENDING, then SCHEDULING after 10 s), setup 60 s, tests 300 s,
 * teardown 30 s, two devices in the Android pool. A default run completes 410 s after creation with
 * 390 billed seconds per device.
 */
class RunLifecycleTest extends SimulatorFixture {

    @Test
    void scheduleRunCreatesOneJobPerPoolDevice() {
        Run run = schedule("smoke");
        assertThat(run.arn()).matches(
                "arn:aws:devicefarm:us-west-2:123456789012:run:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10/[0-9a-f-]{36}");
        assertThat(run.status()).isEqualTo(ExecutionStatus.PENDING);
        assertThat(run.result()).isEqualTo(ExecutionResult.PENDING);
        assertThat(run.totalJobs()).isEqualTo(2);
        assertThat(run.completedJobs()).isZero();
        assertThat(run.jobTimeoutMinutes()).isEqualTo(150);
        assertThat(run.devicePoolArn()).isEqualTo(androidPool);
        assertThat(run.billingMethod()).isEqualTo(BillingMethod.METERED);
        assertThat(run.platformAsString()).isEqualTo("ANDROID");
        assertThat(run.created()).isEqualTo(clock.now());

        List<Job> jobs = client.listJobs(r -> r.arn(run.arn())).jobs();
        String runPath = run.arn().substring(run.arn().indexOf(":run:") + 5);
        assertThat(jobs).extracting(Job::arn).containsExactly(
                "arn:aws:devicefarm:us-west-2:123456789012:job:" + runPath + "/00000",
                "arn:aws:devicefarm:us-west-2:123456789012:job:" + runPath + "/00001");
        assertThat(jobs).extracting(j -> j.device().name()).containsExactly("Google Pixel 8", "Samsung Galaxy S23");
        assertThat(jobs).extracting(Job::name).containsExactly("Google Pixel 8", "Samsung Galaxy S23");
        assertThat(client.getJob(r -> r.arn(jobs.get(1).arn())).job().device().arn()).isEqualTo(simulator.deviceArns().get(1));
    }

    @Test
    void runMovesThroughEveryPhaseWithProgressiveCountersAndBilling() {
        Run run = schedule("smoke");
        advance(15);
        assertThat(getRun(run.arn()).status()).isEqualTo(ExecutionStatus.SCHEDULING);
        assertThat(getRun(run.arn()).deviceMinutes().total()).isZero();

        advance(15); // 30 s: device setup, billed
        Run preparing = getRun(run.arn());
        assertThat(preparing.status()).isEqualTo(ExecutionStatus.PREPARING);
        assertThat(preparing.deviceMinutes().total()).isCloseTo(2 * 10 / 60.0, offset(0.001));

        advance(200); // 230 s: half of the tests done
        Run running = getRun(run.arn());
        assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(running.result()).isEqualTo(ExecutionResult.PENDING);
        assertThat(running.counters().passed()).isEqualTo(10);
        assertThat(running.counters().total()).as("total grows as tests finish").isEqualTo(10);
        advance(60);
        assertThat(getRun(run.arn()).counters().passed()).isEqualTo(14);
        assertThat(getRun(run.arn()).counters().total()).isEqualTo(14);

        advance(120); // 410 s
        Run done = getRun(run.arn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(ExecutionResult.PASSED);
        assertThat(done.completedJobs()).isEqualTo(2);
        assertThat(done.counters().passed()).isEqualTo(20);
        assertThat(done.counters().stopped()).isZero();
        assertThat(done.deviceMinutes().total()).isEqualTo(13.0);
        assertThat(done.deviceMinutes().metered()).isEqualTo(13.0);
        assertThat(done.stopped()).isEqualTo(run.created().plusSeconds(410));
    }

    @ParameterizedTest
    @CsvSource({
        "smoke tests,   PASSED,  20, 0, 0, 0, 0,  13.0",
        "nightly-fail,  FAILED,  16, 4, 0, 0, 0,  13.0",
        "warn-me,       WARNED,  18, 0, 2, 0, 0,  13.0",
        "ERROR budget,  ERRORED,  6, 0, 0, 2, 0,  7.0",
        "skip-all,      SKIPPED,  0, 0, 0, 0, 20, 3.333",
    })
    void runNamePicksTheScriptedOutcome(String name, ExecutionResult result, int passed, int failed, int warned,
            int errored, int skipped, double minutes) {
        Run run = schedule(name);
        advance(3600);
        Run done = getRun(run.arn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(result);
        assertThat(done.counters().passed()).isEqualTo(passed);
        assertThat(done.counters().failed()).isEqualTo(failed);
        assertThat(done.counters().warned()).isEqualTo(warned);
        assertThat(done.counters().errored()).isEqualTo(errored);
        assertThat(done.counters().skipped()).isEqualTo(skipped);
        assertThat(done.counters().total()).isEqualTo(passed + failed + warned + errored + skipped);
        assertThat(done.deviceMinutes().total()).isCloseTo(minutes, offset(0.001));
        if (result != ExecutionResult.PASSED) {
            assertThat(done.message()).isNotBlank();
        }
        assertThat(client.listJobs(r -> r.arn(run.arn())).jobs()).allSatisfy(job -> {
            assertThat(job.result()).isEqualTo(result);
            assertThat(job.deviceMinutes().total()).isCloseTo(minutes / 2, offset(0.001));
        });
    }

    @Test
    void unmeteredRunsBillUnmeteredMinutes() {
        Run run = schedule("smoke", BillingMethod.UNMETERED);
        advance(3600);
        Run done = getRun(run.arn());
        assertThat(done.billingMethod()).isEqualTo(BillingMethod.UNMETERED);
        assertThat(done.deviceMinutes().unmetered()).isEqualTo(13.0);
        assertThat(done.deviceMinutes().metered()).isZero();
        assertThat(done.deviceMinutes().total()).isEqualTo(13.0);
    }

    @Test
    void jobsEndAtThe150MinuteLimitWithUnfinishedTestsStopped() {
        simulator.scenario().prependRunScript(
                new RunScript("marathon", 0, 60, 4 * 3600, 30, "PASSED", new TestCounts(100, 0, 0, 0, 0), null));
        Run run = schedule("marathon");
        advance(150 * 60 - 1);
        assertThat(getRun(run.arn()).status()).isEqualTo(ExecutionStatus.RUNNING);
        advance(1);
        Run done = getRun(run.arn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(done.message()).isEqualTo("2 of 2 jobs stopped.");
        assertThat(client.listJobs(r -> r.arn(run.arn())).jobs())
                .allSatisfy(job -> assertThat(job.message()).contains("150 minutes"));
        assertThat(done.deviceMinutes().total()).isEqualTo(300.0);
        // 149 of 240 test minutes ran: 62 of 100 tests per device
        assertThat(done.counters().passed()).isEqualTo(124);
        assertThat(done.counters().stopped()).isEqualTo(76);
    }

    @Test
    void shorterJobTimeoutIsHonoured() {
        Run run = client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool).name("smoke")
                .test(t -> t.type(TestType.APPIUM_PYTHON))
                .executionConfiguration(e -> e.jobTimeoutMinutes(5))).run();
        assertThat(run.jobTimeoutMinutes()).isEqualTo(5);
        advance(20 + 5 * 60);
        Run done = getRun(run.arn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(done.deviceMinutes().total()).isEqualTo(10.0);
    }
}
