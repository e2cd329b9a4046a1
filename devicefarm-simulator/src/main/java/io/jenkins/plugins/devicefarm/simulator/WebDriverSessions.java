package io.jenkins.plugins.devicefarm.simulator;

import java.util.UUID;

/** The WebDriver session open on a remote access session's device: one at a time, as a device runs one driver. */
final class WebDriverSessions {
    private String open; // guarded by this

    /** Opens a WebDriver session and returns its id, or null while another one is open. */
    synchronized String open() {
        if (open != null) {
            return null;
        }
        open = UUID.randomUUID().toString();
        return open;
    }

    synchronized boolean isOpen(String id) {
        return id.equals(open);
    }

    synchronized boolean close(String id) {
        if (!isOpen(id)) {
            return false;
        }
        open = null;
        return true;
    }

    synchronized boolean idle() {
        return open == null;
    }
}
