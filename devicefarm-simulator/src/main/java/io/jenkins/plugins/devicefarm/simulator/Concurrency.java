package io.jenkins.plugins.devicefarm.simulator;

/**
 * The account's metered concurrency quotas: devices running automated tests at once (further jobs
 * wait in PENDING_CONCURRENCY) and remote access sessions at once (a further one is refused with
 * LimitExceededException). AWS's defaults are 5 and 2; both can be raised, as on AWS.
 */
public record Concurrency(Integer meteredAutomation, Integer meteredRemoteAccess) {
    public static final Concurrency DEFAULT = new Concurrency(5, 2);

    public Concurrency {
        meteredAutomation = meteredAutomation == null ? 5 : meteredAutomation;
        meteredRemoteAccess = meteredRemoteAccess == null ? 2 : meteredRemoteAccess;
        if (meteredAutomation < 1 || meteredRemoteAccess < 1) {
            throw new IllegalArgumentException("concurrency quotas must be at least 1");
        }
    }
}
