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
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A remote access session the way both front ends run it: prepared (nothing created), created
 * under its recorded unique name (tracked once Device Farm answers), followed until RUNNING with
 * its endpoints, stopped once; against the simulator through the real SDK.
 */
class SessionLifecycleOnLedgerTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final ExecutorService records = Executors.newFixedThreadPool(2, r -> new Thread(r, "records"));
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

    @Test
    void preparedCreatedFollowedWithItsEndpointsAndStoppedOnce() {
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
