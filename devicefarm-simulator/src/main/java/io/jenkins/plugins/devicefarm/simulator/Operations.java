package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The Device Farm operations the simulator speaks: each reads its request members, applies the
 * account's rules through {@link DeviceFarmState}, and renders the result with {@link Views}.
 * Every operation sees one {@code now}, so a response is consistent with itself.
 */
final class Operations {
    static final Set<String> BILLING_METHODS = Set.of("METERED", "UNMETERED");

    private final DeviceFarmState state;
    private final Pager pager;
    private final Map<String, BiFunction<JsonNode, Instant, ObjectNode>> handlers = Map.ofEntries(
            Map.entry("CreateRemoteAccessSession", this::createRemoteAccessSession),
            Map.entry("GetRemoteAccessSession", (r, now) -> sessionResponse(session(r), now)),
            Map.entry("StopRemoteAccessSession", this::stopRemoteAccessSession),
            Map.entry("ListRemoteAccessSessions", this::listRemoteAccessSessions),
            Map.entry("ScheduleRun", this::scheduleRun),
            Map.entry("GetRun", (r, now) -> runResponse(run(r), now)),
            Map.entry("StopRun", this::stopRun),
            Map.entry("ListRuns", this::listRuns),
            Map.entry("GetJob", (r, now) -> jobResponse(job(r), now)),
            Map.entry("StopJob", this::stopJob),
            Map.entry("ListJobs", this::listJobs),
            Map.entry("GetProject", this::getProject),
            Map.entry("ListProjects", this::listProjects),
            Map.entry("GetDevice", this::getDevice),
            Map.entry("ListDevices", this::listDevices),
            Map.entry("ListDevicePools", this::listDevicePools),
            Map.entry("GetDeviceInstance", this::getDeviceInstance),
            Map.entry("ListDeviceInstances", this::listDeviceInstances),
            Map.entry("GetVPCEConfiguration", this::getVpceConfiguration),
            Map.entry("ListVPCEConfigurations", this::listVpceConfigurations),
            Map.entry("CreateUpload", (r, now) -> this.uploads.create(r, now)),
            Map.entry("GetUpload", (r, now) -> this.uploads.get(r, now)),
            Map.entry("ListUploads", (r, now) -> this.uploads.list(r, now)),
            Map.entry("DeleteUpload", (r, now) -> this.uploads.delete(r, now)),
            Map.entry("GetDevicePool", (r, now) -> this.pools.get(r)),
            Map.entry("GetDevicePoolCompatibility", (r, now) -> this.pools.compatibility(r, now)),
            Map.entry("ListSuites", (r, now) -> this.results.listSuites(r, now)),
            Map.entry("GetSuite", (r, now) -> this.results.getSuite(r, now)),
            Map.entry("ListTests", (r, now) -> this.results.listTests(r, now)),
            Map.entry("GetTest", (r, now) -> this.results.getTest(r, now)),
            Map.entry("ListArtifacts", (r, now) -> this.results.listArtifacts(r, now)),
            Map.entry("ListUniqueProblems", (r, now) -> this.results.listUniqueProblems(r, now)));
    private UploadOperations uploads; // set once by the constructor; the handlers above read it lazily
    private PoolOperations pools; // likewise
    private ResultOperations results; // likewise

    Operations(DeviceFarmState state, int pageSize) {
        this.state = state;
        this.pager = new Pager(pageSize);
        this.uploads = new UploadOperations(state, pager);
        this.pools = new PoolOperations(state);
        this.results = new ResultOperations(state, pager);
    }

    boolean supports(String operation) {
        return handlers.containsKey(operation);
    }

    /** The operations implemented (the README lists them). */
    Set<String> names() {
        return handlers.keySet();
    }

    ObjectNode handle(String operation, JsonNode request, Instant now) {
        BiFunction<JsonNode, Instant, ObjectNode> handler = handlers.get(operation);
        if (handler == null) {
            throw new ApiException("UnknownOperationException", 400, "The simulator does not implement " + operation + ".");
        }
        return handler.apply(request, now);
    }

    /** The ARN a request is about, for the journal: its {@code arn}, else its project or device. */
    static String mainArn(JsonNode request) {
        for (String field : new String[] {"arn", "projectArn", "deviceArn"}) {
            JsonNode node = request.get(field);
            if (node != null && node.isTextual()) {
                return node.asText();
            }
        }
        return null;
    }

    private ObjectNode createRemoteAccessSession(JsonNode request, Instant now) {
        SimSession session = state.createSession(SessionRequests.read(request, state, now), now);
        return sessionResponse(session, now);
    }

    private ObjectNode stopRemoteAccessSession(JsonNode request, Instant now) {
        SimSession session = session(request);
        session.requestStop(now);
        return sessionResponse(session, now);
    }

    private ObjectNode listRemoteAccessSessions(JsonNode request, Instant now) {
        return pager.page(request, "remoteAccessSessions", state.sessions(Requests.required(request, "arn")),
                s -> SessionView.of(s, state.scenario(), now));
    }

    private ObjectNode scheduleRun(JsonNode request, Instant now) {
        return runResponse(new ScheduleRunHandler(state).schedule(request, now), now);
    }

    private ObjectNode stopRun(JsonNode request, Instant now) {
        SimRun run = run(request);
        run.requestStop(now);
        return runResponse(run, now);
    }

    private ObjectNode listRuns(JsonNode request, Instant now) {
        return pager.page(request, "runs", state.runs(Requests.required(request, "arn")), r -> Views.run(r, state.scenario(), now));
    }

    private ObjectNode stopJob(JsonNode request, Instant now) {
        SimJob job = job(request);
        job.requestStop(now);
        return jobResponse(job, now);
    }

    private ObjectNode listJobs(JsonNode request, Instant now) {
        return pager.page(request, "jobs", state.jobs(Requests.required(request, "arn")), j -> Views.job(j, state.scenario(), now));
    }

    private ObjectNode getProject(JsonNode request, Instant now) {
        return wrap("project", Views.project(state.project("arn", Requests.required(request, "arn")), state.accountId()));
    }

    private ObjectNode listProjects(JsonNode request, Instant now) {
        String arn = Requests.optional(request, "arn");
        List<ScenarioProject> projects = arn == null ? state.scenario().projects() : List.of(state.project("arn", arn));
        return pager.page(request, "projects", projects, p -> Views.project(p, state.accountId()));
    }

    private ObjectNode getDevice(JsonNode request, Instant now) {
        return wrap("device", Views.device(state.device("arn", Requests.required(request, "arn")), state.scenario()));
    }

    /** Every filter must hold (they are ANDed), as on Device Farm. */
    private ObjectNode listDevices(JsonNode request, Instant now) {
        String arn = Requests.optional(request, "arn");
        if (arn != null) {
            state.project("arn", arn);
        }
        List<DeviceFilter> filters = DeviceFilter.parseAll(request.get("filters"), "filters");
        Scenario scenario = state.scenario();
        List<ScenarioDevice> devices = scenario.devices().stream()
                .filter(d -> filters.stream().allMatch(f -> f.matches(d, scenario)))
                .toList();
        return pager.page(request, "devices", devices, d -> Views.device(d, scenario));
    }

    /** Scenario pools are all curated; a project has no private pools here. */
    private ObjectNode listDevicePools(JsonNode request, Instant now) {
        state.project("arn", Requests.required(request, "arn"));
        String type = Requests.oneOf(request, "type", Set.of("CURATED", "PRIVATE"), "CURATED");
        List<ScenarioDevicePool> pools = "PRIVATE".equals(type) ? List.<ScenarioDevicePool>of() : state.scenario().devicePools();
        return pager.page(request, "devicePools", pools, Views::devicePool);
    }

    private ObjectNode getDeviceInstance(JsonNode request, Instant now) {
        ScenarioInstance instance = state.deviceInstance("arn", Requests.required(request, "arn"));
        return wrap("deviceInstance", Views.deviceInstance(instance, state.accountId()));
    }

    private ObjectNode listDeviceInstances(JsonNode request, Instant now) {
        return pager.page(request, "deviceInstances", state.scenario().deviceInstances(),
                i -> Views.deviceInstance(i, state.accountId()));
    }

    private ObjectNode getVpceConfiguration(JsonNode request, Instant now) {
        ScenarioVpceConfiguration configuration = state.vpceConfiguration("arn", Requests.required(request, "arn"));
        return wrap("vpceConfiguration", Views.vpceConfiguration(configuration, state.accountId()));
    }

    private ObjectNode listVpceConfigurations(JsonNode request, Instant now) {
        return pager.page(request, "vpceConfigurations", state.scenario().vpceConfigurations(),
                v -> Views.vpceConfiguration(v, state.accountId()));
    }

    private SimSession session(JsonNode request) {
        return state.session(Requests.required(request, "arn"));
    }

    private SimRun run(JsonNode request) {
        return state.run(Requests.required(request, "arn"));
    }

    private SimJob job(JsonNode request) {
        return state.job(Requests.required(request, "arn"));
    }

    private ObjectNode sessionResponse(SimSession session, Instant now) {
        return wrap("remoteAccessSession", SessionView.of(session, state.scenario(), now));
    }

    private ObjectNode runResponse(SimRun run, Instant now) {
        return wrap("run", Views.run(run, state.scenario(), now));
    }

    private ObjectNode jobResponse(SimJob job, Instant now) {
        return wrap("job", Views.job(job, state.scenario(), now));
    }

    private static ObjectNode wrap(String field, ObjectNode value) {
        ObjectNode response = Json.object();
        response.set(field, value);
        return response;
    }
}
