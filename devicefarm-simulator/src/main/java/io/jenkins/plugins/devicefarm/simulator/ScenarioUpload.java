package io.jenkins.plugins.devicefarm.simulator;

import java.util.Set;

/**
 * An upload that exists before the simulator starts (an app a session may install, say).
 * {@code project} names its project by id or name; {@link Scenario} resolves it to the id.
 */
public record ScenarioUpload(String id, String project, String name, String type, String status) {
    static final Set<String> STATUSES = Set.of("INITIALIZED", "PROCESSING", "SUCCEEDED", "FAILED");

    public ScenarioUpload {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an upload needs a name");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("upload " + name + " needs a type, e.g. ANDROID_APP");
        }
        status = status == null ? "SUCCEEDED" : status;
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("upload status must be one of " + STATUSES + ": " + status);
        }
        id = Ids.orDerived(id, "upload:" + project + "/" + name);
    }

    ScenarioUpload inProject(String projectId) {
        return new ScenarioUpload(id, projectId, name, type, status);
    }
}
