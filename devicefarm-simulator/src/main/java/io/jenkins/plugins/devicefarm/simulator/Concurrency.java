package io.jenkins.plugins.devicefarm.simulator;

/**
 * The account's concurrency quotas: devices running automated tests at once (further jobs wait
 * in PENDING_CONCURRENCY), remote access sessions at once (a further one is refused with
 * LimitExceededException), and jobs in flight, queued ones included (a ScheduleRun that would go
 * beyond is refused with LimitExceededException). AWS's defaults are 5, 2 and 250; all can be
 * raised, as on AWS.
 */
public record Concurrency(Integer meteredAutomation, Integer meteredRemoteAccess, Integer inFlightJobs) {
    public static final int DEFAULT_METERED_AUTOMATION = 5;
    public static final int DEFAULT_METERED_REMOTE_ACCESS = 2;
    public static final int DEFAULT_IN_FLIGHT_JOBS = 250;
    public static final Concurrency DEFAULT =
            new Concurrency(DEFAULT_METERED_AUTOMATION, DEFAULT_METERED_REMOTE_ACCESS, DEFAULT_IN_FLIGHT_JOBS);

    public Concurrency {
        meteredAutomation = meteredAutomation == null ? DEFAULT_METERED_AUTOMATION : meteredAutomation;
        meteredRemoteAccess = meteredRemoteAccess == null ? DEFAULT_METERED_REMOTE_ACCESS : meteredRemoteAccess;
        inFlightJobs = inFlightJobs == null ? DEFAULT_IN_FLIGHT_JOBS : inFlightJobs;
        if (meteredAutomation < 1 || meteredRemoteAccess < 1 || inFlightJobs < 1) {
            throw new IllegalArgumentException("concurrency quotas must be at least 1");
        }
    }

    /** The two metered quotas, with AWS's default of in-flight jobs. */
    public Concurrency(Integer meteredAutomation, Integer meteredRemoteAccess) {
        this(meteredAutomation, meteredRemoteAccess, null);
    }
}
