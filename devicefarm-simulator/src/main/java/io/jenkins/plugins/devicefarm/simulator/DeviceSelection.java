package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ScheduleRun's {@code deviceSelectionConfiguration}: filters of {attribute, operator, values}
 * checked as Device Farm checks them (each attribute takes its own operators; IN and NOT_IN take
 * several values, every other operator exactly one), and the devices they match.
 */
final class DeviceSelection {
    private static final Set<String> MULTI = Set.of("IN", "NOT_IN");
    /** The operators each filter attribute accepts (DeviceFilter in the API reference). */
    private static final Map<String, Set<String>> OPERATORS = Map.ofEntries(
            Map.entry("ARN", Set.of("EQUALS", "IN", "NOT_IN")),
            Map.entry("PLATFORM", Set.of("EQUALS")),
            Map.entry("OS_VERSION", Set.of("EQUALS", "GREATER_THAN", "GREATER_THAN_OR_EQUALS", "LESS_THAN",
                    "LESS_THAN_OR_EQUALS", "IN", "NOT_IN")),
            Map.entry("MODEL", Set.of("EQUALS", "CONTAINS", "IN", "NOT_IN")),
            Map.entry("AVAILABILITY", Set.of("EQUALS")),
            Map.entry("FORM_FACTOR", Set.of("EQUALS")),
            Map.entry("MANUFACTURER", Set.of("EQUALS", "IN", "NOT_IN")),
            Map.entry("REMOTE_ACCESS_ENABLED", Set.of("EQUALS")),
            Map.entry("REMOTE_DEBUG_ENABLED", Set.of("EQUALS")),
            Map.entry("INSTANCE_ARN", Set.of("EQUALS", "IN", "NOT_IN")),
            Map.entry("INSTANCE_LABELS", Set.of("CONTAINS")),
            Map.entry("FLEET_TYPE", Set.of("EQUALS")));
    private static final Map<String, Set<String>> VALUES = Map.of(
            "PLATFORM", Set.of("ANDROID", "IOS"),
            "AVAILABILITY", Set.of("AVAILABLE", "HIGHLY_AVAILABLE", "BUSY", "TEMPORARY_NOT_AVAILABLE"),
            "FORM_FACTOR", Set.of("PHONE", "TABLET"),
            "REMOTE_ACCESS_ENABLED", Set.of("TRUE", "FALSE"),
            "REMOTE_DEBUG_ENABLED", Set.of("TRUE", "FALSE"),
            "FLEET_TYPE", Set.of("PUBLIC", "PRIVATE"));

    record Filter(String attribute, String operator, List<String> values) {}

    private final List<Filter> filters;
    private final int maxDevices;
    private final JsonNode original;

    private DeviceSelection(List<Filter> filters, int maxDevices, JsonNode original) {
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
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            filters.add(filter(list.get(i), where + ".filters[" + i + "]"));
        }
        JsonNode max = node.get("maxDevices");
        if (max == null || max.isNull()) {
            throw ApiException.argument("Missing required parameter: " + where + ".maxDevices.");
        }
        if (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 1) {
            throw ApiException.argument("Invalid " + where + ".maxDevices: must be a whole number of at least 1.");
        }
        return new DeviceSelection(List.copyOf(filters), max.asInt(), node);
    }

    private static Filter filter(JsonNode node, String where) {
        String attribute = Requests.required(node, "attribute");
        if (!OPERATORS.containsKey(attribute)) {
            throw ApiException.argument("Invalid " + where + ".attribute: " + attribute + " is not one of "
                    + OPERATORS.keySet() + ".");
        }
        String operator = Requests.required(node, "operator");
        if (!OPERATORS.get(attribute).contains(operator)) {
            throw ApiException.argument("Invalid " + where + ".operator: " + attribute + " takes " + OPERATORS.get(attribute)
                    + ", not " + operator + ".");
        }
        JsonNode values = node.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw ApiException.argument("Missing required parameter: " + where + ".values.");
        }
        if (!MULTI.contains(operator) && values.size() != 1) {
            throw ApiException.argument("Invalid " + where + ".values: the " + operator + " operator takes exactly one value, got "
                    + values.size() + ".");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode v : values) {
            if (!v.isTextual() || v.asText().isEmpty()) {
                throw ApiException.argument("Invalid " + where + ".values: every value must be a non-empty string.");
            }
            String text = v.asText();
            Set<String> allowed = VALUES.get(attribute);
            if (allowed != null && !allowed.contains(text)) {
                throw ApiException.argument("Invalid " + where + ".values: " + text + " is not one of " + allowed + ".");
            }
            texts.add(text);
        }
        return new Filter(attribute, operator, List.copyOf(texts));
    }

    int maxDevices() {
        return maxDevices;
    }

    boolean matches(ScenarioDevice d) {
        return filters.stream().allMatch(f -> matches(f, d));
    }

    /** The run's deviceSelectionResult. */
    ObjectNode result(int matched) {
        ObjectNode node = Json.object();
        ArrayNode echoed = node.putArray("filters");
        original.get("filters").forEach(echoed::add);
        node.put("matchedDevicesCount", matched).put("maxDevices", maxDevices);
        return node;
    }

    private static boolean matches(Filter f, ScenarioDevice d) {
        String actual = switch (f.attribute()) {
            case "ARN" -> Arns.device(d.id());
            case "PLATFORM" -> d.platform();
            case "OS_VERSION" -> d.os();
            case "MODEL" -> d.model();
            case "AVAILABILITY" -> d.availability();
            case "FORM_FACTOR" -> d.formFactor();
            case "MANUFACTURER" -> d.manufacturer();
            case "REMOTE_ACCESS_ENABLED" -> d.remoteAccessEnabled() ? "TRUE" : "FALSE";
            case "REMOTE_DEBUG_ENABLED" -> "FALSE";
            case "FLEET_TYPE" -> d.fleetType();
            default -> null; // public devices have no instance ARN nor labels
        };
        List<String> values = f.values();
        return switch (f.operator()) {
            case "EQUALS" -> actual != null && (f.attribute().equals("OS_VERSION")
                    ? Versions.compare(actual, values.get(0)) == 0 : actual.equals(values.get(0)));
            case "IN" -> actual != null && values.stream().anyMatch(v -> same(f, actual, v));
            case "NOT_IN" -> actual == null || values.stream().noneMatch(v -> same(f, actual, v));
            case "CONTAINS" -> actual != null && actual.toLowerCase(Locale.ROOT).contains(values.get(0).toLowerCase(Locale.ROOT));
            case "GREATER_THAN" -> Versions.compare(actual, values.get(0)) > 0;
            case "GREATER_THAN_OR_EQUALS" -> Versions.compare(actual, values.get(0)) >= 0;
            case "LESS_THAN" -> Versions.compare(actual, values.get(0)) < 0;
            case "LESS_THAN_OR_EQUALS" -> Versions.compare(actual, values.get(0)) <= 0;
            default -> false;
        };
    }

    private static boolean same(Filter f, String actual, String value) {
        return f.attribute().equals("OS_VERSION") ? Versions.compare(actual, value) == 0 : actual.equals(value);
    }
}
