package io.jenkins.plugins.devicefarm.core.client;

import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * One hold on a shared Device Farm client. Closing the lease releases the hold (once, however
 * often it is closed); the client itself is closed only when its last lease is released, so a
 * stop still being retried never loses its client because a step ended.
 */
public final class ClientLease implements AutoCloseable {
    private final SharedClients.Entry entry;
    private final AtomicBoolean released = new AtomicBoolean();

    ClientLease(SharedClients.Entry entry) {
        this.entry = entry;
    }

    /** The client; do not close it, close the lease. */
    public DeviceFarmClient client() {
        if (released.get()) {
            throw new IllegalStateException("This Device Farm client lease was already released");
        }
        return entry.client();
    }

    /** Another hold on the same client, for work that may outlive this lease's holder. */
    public ClientLease retain() {
        if (released.get()) {
            throw new IllegalStateException("This Device Farm client lease was already released");
        }
        return entry.lease();
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            entry.release();
        }
    }
}
