package io.jenkins.plugins.devicefarm.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.lifecycle.Ledger;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/** A client is shared by its users and closed only when the last one lets go. */
class SharedClientsTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final SharedClients clients = new SharedClients();
    private final ExecutorService records = Executors.newFixedThreadPool(2);

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
    void aClientIsClosedOnlyWhenItsLastLeaseIsReleased() {
        ClientLease a = lease();
        ClientLease b = lease();
        DeviceFarmClient client = a.client();
        assertThat(b.client()).isSameAs(client);
        assertThat(clients.openClients()).isEqualTo(1);

        a.close();
        a.close(); // released once, however often closed
        assertThat(b.client().listProjects().projects()).isNotEmpty();

        b.close();
        assertThat(clients.openClients()).isZero();
        assertThatThrownBy(() -> client.listProjects()).isInstanceOf(IllegalStateException.class); // really closed
        assertThatThrownBy(b::client).isInstanceOf(IllegalStateException.class);
        assertThat(lease().client()).isNotSameAs(client); // a new one for the next user
    }

    @Test
    void invalidSettingsKeepNothing() {
        ClientSettings bad = SimulatorFixture.settingsFor(f.sim).toBuilder().endpointOverride("ftp://nope").build();
        assertThatThrownBy(() -> clients.lease("fixture", bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("endpointOverride:");
        assertThat(clients.openClients()).isZero();
    }

    @Test
    void aStopStillBeingRetriedKeepsItsClientWhenTheStepThatAskedForItEnds() {
        DeviceFarmLifecycle lifecycle = new DeviceFarmLifecycle(f.watcher, records);
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.advance(Duration.ofSeconds(200));
        ClientLease steps = lease(); // what a step holds while it runs
        Followed followed = lifecycle.follow(steps.retain(), run, WatchOptions.untilCompleted(), SimulatorFixture.fastPolls(),
                new Ledger() {
                    @Override public void track(DeviceFarmArn arn) { }
                    @Override public void record(Outcome outcome) { }
                    @Override public void stopFailed(DeviceFarmArn arn, String message) { }
                });
        Await.until("the run is seen", () -> followed.lastSeen() != null);

        f.sim.faults().throttle("StopRun", 1.0);
        CompletableFuture<Outcome> stopping = followed.stop("build aborted");
        Await.until("the stop is being retried", () -> f.sim.journal().count("StopRun") >= 2);
        steps.close(); // a second abort ends the step at once

        f.sim.faults().throttle("StopRun", 0.0);
        Await.until("the stop is accepted", () -> f.sim.journal().entries("StopRun").stream().anyMatch(e -> e.succeeded()));
        f.advance(Duration.ofMinutes(5));
        assertThat(Await.result(stopping).getResult()).isEqualTo("STOPPED");
        Await.until("the client is closed once the stop ended", () -> clients.openClients() == 0);
    }
}
