package io.jenkins.plugins.devicefarm.core.schedule;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.AdoptableCreate;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCalls;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunRequest;

/**
 * Schedules a run exactly once. ScheduleRun has no idempotency token, so the run gets a unique
 * name; when the answer is lost (network fault, server error) the run is looked for by that
 * name (ListRuns) and adopted instead of scheduled twice. Optionally checks the pool first with
 * GetDevicePoolCompatibility, so an app no device can run fails before any device minute is spent.
 */
public final class RunScheduler {
    private final DeviceFarmClient client;
    private final DeviceFarmWatcher engine;
    private final DevicePools pools;

    /** Calls are made on {@code engine}'s scheduler; ScheduleRun on its stop thread. */
    public RunScheduler(DeviceFarmClient client, DeviceFarmWatcher engine) {
        this.client = client;
        this.engine = engine;
        this.pools = new DevicePools(client, engine);
    }

    /** The name a run is scheduled under: {@code name} plus a random tag. Record it to find the run after a restart. */
    public static String uniqueName(String name) {
        return DeviceFarmWatcher.uniqueName(name, RunRequest.MAX_NAME_LENGTH);
    }

    /** The pool of a request (resolved by name if need be), or null when it selects devices by filters. */
    public CompletableFuture<DeviceFarmArn> pool(RunRequest request) {
        request.validate();
        return request.devicePool() == null || request.devicePool().isBlank() ? CompletableFuture.completedFuture(null)
                : pools.resolve(request.project(), request.devicePool());
    }

    /**
     * GetDevicePoolCompatibility of the request's app and test on {@code pool}. Fails with an
     * {@link InvalidInputException} on {@code devicePool} listing the reasons when no device can
     * run it, or, if {@code requireAll}, when any device cannot.
     */
    public CompletableFuture<PoolCompatibility> preflight(RunRequest request, DeviceFarmArn pool, boolean requireAll) {
        ScheduleRunRequest sdk = request.toSdkRequest(pool, "preflight");
        return engine.call("GetDevicePoolCompatibility", "device pool " + pool, () -> client.getDevicePoolCompatibility(r -> r
                        .devicePoolArn(pool.toString()).projectArn(sdk.projectArn()).appArn(sdk.appArn()).test(sdk.test())
                        .configuration(sdk.configuration()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)))
                .thenApply(PoolCompatibility::of)
                .thenApply(c -> {
                    if (c.compatible().isEmpty() || (requireAll && !c.incompatible().isEmpty())) {
                        throw new InvalidInputException("devicePool", c.describe(),
                                "Choose a pool with devices that can run the app, or another app build");
                    }
                    return c;
                });
    }

    /** Validates, resolves the pool and schedules under {@link #uniqueName} of the request's name. */
    public CompletableFuture<Run> schedule(RunRequest request) {
        String name = uniqueName(request.name());
        return pool(request).thenCompose(pool -> schedule(request, pool, name));
    }

    /** Schedules on a resolved {@code pool} (null: the request's device filters) under {@code uniqueName}, exactly once. */
    public CompletableFuture<Run> schedule(RunRequest request, DeviceFarmArn pool, String uniqueName) {
        ScheduleRunRequest sdk = request.toSdkRequest(pool, uniqueName).toBuilder()
                .overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT).build();
        return engine.createOrAdopt(new Create(sdk, request.project()));
    }

    /**
     * The newest run of {@code project} named {@code uniqueName}, if Device Farm has one: after a
     * restart or an abort while scheduling, to stop or follow what may have been scheduled.
     */
    public CompletableFuture<Optional<Run>> find(DeviceFarmArn project, String uniqueName) {
        Create lookup = new Create(ScheduleRunRequest.builder().name(uniqueName).build(), project);
        return engine.call("ListRuns", "run '" + uniqueName + "' in project " + project, lookup::findCreated);
    }

    /** ScheduleRun, and the look for its run by name after a lost answer. */
    private final class Create implements AdoptableCreate<Run> {
        private final ScheduleRunRequest request;
        private final DeviceFarmArn project;

        Create(ScheduleRunRequest request, DeviceFarmArn project) {
            this.request = request;
            this.project = project;
        }

        @Override
        public String operation() {
            return "ScheduleRun";
        }

        @Override
        public String subject() {
            return "run '" + request.name() + "' in project " + project;
        }

        @Override
        public Run create() {
            return client.scheduleRun(request).run();
        }

        @Override
        public Optional<Run> findCreated() {
            return client.listRunsPaginator(r -> r.arn(project.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT))
                    .runs().stream()
                    .filter(r -> request.name().equals(r.name()))
                    .max(Comparator.comparing(Run::created, Comparator.nullsFirst(Comparator.naturalOrder())));
        }

        @Override
        public String ifUnknown() {
            return "If it was scheduled it is billing: stop it at " + project.consoleUrl();
        }
    }
}
