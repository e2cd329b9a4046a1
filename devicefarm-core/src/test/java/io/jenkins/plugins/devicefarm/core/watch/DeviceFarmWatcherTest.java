package io.jenkins.plugins.devicefarm.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.simulator.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine against the simulator through the real SDK client. */
class DeviceFarmWatcherTest {
    private final SimulatorFixture f = new SimulatorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest
    @CsvSource({"nightly,PASSED,10,0", "will-fail,FAILED,8,2", "warnings,WARNED,9,0", "errors,ERRORED,3,0", "skips,SKIPPED,0,0"})
    void runIsWatchedToItsResult(String name, String result, int passedPerJob, int failedPerJob) {
        DeviceFarmArn run = f.scheduleRun(name);
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Await.until("the watch has seen the run", () -> w.lastSeen() != null);
        assertThat(w.outcome()).isNotDone();
        f.advance(Duration.ofHours(1));

        Outcome o = Await.result(w.outcome());
        assertThat(o.getStatus()).isEqualTo("COMPLETED");
        assertThat(o.getResult()).isEqualTo(result);
        assertThat(o.getName()).isEqualTo(name);
        assertThat(o.getCounters().getPassed()).isEqualTo(2 * passedPerJob); // two devices in the pool
        assertThat(o.getCounters().getFailed()).isEqualTo(2 * failedPerJob);
        assertThat(o.getDeviceMinutes().getMetered()).isPositive();
        assertThat(o.isStoppedByUs()).isFalse();
        assertThat(f.sim.journal().count("StopRun")).isZero();
    }

    @Test
    void cancelWhilePendingStopsAtOnceAndBillsNothing() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Await.until("the run is seen pending", () -> w.lastSeen() != null && w.lastSeen().getStatus().startsWith("PENDING"));

        Outcome o = Await.result(w.cancel("build aborted"));
        assertThat(o.getResult()).isEqualTo("STOPPED");
        assertThat(o.isStoppedByUs()).isTrue();
        assertThat(o.getStopReason()).isEqualTo("build aborted");
        assertThat(o.getDeviceMinutes().getTotal()).isZero();
        assertThat(f.sim.journal().count("StopRun", run.toString())).isEqualTo(1);
    }

    @Test
    void cancelWhileRunningFollowsTeardownAndCapturesFinalFigures() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        f.advance(Duration.ofSeconds(20 + 60 + 150)); // queued, set up, half the tests run
        Await.until("the run is seen running", () -> w.lastSeen() != null && "RUNNING".equals(w.lastSeen().getStatus()));

        w.cancel("build aborted");
        Await.until("the stop is seen", () -> "STOPPING".equals(w.lastSeen().getStatus()));
        assertThat(w.outcome()).isNotDone(); // devices tear down before the run completes
        f.advance(Duration.ofMinutes(2));

        Outcome o = Await.result(w.outcome());
        assertThat(o.getStatus()).isEqualTo("COMPLETED");
        assertThat(o.getResult()).isEqualTo("STOPPED");
        assertThat(o.isStoppedByUs()).isTrue();
        assertThat(o.getCounters().getStopped()).isPositive();
        assertThat(o.getCounters().getPassed()).isPositive();
        assertThat(o.getDeviceMinutes().getMetered()).isGreaterThan(2 * 3.0); // 2 devices, >= setup + half the tests
        assertThat(f.sim.journal().count("StopRun", run.toString())).isEqualTo(1);
    }

    @Test
    void cancelWhileAlreadyStoppingStillStopsOnceAndFollows() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.advance(Duration.ofSeconds(200));
        f.client.stopRun(r -> r.arn(run.toString())); // someone else stopped it
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Await.until("the run is seen stopping", () -> w.lastSeen() != null && "STOPPING".equals(w.lastSeen().getStatus()));

        w.cancel("build aborted");
        f.advance(Duration.ofMinutes(2));
        Outcome o = Await.result(w.outcome());
        assertThat(o.getResult()).isEqualTo("STOPPED");
        assertThat(f.sim.journal().count("StopRun", run.toString())).isEqualTo(2);
    }

    @Test
    void cancelAfterCompletionSendsNoStop() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.advance(Duration.ofHours(1));
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Outcome done = Await.result(w.outcome());

        assertThat(Await.result(w.cancel("build aborted"))).isSameAs(done);
        assertThat(f.sim.journal().count("StopRun")).isZero();
    }

    @Test
    void abandonStopsFollowingButLeavesTheRunAlone() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Await.until("seen", () -> w.lastSeen() != null);
        w.abandon();
        assertThat(Await.failure(w.outcome())).isInstanceOf(java.util.concurrent.CancellationException.class)
                .hasMessageContaining("left running");
        // A poll already in flight when abandon() was called may still land: count after the engine did other work.
        Await.result(f.watcher.stop(f.client, f.scheduleRun("other"), "x"));
        int polls = f.sim.journal().count("GetRun", run.toString());
        Await.result(f.watcher.stop(f.client, f.scheduleRun("third"), "x"));
        f.advance(Duration.ofMinutes(5));
        Await.result(f.watcher.stop(f.client, f.scheduleRun("fourth"), "x"));
        assertThat(f.sim.journal().count("GetRun", run.toString())).isEqualTo(polls);
        assertThat(w.cancel("too late")).isCompletedExceptionally();
        assertThat(f.sim.journal().count("StopRun", run.toString())).isZero();
    }

    @Test
    void stoppingACompletedRunIsNotCountedAsStoppedByUs() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.advance(Duration.ofHours(1));
        Outcome o = Await.result(f.watcher.stop(f.client, run, "safety net"));
        assertThat(o.getResult()).isEqualTo("PASSED");
        assertThat(o.isStoppedByUs()).isFalse();
        assertThat(f.sim.journal().count("StopRun", run.toString())).isEqualTo(1);
    }

    @Test
    void stopOfAJobStopsOnlyThatJob() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        List<Outcome> jobs = Await.result(f.watcher.listJobs(f.client, run));
        DeviceFarmArn job = DeviceFarmArn.parse("arn", jobs.get(0).getArn(), ArnKind.JOB);

        Outcome stopped = Await.result(f.watcher.stop(f.client, job, "build aborted"));
        assertThat(stopped.getKind()).isEqualTo(ArnKind.JOB);
        assertThat(stopped.getResult()).isEqualTo("STOPPED");
        assertThat(stopped.getDeviceName()).isNotBlank();
        f.advance(Duration.ofHours(1));
        assertThat(Await.result(f.watcher.watch(f.client, run, WatchOptions.untilCompleted()).outcome()).getCounters().getPassed())
                .isEqualTo(10); // the other device ran all its tests
    }

    @Test
    void listJobsFollowsEveryPage() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.sim.journal().clear();
        List<Outcome> jobs = Await.result(f.watcher.listJobs(f.client, run));
        assertThat(jobs).hasSize(2).allSatisfy(j -> assertThat(j.getKind()).isEqualTo(ArnKind.JOB));
        assertThat(jobs).extracting(Outcome::getDeviceName).containsExactlyInAnyOrder("Google Pixel 8", "Samsung Galaxy S23");
        assertThat(f.sim.journal().count("ListJobs")).isEqualTo(2); // page size 1
    }

    @Test
    void watchResumesFromAnArnAloneInAnotherEngine() {
        DeviceFarmArn run = f.scheduleRun("will-fail");
        Watch first = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Await.until("seen", () -> first.lastSeen() != null);
        f.watcher.close(); // the controller goes away

        try (DeviceFarmWatcher restarted = new DeviceFarmWatcher(SimulatorFixture.fastPolls())) {
            Watch resumed = restarted.watch(f.client, DeviceFarmArn.parse("arn", run.toString(), ArnKind.RUN), WatchOptions.untilCompleted());
            Await.until("seen again", () -> resumed.lastSeen() != null);
            Outcome o = Await.result(resumed.cancel("build aborted after restart"));
            assertThat(o.isStoppedByUs()).isTrue();
            assertThat(f.sim.journal().count("StopRun", run.toString())).isEqualTo(1);
        }
    }

    @Test
    void throttlingStormStillCompletesWithBackoffVisibleInTheJournal() {
        f.sim.faults().seed(7).throttle("GetRun", 0.6);
        DeviceFarmArn run = f.scheduleRun("nightly");
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Await.until("several throttled polls", () -> throttled(f.sim.journal().entries("GetRun")) >= 5);
        f.advance(Duration.ofHours(1));

        assertThat(Await.result(w.outcome()).getResult()).isEqualTo("PASSED");
        List<JournalEntry> polls = f.sim.journal().entries("GetRun");
        // Each poll is one attempt (no SDK retry burst): after a throttled answer the next
        // request comes no sooner than the minimum interval less its jitter.
        for (int i = 0; i + 1 < polls.size(); i++) {
            if ("ThrottlingException".equals(polls.get(i).errorCode())) {
                long gapMillis = (polls.get(i + 1).receivedNanos() - polls.get(i).receivedNanos()) / 1_000_000;
                assertThat(gapMillis).as("gap after throttled poll %d", i).isGreaterThanOrEqualTo(8);
            }
        }
    }

    @Test
    void stopIsRetriedUntilDeviceFarmAcceptsIt() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted());
        Await.until("seen", () -> w.lastSeen() != null);
        f.sim.faults().throttle("StopRun", 1.0);
        w.cancel("build aborted");
        Await.until("three refused stops", () -> f.sim.journal().count("StopRun") >= 3);
        f.sim.faults().clear();

        Outcome o = Await.result(w.outcome());
        assertThat(o.getResult()).isEqualTo("STOPPED");
        assertThat(f.sim.journal().entries("StopRun").stream().filter(JournalEntry::succeeded).count()).isEqualTo(1);
    }

    @Test
    void aStopThatCannotBeMadeIsReportedWithTheArn() {
        try (DeviceFarmWatcher impatient = new DeviceFarmWatcher(SimulatorFixture.fastPolls()
                .withStopLimits(Duration.ofMillis(300), Duration.ofSeconds(5)))) {
            DeviceFarmArn run = f.scheduleRun("nightly");
            f.sim.faults().serverErrors("StopRun", 1.0);
            Throwable t = Await.failure(impatient.stop(f.client, run, "build aborted"));
            assertThat(t).isInstanceOf(StopFailedException.class)
                    .hasMessageContaining(run.toString())
                    .hasMessageContaining("may still be running")
                    .hasMessageContaining(run.consoleUrl());
            assertThat(((StopFailedException) t).getArn()).isEqualTo(run.toString());
            assertThat(f.sim.journal().count("StopRun")).isGreaterThan(1);
        }
    }

    @Test
    void unknownArnFailsWithDeviceFarmsCodeAndAFix() {
        DeviceFarmArn ghost = DeviceFarmArn.parse("arn", "arn:aws:devicefarm:us-west-2:123456789012:run:nope/nothing", ArnKind.RUN);
        Throwable t = Await.failure(f.watcher.watch(f.client, ghost, WatchOptions.untilCompleted()).outcome());
        assertThat(t).isInstanceOf(DeviceFarmCallException.class).hasMessageContaining("NotFoundException").hasMessageContaining("Check the ARN");
        assertThat(((DeviceFarmCallException) t).getErrorCode()).isEqualTo("NotFoundException");
    }

    @Test
    void unwatchableKindsSendNoRequest() {
        f.sim.journal().clear();
        DeviceFarmArn project = DeviceFarmArn.parse("arn", f.project(), ArnKind.PROJECT);
        assertThatThrownBy(() -> f.watcher.watch(f.client, project, WatchOptions.untilCompleted()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Enter the ARN of a run, a job or a remote access session");
        assertThatThrownBy(() -> f.watcher.stop(f.client, project, "x")).isInstanceOf(InvalidInputException.class);
        assertThat(f.sim.journal().entries()).isEmpty();
    }

    @Test
    void deadlineStopsTheRunAndSaysSo() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted().timeout(Duration.ofMillis(300), true));
        Throwable t = Await.failure(w.outcome());
        assertThat(t).isInstanceOf(WatchTimeoutException.class).hasMessageContaining("timed out after").hasMessageContaining("it was stopped");
        Outcome o = ((WatchTimeoutException) t).getOutcome();
        assertThat(o.isStoppedByUs()).isTrue();
        assertThat(o.getResult()).isEqualTo("STOPPED");
        assertThat(f.sim.journal().count("StopRun")).isEqualTo(1);
    }

    @Test
    void deadlineWithoutStopLeavesTheRunAlone() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted().timeout(Duration.ofMillis(200), false));
        Throwable t = Await.failure(w.outcome());
        assertThat(t).isInstanceOf(WatchTimeoutException.class).hasMessageContaining("left running");
        assertThat(((WatchTimeoutException) t).getOutcome().getStatus()).startsWith("PENDING");
        assertThat(f.sim.journal().count("StopRun")).isZero();
    }

    @Test
    void engineThreadsStayFixedWhateverTheNumberOfWatches() {
        for (int i = 0; i < 50; i++) {
            f.watcher.watch(f.client, f.scheduleRun("nightly-" + i), WatchOptions.untilCompleted());
        }
        Await.until("every watch has polled", () -> f.sim.journal().count("GetRun") >= 50);
        long engineThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("devicefarm-watcher-")).count();
        assertThat(engineThreads).isLessThanOrEqualTo(f.watcher.threadCount());
        assertThat(f.watcher.threadCount()).isEqualTo(DeviceFarmWatcher.DEFAULT_THREADS + Lanes.URGENT_THREADS);
        assertThat(f.watcher.pendingTasks()).isBetween(1, 50);
    }

    @Test
    void aMassAbortDoesNotQueueBehindOneSlowStop() {
        List<DeviceFarmArn> runs = List.of(f.scheduleRun("a"), f.scheduleRun("b"), f.scheduleRun("c"));
        java.util.Map<String, Long> answered = new java.util.concurrent.ConcurrentHashMap<>();
        f.sim.journal().addListener(e -> {
            if (e.operation().equals("StopRun")) {
                answered.put(e.arn(), System.nanoTime()); // recorded just before the answer is sent
            }
        });
        f.sim.faults().latency("StopRun", Duration.ofMillis(1500)); // slow, under the 2 s read timeout
        List<java.util.concurrent.CompletableFuture<Outcome>> stops = runs.stream().map(r -> f.watcher.stop(f.client, r, "aborted")).toList();
        stops.forEach(Await::result);

        List<JournalEntry> calls = f.sim.journal().entries("StopRun");
        assertThat(calls).hasSize(3);
        long firstAnswered = answered.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        // One stop thread would send each stop only after the previous answer; every one was sent before the first answer.
        assertThat(calls).allSatisfy(c -> assertThat(c.receivedNanos()).isLessThan(firstAnswered));
    }

    private static long throttled(List<JournalEntry> entries) {
        return entries.stream().filter(e -> "ThrottlingException".equals(e.errorCode())).count();
    }
}
