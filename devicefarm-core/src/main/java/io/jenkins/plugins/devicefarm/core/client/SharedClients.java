package io.jenkins.plugins.devicefarm.core.client;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * Device Farm clients shared by everything that uses the same credentials id and settings, and
 * counted: a client is closed when its last {@link ClientLease} is released, never while a poll
 * or a stop still uses it. Credentials that expire (an assumed IAM role) are resolved once per
 * credentials id per token lifetime, whatever the number of clients and watches
 * ({@link CachedCredentials}).
 */
public final class SharedClients implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SharedClients.class.getName());

    private final Map<String, Entry> entries = new HashMap<>(); // guarded by this
    private final CachedCredentials credentials;

    public SharedClients() {
        this(Clock.systemUTC());
    }

    /** With the clock that decides when cached credentials are too close to expiring (tests). */
    public SharedClients(Clock clock) {
        this.credentials = new CachedCredentials(clock);
    }

    /**
     * A lease on the client for {@code credentialsId} and {@code settings}, built (and validated,
     * see {@link DeviceFarmClientFactory#create}) on first use. Invalid settings throw
     * {@link io.jenkins.plugins.devicefarm.core.InvalidInputException} and nothing is kept.
     */
    public ClientLease lease(String credentialsId, ClientSettings settings) {
        Objects.requireNonNull(credentialsId, "credentialsId");
        String key = credentialsId + '\n' + fingerprint(settings);
        synchronized (this) {
            Entry e = entries.get(key);
            if (e == null) {
                ClientSettings cached = settings.toBuilder()
                        .credentials(settings.credentials() == null ? null : credentials.of(credentialsId, settings.credentials()))
                        .build();
                e = new Entry(key, credentialsId, DeviceFarmClientFactory.create(cached));
                entries.put(key, e);
            } else if (settings.credentials() != null) {
                credentials.of(credentialsId, settings.credentials()); // the latest source refreshes the cache
            }
            return e.lease();
        }
    }

    /** Clients currently open (each with at least one lease). */
    public synchronized int openClients() {
        return entries.size();
    }

    /** Closes every client, leased or not (the engine is shutting down). */
    @Override
    public void close() {
        synchronized (this) {
            entries.values().forEach(Entry::closeClient);
            entries.clear();
        }
    }

    /** Everything but the credentials' secrets that makes two clients different. */
    private static String fingerprint(ClientSettings s) {
        ProxySettings p = s.proxy();
        return String.join("\n", String.valueOf(s.region()), String.valueOf(s.endpointOverride()),
                p == null ? "" : p + " " + p.nonProxyHosts() + " " + Objects.hashCode(p.password()),
                String.valueOf(s.connectTimeout()), String.valueOf(s.readTimeout()), String.valueOf(s.maxAttempts()),
                String.valueOf(s.userAgentSuffix()));
    }

    /** One client and its lease count. */
    final class Entry {
        private final String key;
        private final String credentialsId;
        private final DeviceFarmClient client;
        private int leases; // guarded by SharedClients.this

        Entry(String key, String credentialsId, DeviceFarmClient client) {
            this.key = key;
            this.credentialsId = credentialsId;
            this.client = client;
        }

        DeviceFarmClient client() {
            return client;
        }

        ClientLease lease() {
            synchronized (SharedClients.this) {
                if (entries.get(key) != this) {
                    throw new IllegalStateException("This Device Farm client was already closed");
                }
                leases++;
                return new ClientLease(this);
            }
        }

        void release() {
            synchronized (SharedClients.this) {
                if (--leases > 0 || entries.get(key) != this) {
                    return;
                }
                entries.remove(key);
                if (entries.values().stream().noneMatch(e -> e.credentialsId.equals(credentialsId))) {
                    credentials.forget(credentialsId); // no secret outlives the last client that used it
                }
            }
            closeClient();
        }

        void closeClient() {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing a Device Farm client", e);
            }
        }
    }
}
