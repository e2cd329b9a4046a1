package io.jenkins.plugins.devicefarm.safety;

/** Lets tests in other packages run the restart sweep at once. */
public final class StartupSweepAccess {
    private StartupSweepAccess() {}

    public static void sweep() {
        StartupSweep.sweep();
    }
}
