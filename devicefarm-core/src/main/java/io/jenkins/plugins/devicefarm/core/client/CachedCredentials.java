package io.jenkins.plugins.devicefarm.core.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Session credentials per credentials id, kept until shortly before they expire. A provider that
 * assumes an IAM role on every call (as the AWS Credentials plugin's does) then costs one STS
 * AssumeRole per token lifetime instead of one per Device Farm request. Long-lived keys (no
 * session token) are not cached: resolving them costs nothing, and an edit applies at once.
 */
final class CachedCredentials {
    /** Fresh credentials are fetched this long before the old ones expire. */
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    /** Session credentials that do not say when they expire: STS's shortest lifetime (15 min) less the margin. */
    static final Duration UNKNOWN_EXPIRY_LIFETIME = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    CachedCredentials(Clock clock) {
        this.clock = clock;
    }

    /** A provider for {@code id} that resolves through {@code source} only when the cached session is stale. */
    AwsCredentialsProvider of(String id, AwsCredentialsProvider source) {
        Entry e = byId.computeIfAbsent(id, k -> new Entry());
        e.source = source;
        return e;
    }

    void forget(String id) {
        byId.remove(id);
    }

    private final class Entry implements AwsCredentialsProvider {
        private volatile AwsCredentialsProvider source;
        private AwsCredentials cached; // guarded by this
        private Instant refreshAt; // guarded by this

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            Instant now = clock.instant();
            if (cached != null && now.isBefore(refreshAt)) {
                return cached;
            }
            AwsCredentials fresh = source.resolveCredentials(); // callers wait here: one AssumeRole, not one each
            if (fresh instanceof AwsSessionCredentials s) {
                cached = fresh;
                refreshAt = s.expirationTime().map(t -> t.minus(REFRESH_BEFORE)).orElse(now.plus(UNKNOWN_EXPIRY_LIFETIME));
            } else {
                cached = null;
            }
            return fresh;
        }

        @Override
        public String toString() {
            return "CachedCredentials"; // never the keys
        }
    }
}
