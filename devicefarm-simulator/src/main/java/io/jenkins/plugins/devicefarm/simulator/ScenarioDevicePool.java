package io.jenkins.plugins.devicefarm.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A curated device pool. {@code devices} names its members by device id, device ARN or device
 * name, whichever is handiest in a scenario file; {@link Scenario} resolves them.
 */
public record ScenarioDevicePool(String id, String name, String description, List<String> devices) {
    public ScenarioDevicePool {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a device pool needs a name");
        }
        if (id == null || id.isBlank()) {
            id = UUID.nameUUIDFromBytes(("devicepool:" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }
        description = description == null ? "" : description;
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
