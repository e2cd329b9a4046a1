package io.jenkins.plugins.devicefarm.simulator;

import java.util.List;
import java.util.Set;

/**
 * A device instance of a private fleet: one physical device of a scenario device, with labels.
 * {@code device} names it by id, ARN or name; {@link Scenario} resolves it to the device id.
 */
public record ScenarioInstance(String id, String device, List<String> labels, String status, String udid) {
    static final Set<String> STATUSES = Set.of("IN_USE", "PREPARING", "AVAILABLE", "NOT_AVAILABLE");

    public ScenarioInstance {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("a device instance needs a device");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
        status = status == null ? "AVAILABLE" : status;
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("device instance status must be one of " + STATUSES + ": " + status);
        }
        id = Ids.orDerived(id, "instance:" + device + "/" + udid);
        udid = udid == null ? Ids.orDerived(null, "udid:" + id).replace("-", "").substring(0, 24).toUpperCase() : udid;
    }

    ScenarioInstance onDevice(String deviceId) {
        return new ScenarioInstance(id, deviceId, labels, status, udid);
    }
}
