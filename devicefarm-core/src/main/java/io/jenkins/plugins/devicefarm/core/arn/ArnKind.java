package io.jenkins.plugins.devicefarm.core.arn;

import java.util.Locale;

/** The resource types of Device Farm ARNs this project reads, with the id shape of each. */
public enum ArnKind {
    PROJECT("project", 1, true),
    DEVICE("device", 1, false),
    DEVICE_INSTANCE("deviceinstance", 1, true),
    RUN("run", 2, true),
    JOB("job", 3, true),
    SESSION("session", 3, true),
    DEVICE_POOL("devicepool", -1, false),
    UPLOAD("upload", 2, true),
    VPCE_CONFIGURATION("vpceconfiguration", 1, true),
    NETWORK_PROFILE("networkprofile", -1, false);

    private final String type;
    /** Slash-separated id segments, or -1 when the shape varies (curated vs private pools). */
    private final int segments;
    private final boolean accountRequired;

    ArnKind(String type, int segments, boolean accountRequired) {
        this.type = type;
        this.segments = segments;
        this.accountRequired = accountRequired;
    }

    /** The type as written in the ARN, e.g. {@code run}. */
    public String type() {
        return type;
    }

    int segments() {
        return segments;
    }

    boolean accountRequired() {
        return accountRequired;
    }

    /** Human words for messages, e.g. "device pool". */
    public String displayName() {
        return switch (this) {
            case DEVICE_INSTANCE -> "device instance";
            case DEVICE_POOL -> "device pool";
            case VPCE_CONFIGURATION -> "VPC endpoint configuration";
            case NETWORK_PROFILE -> "network profile";
            case SESSION -> "remote access session";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** "a run", "an upload": for messages. */
    public String withArticle() {
        String d = displayName();
        return ("aeiou".indexOf(d.charAt(0)) >= 0 ? "an " : "a ") + d;
    }

    static ArnKind ofType(String type) {
        for (ArnKind k : values()) {
            if (k.type.equals(type)) {
                return k;
            }
        }
        return null;
    }
}
