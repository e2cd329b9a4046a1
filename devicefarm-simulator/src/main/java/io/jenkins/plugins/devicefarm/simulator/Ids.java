package io.jenkins.plugins.devicefarm.simulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Scenario ids: the given one, else a UUID derived from a key, so a scenario file always yields the same ARNs. */
final class Ids {
    private Ids() {}

    static String orDerived(String id, String key) {
        return id == null || id.isBlank() ? UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString() : id;
    }
}
