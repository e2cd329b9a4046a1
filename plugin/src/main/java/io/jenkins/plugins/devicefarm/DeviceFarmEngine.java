package io.jenkins.plugins.devicefarm;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.time.Duration;

/**
 * The one engine of the controller: a {@link DeviceFarmWatcher} (a fixed handful of threads for
 * any number of watches) created lazily with the global poll settings, shut down with Jenkins.
 * Steps pass the current poll settings with each watch ({@link #pollSettings}), so a change to
 * the global configuration applies without replacing the scheduler.
 */
public final class DeviceFarmEngine {
    private static DeviceFarmWatcher watcher;
    /** Set while Jenkins shuts down: watches failing because of that must not fail their steps. */
    private static volatile boolean closing;

    private DeviceFarmEngine() {}

    public static synchronized DeviceFarmWatcher get() {
        if (watcher == null) {
            closing = false;
            watcher = new DeviceFarmWatcher(pollSettings());
        }
        return watcher;
    }

    /** The global poll interval bounds as core settings (validated there). */
    public static PollSettings pollSettings() {
        DeviceFarmGlobalConfiguration c = DeviceFarmGlobalConfiguration.get();
        return PollSettings.of(Duration.ofSeconds(c.getMinPollSeconds()), Duration.ofSeconds(c.getMaxPollSeconds()));
    }

    /**
     * True once Jenkins has begun to shut down the engine. A step whose watch ends then must
     * leave its context alone: after the restart, {@code onResume()} follows the ARN again.
     */
    public static boolean isClosing() {
        return closing;
    }

    /** A Jenkins started again in this JVM (tests, or a restart of the web application) is not closing. */
    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static synchronized void started() {
        closing = false;
    }

    @Terminator
    public static synchronized void shutdown() {
        closing = true;
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
