package io.jenkins.plugins.devicefarm.simulator;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * A device of the public (or private) fleet. AWS device ids are 32 upper-case hex digits; without
 * an id one is derived from the name, so the same scenario file always yields the same ARNs.
 */
public record ScenarioDevice(
        String id,
        String name,
        String platform,
        String os,
        String model,
        String manufacturer,
        String formFactor,
        Boolean remoteAccessEnabled,
        String fleetType,
        String availability) {

    public ScenarioDevice {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a device needs a name");
        }
        if (id == null || id.isBlank()) {
            UUID uuid = UUID.nameUUIDFromBytes(("device:" + name).getBytes(StandardCharsets.UTF_8));
            id = (HexFormat.of().toHexDigits(uuid.getMostSignificantBits())
                    + HexFormat.of().toHexDigits(uuid.getLeastSignificantBits())).toUpperCase();
        }
        platform = oneOf("platform", platform, "ANDROID", Set.of("ANDROID", "IOS"));
        formFactor = oneOf("formFactor", formFactor, "PHONE", Set.of("PHONE", "TABLET"));
        fleetType = oneOf("fleetType", fleetType, "PUBLIC", Set.of("PUBLIC", "PRIVATE"));
        availability = oneOf("availability", availability, "HIGHLY_AVAILABLE",
                Set.of("TEMPORARY_NOT_AVAILABLE", "BUSY", "AVAILABLE", "HIGHLY_AVAILABLE"));
        os = os == null ? "" : os;
        model = model == null ? name : model;
        manufacturer = manufacturer == null ? ("IOS".equals(platform) ? "Apple" : "") : manufacturer;
        remoteAccessEnabled = remoteAccessEnabled == null || remoteAccessEnabled;
    }

    private static String oneOf(String field, String value, String fallback, Set<String> allowed) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("device " + field + " must be one of " + allowed + ": " + value);
        }
        return value;
    }
}
