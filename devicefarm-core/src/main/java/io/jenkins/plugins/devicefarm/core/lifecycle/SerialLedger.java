package io.jenkins.plugins.devicefarm.core.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one operation's ledger calls in order on the records executor: engine threads hand the
 * work over and return at once, so a slow disk never delays a poll or a stop.
 */
final class SerialLedger {
    private static final Logger LOG = Logger.getLogger(SerialLedger.class.getName());

    private final Ledger ledger;
    private final Executor records;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null); // guarded by this

    SerialLedger(Ledger ledger, Executor records) {
        this.ledger = ledger;
        this.records = records;
    }

    /** Queues {@code task} after every task queued before; the future completes once it ran (even if it failed). */
    synchronized CompletableFuture<Void> then(LedgerTask task) {
        tail = tail.thenRunAsync(() -> {
            try {
                task.run(ledger);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record a Device Farm change", e);
            }
        }, records);
        return tail;
    }

    @FunctionalInterface
    interface LedgerTask {
        void run(Ledger ledger);
    }
}
