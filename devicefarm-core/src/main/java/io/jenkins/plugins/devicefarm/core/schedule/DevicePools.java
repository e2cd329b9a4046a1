package io.jenkins.plugins.devicefarm.core.schedule;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCalls;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.DevicePool;

/** A device pool given by ARN, or by name among the project's pools (ListDevicePools, every page). */
public final class DevicePools {
    private final DeviceFarmClient client;
    private final DeviceFarmWatcher engine;

    /** Calls are made on {@code engine}'s scheduler. */
    public DevicePools(DeviceFarmClient client, DeviceFarmWatcher engine) {
        this.client = client;
        this.engine = engine;
    }

    /** Whether {@code value} is meant as an ARN rather than a name. */
    public static boolean isArn(String value) {
        return value != null && value.strip().startsWith("arn:");
    }

    /** The pool's ARN; an unknown or ambiguous name fails with {@link InvalidInputException} on {@code devicePool}. */
    public CompletableFuture<DeviceFarmArn> resolve(DeviceFarmArn project, String nameOrArn) {
        if (isArn(nameOrArn)) {
            return CompletableFuture.completedFuture(DeviceFarmArn.parse("devicePool", nameOrArn, ArnKind.DEVICE_POOL));
        }
        String name = nameOrArn == null ? "" : nameOrArn.strip();
        return engine.call("ListDevicePools", "device pools of project " + project, () -> client.listDevicePoolsPaginator(r -> r
                        .arn(project.toString()).overrideConfiguration(DeviceFarmCalls.SINGLE_ATTEMPT)).devicePools().stream().toList())
                .thenApply(pools -> pick(project, name, pools));
    }

    private static DeviceFarmArn pick(DeviceFarmArn project, String name, List<DevicePool> pools) {
        List<DevicePool> named = pools.stream().filter(p -> name.equals(p.name())).toList();
        if (named.size() > 1) {
            throw new InvalidInputException("devicePool", named.size() + " pools of project " + project + " are named '"
                    + name + "'", "Give its ARN: " + named.stream().map(DevicePool::arn).collect(Collectors.joining(" or ")));
        }
        if (named.isEmpty()) {
            throw new InvalidInputException("devicePool", "no device pool named '" + name + "' in project " + project,
                    "Use one of: " + pools.stream().map(DevicePool::name).limit(20).collect(Collectors.joining(", ")));
        }
        return DeviceFarmArn.parse("devicePool", named.get(0).arn(), ArnKind.DEVICE_POOL);
    }
}
