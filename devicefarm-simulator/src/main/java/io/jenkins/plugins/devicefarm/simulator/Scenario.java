package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The world the simulator serves: account, projects, devices, curated pools, and the scripts that
 * decide how runs and remote access sessions play out. Projects, devices and pools are fixed once
 * loaded; scripts may be changed while the simulator runs (tests prepend their own).
 */
public final class Scenario {
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** How long a job or session on a BUSY device waits in PENDING_DEVICE, unless the scenario says otherwise. */
    public static final long DEFAULT_BUSY_DEVICE_SECONDS = 60;
    private static final ObjectMapper MAPPER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String accountId;
    private final List<ScenarioProject> projects;
    private final List<ScenarioDevice> devices;
    private final List<ScenarioDevicePool> devicePools;
    private final List<ScenarioInstance> deviceInstances;
    private final List<ScenarioVpceConfiguration> vpceConfigurations;
    private final List<RunScript> runScripts;
    private volatile SessionScript sessionScript;
    private volatile Concurrency concurrency;
    private final long busyDeviceSeconds;
    private final List<UploadScript> uploadScripts = new CopyOnWriteArrayList<>();
    private volatile ResultsScript results = new ResultsScript();

    @JsonCreator
    public Scenario(
            @JsonProperty("accountId") String accountId,
            @JsonProperty("projects") List<ScenarioProject> projects,
            @JsonProperty("devices") List<ScenarioDevice> devices,
            @JsonProperty("devicePools") List<ScenarioDevicePool> devicePools,
            @JsonProperty("deviceInstances") List<ScenarioInstance> deviceInstances,
            @JsonProperty("vpceConfigurations") List<ScenarioVpceConfiguration> vpceConfigurations,
            @JsonProperty("runScripts") List<RunScript> runScripts,
            @JsonProperty("sessionScript") SessionScript sessionScript,
            @JsonProperty("concurrency") Concurrency concurrency,
            @JsonProperty("busyDeviceSeconds") Long busyDeviceSeconds) {
        this.accountId = accountId == null ? DEFAULT_ACCOUNT_ID : accountId;
        if (!this.accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits: " + this.accountId);
        }
        this.projects = List.copyOf(orEmpty(projects));
        this.devices = List.copyOf(orEmpty(devices));
        this.devicePools = orEmpty(devicePools).stream().map(this::resolveMembers).toList();
        this.deviceInstances = orEmpty(deviceInstances).stream().map(i -> i.onDevice(deviceId("device instance", i.device())))
                .toList();
        this.vpceConfigurations = List.copyOf(orEmpty(vpceConfigurations));
        this.runScripts = new CopyOnWriteArrayList<>(orEmpty(runScripts));
        this.sessionScript = sessionScript == null ? SessionScript.DEFAULT : sessionScript;
        this.concurrency = concurrency == null ? Concurrency.DEFAULT : concurrency;
        this.busyDeviceSeconds = busyDeviceSeconds == null ? DEFAULT_BUSY_DEVICE_SECONDS : busyDeviceSeconds;
        if (this.busyDeviceSeconds < 0) {
            throw new IllegalArgumentException("busyDeviceSeconds cannot be negative");
        }
        requireUniqueIds("project", this.projects.stream().map(ScenarioProject::id).toList());
        requireUniqueIds("device", this.devices.stream().map(ScenarioDevice::id).toList());
        requireUniqueIds("device pool", this.devicePools.stream().map(ScenarioDevicePool::id).toList());
        requireUniqueIds("device instance", this.deviceInstances.stream().map(ScenarioInstance::id).toList());
        requireUniqueIds("VPC endpoint configuration",
                this.vpceConfigurations.stream().map(ScenarioVpceConfiguration::id).toList());
    }

    /** The built-in scenario (the same as the example file {@code demo-scenario.json} shipped in the jar). */
    public static Scenario demo() {
        try (InputStream in = Scenario.class.getResourceAsStream("demo-scenario.json")) {
            return MAPPER.readValue(Objects.requireNonNull(in, "demo-scenario.json is missing"), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static Scenario parse(String json) {
        try {
            return MAPPER.readValue(json, Scenario.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid scenario: " + e.getMessage(), e);
        }
    }

    public String accountId() {
        return accountId;
    }

    public List<ScenarioProject> projects() {
        return projects;
    }

    public List<ScenarioDevice> devices() {
        return devices;
    }

    /** Pools with every member given as a device id. */
    public List<ScenarioDevicePool> devicePools() {
        return devicePools;
    }

    /** Device instances, each with its device given by id. */
    public List<ScenarioInstance> deviceInstances() {
        return deviceInstances;
    }

    public List<ScenarioVpceConfiguration> vpceConfigurations() {
        return vpceConfigurations;
    }

    public Concurrency concurrency() {
        return concurrency;
    }

    /** Raises or lowers the quotas while the simulator runs (a benchmark with many runs raises them). */
    public Scenario concurrency(Concurrency quotas) {
        this.concurrency = Objects.requireNonNull(quotas);
        return this;
    }

    public long busyDeviceSeconds() {
        return busyDeviceSeconds;
    }

    public List<RunScript> runScripts() {
        return List.copyOf(runScripts);
    }

    /** Makes {@code script} win over every script already there (tests script their own runs this way). */
    public Scenario prependRunScript(RunScript script) {
        runScripts.add(0, Objects.requireNonNull(script));
        return this;
    }

    public Scenario appendRunScript(RunScript script) {
        runScripts.add(Objects.requireNonNull(script));
        return this;
    }

    public SessionScript sessionScript() {
        return sessionScript;
    }

    public Scenario sessionScript(SessionScript script) {
        this.sessionScript = Objects.requireNonNull(script);
        return this;
    }

    @JsonProperty("uploadScripts")
    void loadUploadScripts(List<UploadScript> scripts) {
        uploadScripts.addAll(orEmpty(scripts));
    }

    public List<UploadScript> uploadScripts() {
        return List.copyOf(uploadScripts);
    }

    /** Makes {@code script} win over every upload script already there. */
    public Scenario prependUploadScript(UploadScript script) {
        uploadScripts.add(0, Objects.requireNonNull(script));
        return this;
    }

    /** The first upload script whose pattern occurs in the upload's name, else {@link UploadScript#DEFAULT}. */
    public UploadScript uploadScriptFor(String uploadName) {
        return uploadScripts.stream().filter(s -> s.matches(uploadName)).findFirst().orElse(UploadScript.DEFAULT);
    }

    /** How results and artifact downloads behave (extra screenshots, download faults, URL lifetime). */
    public ResultsScript results() {
        return results;
    }

    @JsonProperty("results")
    public Scenario results(ResultsScript script) {
        this.results = Objects.requireNonNull(script);
        return this;
    }

    /** The first script whose pattern occurs in the run name, else {@link RunScript#DEFAULT}. */
    public RunScript scriptFor(String runName) {
        return runScripts.stream().filter(s -> s.matches(runName)).findFirst().orElse(RunScript.DEFAULT);
    }

    Optional<ScenarioProject> project(String id) {
        return projects.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    Optional<ScenarioDevice> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    Optional<ScenarioDevicePool> devicePool(String id) {
        return devicePools.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    Optional<ScenarioInstance> deviceInstance(String id) {
        return deviceInstances.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    Optional<ScenarioVpceConfiguration> vpceConfiguration(String id) {
        return vpceConfigurations.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The instances of one device, in scenario order. */
    List<ScenarioInstance> instancesOf(String deviceId) {
        return deviceInstances.stream().filter(i -> i.device().equals(deviceId)).toList();
    }

    private ScenarioDevicePool resolveMembers(ScenarioDevicePool pool) {
        List<String> ids = new ArrayList<>();
        for (String member : pool.devices()) {
            ids.add(deviceId("device pool " + pool.name(), member));
        }
        return new ScenarioDevicePool(pool.id(), pool.name(), pool.description(), ids);
    }

    private String deviceId(String owner, String member) {
        String key = member.substring(member.lastIndexOf(':') + 1);
        return devices.stream()
                .filter(d -> d.id().equals(key) || d.name().equals(member))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(owner + " names an unknown device: " + member))
                .id();
    }


    private static void requireUniqueIds(String kind, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two " + kind + "s share the id " + id);
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
