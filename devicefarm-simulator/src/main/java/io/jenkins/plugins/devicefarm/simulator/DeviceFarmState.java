package io.jenkins.plugins.devicefarm.simulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the simulated account holds, and Device Farm's rules for changing it (ARN lookups,
 * scheduling, the remote-access quota). Kept in memory for the simulator's lifetime, so it
 * survives an HTTP server restart.
 */
final class DeviceFarmState {
    /** Metered remote access sessions allowed at once (AWS's default quota). */
    static final int METERED_SESSION_LIMIT = 2;

    private final Scenario scenario;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimRun> runs = new LinkedHashMap<>();
    private final Map<String, SimJob> jobs = new LinkedHashMap<>();
    private final Map<String, SimSession> sessions = new LinkedHashMap<>();
    private final Uploads uploads;
    private final ResultFiles resultFiles = new ResultFiles();

    DeviceFarmState(Scenario scenario) {
        this.scenario = scenario;
        this.uploads = new Uploads(scenario);
    }

    Uploads uploads() {
        return uploads;
    }

    Scenario scenario() {
        return scenario;
    }

    /** The presigned artifact URLs and the files behind them. */
    ResultFiles resultFiles() {
        return resultFiles;
    }

    String accountId() {
        return scenario.accountId();
    }

    ScenarioProject project(String field, String arn) {
        Arns.Parsed parsed = Arns.parse(field, arn, "project");
        return scenario.project(parsed.id())
                .filter(p -> parsed.account().equals(accountId()))
                .orElseThrow(() -> ApiException.notFound("No project found for ARN " + arn));
    }

    ScenarioDevice device(String field, String arn) {
        Arns.Parsed parsed = Arns.parse(field, arn, "device");
        return scenario.device(parsed.id())
                .orElseThrow(() -> ApiException.notFound("No device found for ARN " + arn));
    }

    ScenarioDevicePool devicePool(String field, String arn) {
        Arns.Parsed parsed = Arns.parse(field, arn, "devicepool");
        return scenario.devicePool(parsed.id())
                .filter(p -> parsed.account().isEmpty())
                .orElseThrow(() -> ApiException.notFound("No device pool found for ARN " + arn));
    }

    synchronized SimRun run(String arn) {
        Arns.parse("arn", arn, "run");
        return found(runs.get(arn), "run", arn);
    }

    synchronized SimJob job(String arn) {
        Arns.parse("arn", arn, "job");
        return found(jobs.get(arn), "job", arn);
    }

    synchronized SimSession session(String arn) {
        Arns.parse("arn", arn, "session");
        return found(sessions.get(arn), "remote access session", arn);
    }

    synchronized List<SimRun> runs(String projectArn) {
        ScenarioProject project = project("arn", projectArn);
        return runs.values().stream().filter(r -> r.projectId().equals(project.id())).toList();
    }

    synchronized List<SimJob> jobs(String runArn) {
        return run(runArn).jobs();
    }

    synchronized List<SimSession> sessions(String projectArn) {
        project("arn", projectArn);
        return sessions.values().stream().filter(s -> s.request().projectArn().equals(projectArn)).toList();
    }

    /** One job per device of the pool, all created now and all following the script the run name picks. */
    synchronized SimRun scheduleRun(SimRun.Request request, Instant now) {
        ScenarioDevicePool pool = devicePool("devicePoolArn", request.devicePoolArn());
        if (pool.devices().isEmpty()) {
            throw ApiException.argument("The device pool " + request.devicePoolArn() + " has no devices.");
        }
        return scheduleRun(request, pool.devices().stream().map(id -> scenario.device(id).orElseThrow()).toList(),
                RunSpec.NONE, now);
    }

    /** One job per given device (ScheduleRun has chosen them from the pool or the device selection). */
    synchronized SimRun scheduleRun(SimRun.Request request, List<ScenarioDevice> devices, RunSpec spec, Instant now) {
        ScenarioProject project = project("projectArn", request.projectArn());
        String runId = UUID.randomUUID().toString();
        String arn = Arns.run(accountId(), project.id(), runId);
        SimRun run = new SimRun(arn, project.id(), runId, request, scenario.scriptFor(request.name()), now);
        run.spec(spec);
        int index = 0;
        for (ScenarioDevice device : devices) {
            SimJob job = new SimJob(Arns.job(accountId(), project.id(), runId, index++), run, device);
            run.addJob(job);
            jobs.put(job.arn(), job);
        }
        runs.put(arn, run);
        return run;
    }

    synchronized SimSession createSession(SimSession.Request request, Instant now) {
        ScenarioProject project = project("projectArn", request.projectArn());
        if (!request.device().remoteAccessEnabled()) {
            throw ApiException.argument("Remote access is not enabled for the device " + request.device().name() + ".");
        }
        if ("METERED".equals(request.billingMethod())) {
            long active = sessions.values().stream()
                    .filter(s -> "METERED".equals(s.request().billingMethod()))
                    .filter(s -> !s.state(now).completed())
                    .count();
            if (active >= METERED_SESSION_LIMIT) {
                throw ApiException.limitExceeded("You have reached the limit of " + METERED_SESSION_LIMIT
                        + " concurrent metered remote access sessions.");
            }
        }
        String sessionId = UUID.randomUUID().toString();
        String arn = Arns.session(accountId(), project.id(), sessionId);
        SimSession session = new SimSession(arn, request, scenario.sessionScript(), now, endpointFor(sessionId));
        sessions.put(arn, session);
        return session;
    }

    private String endpointFor(String sessionId) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return "wss://devicefarm-interactive-global." + Arns.REGION + ".api.aws/remote-access/session/" + sessionId
                + "?X-Amz-Security-Token=" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static <T> T found(T value, String kind, String arn) {
        if (value == null) {
            throw ApiException.notFound("No " + kind + " found for ARN " + arn);
        }
        return value;
    }
}
