package io.jenkins.plugins.devicefarm.simulator;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the simulated account holds, and Device Farm's rules for changing it (ARN lookups,
 * scheduling, the quotas of jobs in flight and of remote access sessions). Kept in memory for the
 * simulator's lifetime, so it survives an HTTP server restart.
 */
final class DeviceFarmState {
    private final Scenario scenario;
    private volatile URI publicBase = URI.create("http://127.0.0.1");
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimRun> runs = new LinkedHashMap<>();
    private final Map<String, SimJob> jobs = new LinkedHashMap<>();
    private final Map<String, SimSession> sessions = new LinkedHashMap<>();
    private final Uploads uploads;
    private final AutomationQueue meteredJobs;
    private final ResultFiles resultFiles = new ResultFiles();

    DeviceFarmState(Scenario scenario) {
        this.scenario = scenario;
        this.uploads = new Uploads(scenario);
        this.meteredJobs = new AutomationQueue(() -> scenario.concurrency().meteredAutomation());
    }

    /** Where the simulator is reached, for the endpoints it serves itself (known once its server listens). */
    void publicBase(URI base) {
        this.publicBase = base;
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

    ScenarioInstance deviceInstance(String field, String arn) {
        Arns.Parsed parsed = Arns.parse(field, arn, "deviceinstance");
        return scenario.deviceInstance(parsed.id())
                .filter(i -> parsed.account().equals(accountId()))
                .orElseThrow(() -> ApiException.notFound("No device instance found for ARN " + arn));
    }

    ScenarioVpceConfiguration vpceConfiguration(String field, String arn) {
        Arns.Parsed parsed = Arns.parse(field, arn, "vpceconfiguration");
        return scenario.vpceConfiguration(parsed.id())
                .filter(v -> parsed.account().equals(accountId()))
                .orElseThrow(() -> ApiException.notFound("No VPC endpoint configuration found for ARN " + arn));
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
        requireInFlightRoom(devices.size(), now);
        String runId = UUID.randomUUID().toString();
        String arn = Arns.run(accountId(), project.id(), runId);
        SimRun run = new SimRun(arn, project.id(), runId, request, scenario.scriptFor(request.name()), now);
        run.spec(spec);
        int index = 0;
        for (ScenarioDevice device : devices) {
            List<ScenarioInstance> instances = scenario.instancesOf(device.id());
            String instanceArn = instances.isEmpty() ? null : Arns.deviceInstance(accountId(), instances.get(0).id());
            AutomationQueue queue = "METERED".equals(request.billingMethod()) ? meteredJobs : null;
            SimJob job = new SimJob(Arns.job(accountId(), project.id(), runId, index++), run, device, instanceArn,
                    deviceWaitSeconds(device), queue);
            run.addJob(job);
            if (queue != null) {
                queue.add(job);
            }
            jobs.put(job.arn(), job);
        }
        runs.put(arn, run);
        return run;
    }

    /**
     * Device Farm's account quota of jobs in flight, queued ones included (250 by default): a run
     * that would go beyond it is refused whole, before anything is created.
     */
    private void requireInFlightRoom(int newJobs, Instant now) {
        int limit = scenario.concurrency().inFlightJobs();
        if (jobs.size() + newJobs <= limit) {
            return; // even if none had completed: no need to work out their states
        }
        long inFlight = jobs.values().stream().filter(j -> !j.state(now).completed()).count();
        if (inFlight + newJobs > limit) {
            throw ApiException.limitExceeded("The maximum number of in-flight jobs, including pending queued jobs, "
                    + "across your account is " + limit + ": " + inFlight + " are in flight and this run would add "
                    + newJobs + ".");
        }
    }

    synchronized SimSession createSession(SimSession.Request request, Instant now) {
        ScenarioProject project = project("projectArn", request.projectArn());
        if (!request.device().remoteAccessEnabled()) {
            throw ApiException.argument("Remote access is not enabled for the device " + request.device().name() + ".");
        }
        int limit = scenario.concurrency().meteredRemoteAccess();
        if ("METERED".equals(request.billingMethod())) {
            long active = sessions.values().stream()
                    .filter(s -> "METERED".equals(s.request().billingMethod()))
                    .filter(s -> !s.state(now).completed())
                    .count();
            if (active >= limit) {
                throw ApiException.limitExceeded("You have reached the limit of " + limit
                        + " concurrent metered remote access sessions.");
            }
        }
        String sessionId = UUID.randomUUID().toString();
        String arn = Arns.session(accountId(), project.id(), sessionId);
        SimSession session = new SimSession(arn, request, scenario.sessionScript(), deviceWaitSeconds(request.device()),
                now, SessionEndpoints.create(random, publicBase, sessionId));
        sessions.put(arn, session);
        return session;
    }

    /** A BUSY device is in someone else's hands: whoever asks for it waits in PENDING_DEVICE. */
    long deviceWaitSeconds(ScenarioDevice device) {
        return "BUSY".equals(device.availability()) ? scenario.busyDeviceSeconds() : 0;
    }

    /** The live session whose remote driver or interactive endpoint carries {@code token}, if any. */
    synchronized SimSession sessionByToken(String token) {
        return sessions.values().stream()
                .filter(s -> s.endpoints().driverToken().equals(token) || s.endpoints().interactiveToken().equals(token))
                .findFirst()
                .orElse(null);
    }

    private static <T> T found(T value, String kind, String arn) {
        if (value == null) {
            throw ApiException.notFound("No " + kind + " found for ARN " + arn);
        }
        return value;
    }
}
