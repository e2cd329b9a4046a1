package io.jenkins.plugins.devicefarm.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for the engine's pools: they never keep a JVM (or Jenkins) from stopping. */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Threads called {@code prefix1}, {@code prefix2}, ... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
