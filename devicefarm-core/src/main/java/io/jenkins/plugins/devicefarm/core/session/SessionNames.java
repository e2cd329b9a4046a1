package io.jenkins.plugins.devicefarm.core.session;

import java.util.UUID;

/** Session names that tell one create apart from any other, so a session can be found again by its name. */
public final class SessionNames {
    private SessionNames() {}

    /**
     * The name plus a random tag (clocks of Jenkins and AWS may differ, so time cannot do it):
     * {@code checks 12 [1f3a9c2e]}, or {@code jenkins-1f3a9c2e} without a name.
     */
    public static String unique(String name) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        if (name == null || name.isBlank()) {
            return "jenkins-" + tag;
        }
        String n = name.strip();
        String base = n.length() > SessionRequest.MAX_NAME_LENGTH - 11 ? n.substring(0, SessionRequest.MAX_NAME_LENGTH - 11) : n;
        return base + " [" + tag + "]";
    }
}
