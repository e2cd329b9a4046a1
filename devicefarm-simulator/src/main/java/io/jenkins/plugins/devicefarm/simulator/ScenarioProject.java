package io.jenkins.plugins.devicefarm.simulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A project of the simulated account. Without an id, one is derived from the name so ARNs stay stable. */
public record ScenarioProject(String id, String name) {
    public ScenarioProject {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a project needs a name");
        }
        if (id == null || id.isBlank()) {
            id = UUID.nameUUIDFromBytes(("project:" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
