package io.jenkins.plugins.devicefarm.run;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.AdoptableCreate;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCalls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.DevicePool;
import software.amazon.awssdk.services.devicefarm.model.DevicePoolCompatibilityResult;
import software.amazon.awssdk.services.devicefarm.model.EnvironmentVariable;
import software.amazon.awssdk.services.devicefarm.model.ExecutionConfiguration;
import software.amazon.awssdk.services.devicefarm.model.GetDevicePoolCompatibilityResponse;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunConfiguration;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunRequest;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunTest;

/**
 * ScheduleRun of a {@link RunSpec} with the uploads it resolved, as an {@link AdoptableCreate}:
 * ScheduleRun has no idempotency token, so after a lost answer the engine looks for the run by
 * the unique name given here and follows it rather than schedule a second one. Also resolves a
 * device pool given by name, and asks GetDevicePoolCompatibility for the preflight.
 */
final class RunScheduler implements AdoptableCreate<Run> {
    /** Device Farm's limit on a run's name. */
    static final int MAX_NAME_LENGTH = 256;

    private final DeviceFarmClient client;
    private final RunSpec spec;
    private final Map<String, String> uploads;
    private final String devicePoolArn;
    private final String name;

    /** {@code uploads}: the upload ARN of each input, by field; {@code name}: the unique name (see uniqueName). */
    RunScheduler(DeviceFarmClient client, RunSpec spec, Map<String, String> uploads, String devicePoolArn, String name) {
        this.client = client;
        this.spec = spec;
        this.uploads = uploads;
        this.devicePoolArn = devicePoolArn;
        this.name = name;
    }

    @Override
    public String operation() {
        return "ScheduleRun";
    }

    @Override
    public String subject() {
        return "run '" + name + "' in project " + spec.project;
    }

    @Override
    public Run create() {
        return client.scheduleRun(request()).run();
    }

    @Override
    public Optional<Run> findCreated() {
        return findByName(client, spec.project, name);
    }

    @Override
    public String ifUnknown() {
        return "If run '" + name + "' exists it is billing: stop it at " + spec.project.consoleUrl();
    }

    /** The newest run of the project that bears {@code name} (after a lost answer or a restart while scheduling). */
    static Optional<Run> findByName(DeviceFarmClient client, DeviceFarmArn project, String name) {
        return client.listRunsPaginator(r -> r.arn(project.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT))
                .runs().stream()
                .filter(r -> name.equals(r.name()))
                .max(Comparator.comparing(Run::created, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    ScheduleRunRequest request() {
        ScheduleRunRequest.Builder b = ScheduleRunRequest.builder()
                .projectArn(spec.project.toString())
                .name(name)
                .appArn(uploads.get("app"))
                .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)
                .test(ScheduleRunTest.builder()
                        .type(spec.testType)
                        .testPackageArn(uploads.get("testPackage"))
                        .testSpecArn(uploads.get("testSpec"))
                        .filter(spec.testFilter)
                        .parameters(spec.testParameters.isEmpty() ? null : spec.testParameters)
                        .build())
                .configuration(configuration())
                .executionConfiguration(ExecutionConfiguration.builder()
                        .jobTimeoutMinutes(spec.jobTimeoutMinutes)
                        .videoCapture(spec.videoCapture)
                        .appPackagesCleanup(spec.appPackagesCleanup)
                        .accountsCleanup(spec.accountsCleanup)
                        .skipAppResign(spec.skipAppResign)
                        .build());
        if (devicePoolArn != null) {
            b.devicePoolArn(devicePoolArn);
        } else {
            b.deviceSelectionConfiguration(d -> d.filters(spec.filters.stream().map(RunSpec.Filter::toSdk).toList())
                    .maxDevices(spec.maxDevices));
        }
        return b.build();
    }

    private ScheduleRunConfiguration configuration() {
        List<String> auxiliary = new ArrayList<>();
        for (RunSpec.Input aux : spec.auxiliaryApps()) {
            auxiliary.add(uploads.get(aux.field()));
        }
        return ScheduleRunConfiguration.builder()
                .extraDataPackageArn(uploads.get("extraData"))
                .auxiliaryApps(auxiliary.isEmpty() ? null : auxiliary)
                .locale(spec.locale)
                .networkProfileArn(spec.networkProfileArn)
                .vpceConfigurationArns(spec.vpceConfigurationArns.isEmpty() ? null : spec.vpceConfigurationArns)
                .billingMethod(spec.billingMethod)
                .executionRoleArn(spec.executionRoleArn)
                .environmentVariables(spec.environmentVariables.isEmpty() ? null : spec.environmentVariables.entrySet().stream()
                        .map(e -> EnvironmentVariable.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                .build();
    }

    /** The device pools of the project (curated and private), every page. */
    static List<DevicePool> listPools(DeviceFarmClient client, DeviceFarmArn project) {
        return client.listDevicePoolsPaginator(r -> r.arn(project.toString())
                .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).devicePools().stream().toList();
    }

    /** The ARN of the pool named {@code name}; an unknown name fails naming devicePool and the pools there are. */
    static String poolNamed(List<DevicePool> pools, DeviceFarmArn project, String name) {
        return pools.stream().filter(p -> name.equals(p.name())).map(DevicePool::arn).findFirst()
                .orElseThrow(() -> new InvalidInputException("devicePool", "no device pool named '" + name + "' in project "
                        + project, "Use one of: " + pools.stream().map(DevicePool::name).distinct().sorted()
                        .collect(Collectors.joining(", "))));
    }

    /** GetDevicePoolCompatibility for the pool, app and test. */
    GetDevicePoolCompatibilityResponse compatibility() {
        return client.getDevicePoolCompatibility(q -> q.devicePoolArn(devicePoolArn).appArn(uploads.get("app"))
                .test(request().test()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT));
    }

    /** What the preflight logs: each incompatible device of the pool, and why. */
    static List<String> incompatible(GetDevicePoolCompatibilityResponse r) {
        List<String> lines = new ArrayList<>();
        for (DevicePoolCompatibilityResult d : r.incompatibleDevices()) {
            String why = d.incompatibilityMessages().stream().map(m -> m.typeAsString() + ": " + m.message())
                    .collect(Collectors.joining("; "));
            lines.add("Incompatible: " + (d.device() == null ? "a device" : d.device().name()) + (why.isEmpty() ? "" : " (" + why + ")"));
        }
        return lines;
    }

    /** Fails naming devicePool when no device of the pool can run the tests: before any device minute is spent. */
    static void requireCompatible(GetDevicePoolCompatibilityResponse r) {
        if (r.compatibleDevices().isEmpty()) {
            throw new InvalidInputException("devicePool", "no device of the pool can run these tests ("
                    + r.incompatibleDevices().size() + " incompatible)", "Choose another pool, or check the app's platform and minimum OS");
        }
    }
}
