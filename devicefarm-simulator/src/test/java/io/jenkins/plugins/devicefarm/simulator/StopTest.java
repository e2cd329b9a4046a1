package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.ExecutionResult;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;

/** StopRun/StopJob per phase; demo timings as in {@link RunLifecycleTest} (teardown 30 s). */
class StopTest extends SimulatorFixture {

    private Run stopRun(String arn) {
        return client.stopRun(r -> r.arn(arn)).run();
    }

    private List<Job> jobs(String runArn) {
        return client.listJobs(r -> r.arn(runArn)).jobs();
    }

    @Test
    void stopBeforeDevicesStartCompletesAtOnceAndBillsNothing() {
        Run run = schedule("smoke");
        advance(15);
        Run stopped = stopRun(run.arn());
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(stopped.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(stopped.deviceMinutes().total()).isZero();
        // nothing ran, so nothing is counted (not 20 "stopped" tests)
        assertThat(stopped.counters().total()).isZero();
        assertThat(stopped.counters().stopped()).isZero();
        assertThat(stopped.started()).isNull();
        assertThat(stopped.stopped()).isEqualTo(clock.now());
        assertThat(jobs(run.arn())).allSatisfy(job -> {
            assertThat(job.result()).isEqualTo(ExecutionResult.STOPPED);
            assertThat(job.started()).isNull();
            assertThat(job.deviceMinutes().total()).isZero();
        });
        advance(3600);
        assertThat(getRun(run.arn()).deviceMinutes().total()).isZero();
    }

    @Test
    void stopWhileRunningTearsDownThenBillsWhatRan() {
        Run run = schedule("smoke");
        advance(230); // half of the tests passed
        Run stopping = stopRun(run.arn());
        assertThat(stopping.status()).isEqualTo(ExecutionStatus.STOPPING);
        assertThat(stopping.result()).isEqualTo(ExecutionResult.PENDING);

        advance(20);
        assertThat(stopRun(run.arn()).status()).isEqualTo(ExecutionStatus.STOPPING); // a second stop changes nothing
        advance(9);
        assertThat(getRun(run.arn()).status()).isEqualTo(ExecutionStatus.STOPPING);
        advance(1);
        Run done = getRun(run.arn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(done.counters().passed()).isEqualTo(10);
        assertThat(done.counters().stopped()).isEqualTo(10);
        // 20..260 s per device: setup, half the tests, teardown
        assertThat(done.deviceMinutes().total()).isEqualTo(8.0);
        advance(3600);
        assertThat(getRun(run.arn()).deviceMinutes().total()).isEqualTo(8.0);
    }

    @Test
    void stopDuringSetupStillBillsSetupAndTeardown() {
        Run run = schedule("smoke");
        advance(50);
        assertThat(stopRun(run.arn()).status()).isEqualTo(ExecutionStatus.STOPPING);
        advance(30);
        Run done = getRun(run.arn());
        assertThat(done.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(done.counters().passed()).isZero();
        assertThat(done.counters().stopped()).isEqualTo(20);
        assertThat(done.deviceMinutes().total()).isEqualTo(2.0);
    }

    @Test
    void stoppingACompletedRunReturnsItUnchanged() {
        Run run = schedule("nightly-fail");
        advance(600);
        Run before = getRun(run.arn());
        advance(60);
        Run after = stopRun(run.arn());
        assertThat(after).isEqualTo(before);
        assertThat(after.result()).isEqualTo(ExecutionResult.FAILED);
        assertThat(simulator.journal().entries("StopRun")).singleElement()
                .satisfies(e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.arn()).isEqualTo(run.arn());
                });
    }

    @Test
    void stopJobStopsOneDeviceAndTheRunReportsTheWorstResult() {
        Run run = schedule("smoke");
        advance(230);
        Job first = jobs(run.arn()).get(0);
        Job stopping = client.stopJob(r -> r.arn(first.arn())).job();
        assertThat(stopping.status()).isEqualTo(ExecutionStatus.STOPPING);
        assertThat(getRun(run.arn()).status()).isEqualTo(ExecutionStatus.STOPPING);

        advance(180); // 410 s: the other device finished normally
        Run done = getRun(run.arn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(ExecutionResult.STOPPED);
        assertThat(jobs(run.arn())).extracting(Job::result)
                .containsExactly(ExecutionResult.STOPPED, ExecutionResult.PASSED);
        assertThat(done.counters().passed()).isEqualTo(15);
        assertThat(done.counters().stopped()).isEqualTo(5);
        assertThat(done.deviceMinutes().total()).isEqualTo((240 + 390) / 60.0);
    }

    @Test
    void stopJobOnACompletedJobIsANoOp() {
        Run run = schedule("warn");
        advance(600);
        Job job = jobs(run.arn()).get(1);
        Job stopped = client.stopJob(r -> r.arn(job.arn())).job();
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(stopped.result()).isEqualTo(ExecutionResult.WARNED);
        assertThat(stopped.deviceMinutes()).isEqualTo(job.deviceMinutes());
    }
}
