package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ScheduleRun's {@code deviceSelectionConfiguration}: {@link DeviceFilter}s (checked and matched
 * as ListDevices does) and {@code maxDevices}, and the deviceSelectionResult it reports.
 */
final class DeviceSelection {
    private final List<DeviceFilter> filters;
    private final int maxDevices;
    private final JsonNode original;

    private DeviceSelection(List<DeviceFilter> filters, int maxDevices, JsonNode original) {
        this.filters = filters;
        this.maxDevices = maxDevices;
        this.original = original;
    }

    /** Validates {@code node} (the deviceSelectionConfiguration member). */
    static DeviceSelection parse(JsonNode node) {
        String where = "deviceSelectionConfiguration";
        if (!node.isObject()) {
            throw ApiException.argument("Invalid " + where + ": expected a structure.");
        }
        JsonNode list = node.get("filters");
        if (list == null || !list.isArray()) {
            throw ApiException.argument("Missing required parameter: " + where + ".filters.");
        }
        List<DeviceFilter> filters = DeviceFilter.parseAll(list, where + ".filters");
        JsonNode max = node.get("maxDevices");
        if (max == null || max.isNull()) {
            throw ApiException.argument("Missing required parameter: " + where + ".maxDevices.");
        }
        if (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 1) {
            throw ApiException.argument("Invalid " + where + ".maxDevices: must be a whole number of at least 1.");
        }
        return new DeviceSelection(filters, max.asInt(), node);
    }

    int maxDevices() {
        return maxDevices;
    }

    boolean matches(ScenarioDevice d, Scenario scenario) {
        return filters.stream().allMatch(f -> f.matches(d, scenario));
    }

    /** The run's deviceSelectionResult. */
    ObjectNode result(int matched) {
        ObjectNode node = Json.object();
        ArrayNode echoed = node.putArray("filters");
        original.get("filters").forEach(echoed::add);
        node.put("matchedDevicesCount", matched).put("maxDevices", maxDevices);
        return node;
    }
}
