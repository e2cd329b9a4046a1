package io.jenkins.plugins.devicefarm.simulator;

import java.util.List;

/**
 * A curated device pool. {@code devices} names its members by device id, device ARN or device
 * name, whichever is handiest in a scenario file; {@link Scenario} resolves them.
 */
public record ScenarioDevicePool(String id, String name, String description, List<String> devices) {
    public ScenarioDevicePool {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a device pool needs a name");
        }
        id = Ids.orDerived(id, "devicepool:" + name);
        description = description == null ? "" : description;
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
