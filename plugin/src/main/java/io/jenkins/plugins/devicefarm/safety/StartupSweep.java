package io.jenkins.plugins.devicefarm.safety;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

/**
 * After a controller restart: builds that ended while the controller was down (a crash, or an
 * abort whose stops the engine no longer accepted during shutdown) may still own open resources.
 * Only recent builds are looked at: nothing on Device Farm outlives a day in the queue plus 150
 * minutes on a device, so older records are stale. Runs in the background, never delaying startup.
 * Builds still in progress (resuming Pipelines) are left to their steps.
 */
public final class StartupSweep {
    private static final Logger LOGGER = Logger.getLogger(StartupSweep.class.getName());
    /** Queue limit (24 h) + per-device limit (150 min) + margin. */
    static final Duration WINDOW = Duration.ofHours(27);
    /** Builds looked at per job, newest first. */
    static final int MAX_BUILDS_PER_JOB = 20;

    private StartupSweep() {}

    @Initializer(after = InitMilestone.JOB_LOADED)
    public static void schedule() {
        Timer.get().execute(StartupSweep::sweep); // sweep() logs its own failures: no Future to keep
    }

    static void sweep() {
        long cutoff = System.currentTimeMillis() - WINDOW.toMillis();
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job<?, ?> job : Jenkins.get().getAllItems(Job.class)) {
                Run<?, ?> b = job.getLastBuild();
                for (int n = 0; b != null && n < MAX_BUILDS_PER_JOB && b.getStartTimeInMillis() >= cutoff; n++) {
                    if (!b.isBuilding()) {
                        DeviceFarmSafetyNet.stopOpen(b, TaskListener.NULL, "found open after a controller restart");
                    }
                    b = b.getPreviousBuild();
                }
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not look for Device Farm resources left open by builds", e);
        }
    }
}
