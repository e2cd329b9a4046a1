package io.jenkins.plugins.devicefarm;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.jenkins.plugins.devicefarm.core.client.SharedClients;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.util.concurrent.atomic.AtomicLong;
import jenkins.util.Timer;

/**
 * The one engine of the controller: a {@link DeviceFarmWatcher} (a fixed handful of threads for
 * any number of watches), the {@link DeviceFarmLifecycle} every step, the freestyle steps and the
 * safety net go through (records are written on Jenkins' timer pool, never on the engine's
 * threads), and the shared, counted SDK clients. Created lazily, shut down with Jenkins.
 * Steps pass the current poll settings with each watch ({@link #pollSettings}), so a change to
 * the global configuration applies without replacing the scheduler.
 */
public final class DeviceFarmEngine {
    private static DeviceFarmWatcher watcher;
    private static DeviceFarmLifecycle lifecycle;
    private static SharedClients clients;
    /** Set while Jenkins shuts down: watches failing because of that must not fail their steps. */
    private static volatile boolean closing;
    /** Counts the Jenkins started in this JVM (tests restart Jenkins in the same JVM). */
    private static final AtomicLong GENERATION = new AtomicLong();

    private DeviceFarmEngine() {}

    /**
     * The engine, created on first use. Late work of a Jenkins that is shutting down may create one
     * again: that does not end the shutdown (only {@link #started()} does), or the watches that
     * fail because of it would fail their steps.
     */
    public static synchronized DeviceFarmWatcher get() {
        if (watcher == null) {
            watcher = new DeviceFarmWatcher(pollSettings());
            // Looked up per task: Jenkins replaces its timer pool when it restarts in the same JVM.
            lifecycle = new DeviceFarmLifecycle(watcher, task -> Timer.get().execute(task));
        }
        return watcher;
    }

    /** Track, follow, stop once, record: the one lifecycle of everything a build owns on Device Farm. */
    public static synchronized DeviceFarmLifecycle lifecycle() {
        get();
        return lifecycle;
    }

    /** SDK clients shared per credentials and settings, closed when their last user lets go. */
    public static synchronized SharedClients clients() {
        if (clients == null) {
            clients = new SharedClients();
        }
        return clients;
    }

    /** The global poll interval bounds as core settings (never throws: see the global configuration). */
    public static PollSettings pollSettings() {
        return DeviceFarmGlobalConfiguration.get().pollSettings();
    }

    /**
     * True once Jenkins has begun to shut down the engine. A step whose watch ends then must
     * leave its context alone: after the restart, {@code onResume()} follows the ARN again.
     */
    public static boolean isClosing() {
        return closing;
    }

    /** The Jenkins running now, for work that must end with it: see {@link #isClosing(long)}. */
    public static long generation() {
        return GENERATION.get();
    }

    /**
     * True once the Jenkins of {@code generation} began to shut down, even if another has started
     * since in this JVM: a late answer to work begun under the old one must leave everything to
     * the resumed step instead of cleaning up under it.
     */
    public static boolean isClosing(long generation) {
        return closing || generation != GENERATION.get();
    }

    /**
     * A Jenkins started again in this JVM (tests, or a restart of the web application) is not closing.
     * Before any job is loaded: a build read back and resumed takes the generation of this Jenkins.
     */
    @Initializer(after = InitMilestone.PLUGINS_STARTED, before = InitMilestone.EXTENSIONS_AUGMENTED)
    public static synchronized void started() {
        closing = false;
        GENERATION.incrementAndGet();
    }

    @Terminator
    public static synchronized void shutdown() {
        closing = true;
        if (watcher != null) {
            watcher.close();
            watcher = null;
            lifecycle = null;
        }
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }
}
