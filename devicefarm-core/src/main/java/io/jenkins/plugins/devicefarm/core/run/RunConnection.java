package io.jenkins.plugins.devicefarm.core.run;

import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.Ledger;

/**
 * A build's hold on Device Farm for one {@link RunFlow}: the client it calls with (closed by the flow
 * when it ends) and the ledger that tracks and records what Device Farm confirmed.
 */
public record RunConnection(ClientLease lease, Ledger ledger) {}
