package io.jenkins.plugins.devicefarm.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.client.SharedClients;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import io.jenkins.plugins.devicefarm.core.watch.WatchTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one lifecycle (track, follow, stop once, record) against the simulator through the real SDK. */
class DeviceFarmLifecycleTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final ExecutorService records = Executors.newFixedThreadPool(4, r -> new Thread(r, "records"));
    private final SharedClients clients = new SharedClients();
    private final DeviceFarmLifecycle lifecycle = new DeviceFarmLifecycle(f.watcher, records);
    private final RecordingLedger ledger = new RecordingLedger();

    @AfterEach
    void close() {
        records.shutdownNow();
        clients.close();
        f.close();
    }

    private ClientLease lease() {
        return clients.lease("fixture", SimulatorFixture.settingsFor(f.sim));
    }

    private DeviceFarmArn unknownRun() {
        String known = f.scheduleRun("nightly").toString();
        return DeviceFarmArn.parse("arn", known.substring(0, known.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000",
                ArnKind.RUN);
    }

    @Test
    void aFollowTracksOnDeviceFarmsFirstAnswerRecordsEveryChangeAndEndsAfterTheLastRecord() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Followed followed = lifecycle.follow(lease(), run, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(), ledger);
        Await.until("the run is tracked", ledger::tracked);
        f.advance(Duration.ofHours(1));

        Outcome o = Await.result(followed.outcome());
        assertThat(o.getResult()).isEqualTo("PASSED");
        assertThat(ledger.calls().get(0)).isEqualTo("track");
        assertThat(ledger.calls()).filteredOn("track"::equals).hasSize(1);
        RecordingLedger.Entry last = ledger.entries().get(ledger.entries().size() - 1);
        assertThat(last.call()).isEqualTo("record");
        assertThat(last.outcome().isEnded()).isTrue(); // recorded before the follow completed
        assertThat(ledger.entries()).allSatisfy(e -> assertThat(e.thread()).isEqualTo("records"));
        assertThat(clients.openClients()).isZero(); // the follow released its lease
    }

    @Test
    void anUnknownRunIsNeverTrackedNorReportedAsBilling() {
        DeviceFarmArn nope = unknownRun();
        Followed followed = lifecycle.follow(lease(), nope, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(), ledger);
        assertThat(Await.failure(followed.outcome())).isInstanceOf(DeviceFarmCallException.class)
                .hasMessageContaining("NotFoundException");

        Throwable stop = Await.failure(lifecycle.stop(lease(), nope, "stop step", ledger));
        assertThat(stop).isInstanceOf(DeviceFarmCallException.class).hasMessageNotContaining("billing");
        assertThat(ledger.calls()).doesNotContain("track", "record", "stopFailed");
        assertThat(clients.openClients()).isZero();
    }

    @Test
    void theSafetyNetsStopOfSomethingDeviceFarmNoLongerKnowsIsRecordedAsUnknownNotAsBilling() {
        Throwable stop = Await.failure(lifecycle.stopTracked(lease(), unknownRun(), "build ended", ledger));
        assertThat(stop).isInstanceOf(DeviceFarmCallException.class);
        assertThat(ledger.calls()).containsExactly("unknown");
    }

    @Test
    void everyoneWhoAsksToStopTheSameRunGetsOneStop() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Followed followed = lifecycle.follow(lease(), run, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(), ledger);
        Await.until("the run is tracked", ledger::tracked);

        CompletableFuture<Outcome> byStep = followed.stop("build aborted");
        CompletableFuture<Outcome> again = followed.stop("aborted twice");
        CompletableFuture<Outcome> bySafetyNet = lifecycle.stopTracked(lease(), run, "build ended", new RecordingLedger());
        Outcome o = Await.result(followed.outcome());

        assertThat(o.isStoppedByUs()).isTrue();
        assertThat(Await.result(byStep).getResult()).isEqualTo("STOPPED");
        assertThat(Await.result(again).getResult()).isEqualTo("STOPPED");
        assertThat(Await.result(bySafetyNet).getResult()).isEqualTo("STOPPED");
        assertThat(f.sim.journal().count("StopRun", run.toString())).isEqualTo(1);
        Await.until("every lease is released", () -> clients.openClients() == 0);
    }

    @Test
    void aRunLeftRunningOnPurposeIsNeitherStoppedNorReportedAsAFailedStop() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        Followed followed = lifecycle.follow(lease(), run, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(), ledger);
        Await.until("the run is tracked", ledger::tracked);
        followed.abandon(); // stopOnAbort: false
        assertThat(Await.failure(followed.outcome())).isInstanceOf(java.util.concurrent.CancellationException.class);

        Await.failure(followed.stop("aborted again")); // nothing left to stop through this follow
        assertThat(f.sim.journal().count("StopRun")).isZero();
        assertThat(ledger.calls()).doesNotContain("stopFailed");
    }

    @Test
    void aSlowLedgerNeverHoldsTheEnginesThreads() throws Exception {
        CountDownLatch disk = new CountDownLatch(1);
        Ledger slow = new RecordingLedger() {
            @Override
            public void record(Outcome outcome) {
                try {
                    disk.await(30, TimeUnit.SECONDS); // build.xml on a slow disk
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        DeviceFarmArn stuck = f.scheduleRun("nightly");
        lifecycle.follow(lease(), stuck, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(), slow);
        DeviceFarmArn other = f.scheduleRun("will-fail");
        Followed fine = lifecycle.follow(lease(), other, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(), ledger);
        Await.until("both runs were polled", () -> f.sim.journal().count("GetRun", stuck.toString()) > 0
                && f.sim.journal().count("GetRun", other.toString()) > 0);
        f.advance(Duration.ofHours(1));

        assertThat(Await.result(fine.outcome()).getResult()).isEqualTo("FAILED"); // while the slow record still blocks
        disk.countDown();
    }

    @Test
    void unreachableDeviceFarmIsSaidAtOnceAndTheDeadlineEndsTheFollowOnTimeWithoutTrackingAnything() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.sim.stopServer();
        Followed followed = lifecycle.follow(lease(), run, WatchOptions.untilCompleted().timeout(Duration.ofSeconds(1), true),
                SimulatorFixture.fastPolls(), ledger);
        Await.until("the user is told", () -> !ledger.lines().isEmpty());
        assertThat(ledger.lines().get(0)).contains("could not reach Device Farm").contains("Still trying until")
                .contains("timeoutMinutes");
        assertThat(followed.outcome()).isNotDone();

        Throwable t = Await.failure(followed.outcome());
        assertThat(t).isInstanceOf(WatchTimeoutException.class).hasMessageContaining("timed out after 1.0 seconds")
                .hasMessageContaining("without an answer from Device Farm").hasMessageContaining("nothing was stopped");
        assertThat(ledger.calls()).doesNotContain("track", "record", "stopFailed");
        assertThat(f.sim.journal().count("StopRun")).isZero();
    }

    @Test
    void aDeadlineEndsTheFollowAtOnceAndTheStopItStartsIsRecordedWhenItEnds() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.advance(Duration.ofSeconds(200)); // running
        Followed followed = lifecycle.follow(lease(), run, WatchOptions.untilCompleted().timeout(Duration.ofMillis(300), true),
                SimulatorFixture.fastPolls(), ledger);

        Throwable t = Await.failure(followed.outcome());
        assertThat(t).isInstanceOf(WatchTimeoutException.class).hasMessageContaining("timed out after 0.3 seconds")
                .hasMessageContaining("stopping it");
        Await.until("the stop was sent", () -> f.sim.journal().count("StopRun", run.toString()) == 1);
        f.advance(Duration.ofMinutes(5)); // devices tear down
        Await.until("the stopped run is recorded", () -> ledger.entries().stream()
                .anyMatch(e -> e.outcome() != null && e.outcome().isEnded() && e.outcome().isStoppedByUs()));
        assertThat(Await.result(followed.stop("build aborted")).isStoppedByUs()).isTrue(); // the same stop
        assertThat(f.sim.journal().count("StopRun", run.toString())).isEqualTo(1);
    }

    /**
     * A remote access session the way both front ends run it: prepared (nothing created), created
     * under its recorded unique name (tracked once Device Farm answers), followed until RUNNING with
     * its endpoints, stopped once however often asked.
     */
    @Test
    void aSessionIsPreparedCreatedFollowedWithItsEndpointsAndStoppedOnce() {
        PreparedSession prepared;
        try (ClientLease lease = lease()) {
            prepared = Await.result(f.watcher.prepareSession(lease.client(), new SessionRequest(f.project(), f.device()).name("ui")));
        }
        assertThat(ledger.calls()).isEmpty(); // nothing exists yet, nothing to track
        Outcome created = Await.result(lifecycle.createSession(lease(), prepared, ledger));
        assertThat(created.getName()).isEqualTo(prepared.uniqueName());
        assertThat(ledger.calls()).startsWith("track", "record"); // tracked before anyone waits for it
        DeviceFarmArn arn = DeviceFarmArn.parse("arn", created.getArn(), ArnKind.SESSION);

        Followed followed = lifecycle.follow(lease(), arn, WatchOptions.untilRunning(), SimulatorFixture.fastPolls(), ledger);
        Await.until("seen", () -> followed.lastSeen() != null);
        f.advance(Duration.ofMinutes(2));
        assertThat(Await.result(followed.outcome()).getStatus()).isEqualTo("RUNNING");
        assertThat(followed.sessionEndpoints().remoteDriverEndpoint()).isNotBlank();
        assertThat(followed.sessionEndpoints().interactiveEndpoint()).isNotBlank();

        var stopping = lifecycle.stopTracked(lease(), arn, "block ended", ledger);
        var again = lifecycle.stopTracked(lease(), arn, "build ended", new RecordingLedger()); // the safety net, too
        Await.until("the stop arrives", () -> f.sim.journal().count("StopRemoteAccessSession") >= 1);
        f.advance(Duration.ofMinutes(1));
        assertThat(Await.result(stopping).isEnded()).isTrue();
        Await.result(again);
        assertThat(f.sim.journal().count("StopRemoteAccessSession", arn.toString())).isEqualTo(1);
        Await.until("every lease is released", () -> clients.openClients() == 0);
    }
}
