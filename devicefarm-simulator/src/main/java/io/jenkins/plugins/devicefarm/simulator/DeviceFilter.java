package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One device filter ({@code {attribute, operator, values}}) of ListDevices, and of ScheduleRun's
 * device selection, with the operators the model documents for each attribute. IN and NOT_IN take
 * one or more values, every other operator exactly one. REMOTE_DEBUG_ENABLED is accepted and
 * ignored: remote debugging is gone, as Device Farm documents.
 */
record DeviceFilter(String attribute, String operator, List<String> values) {
    private static final Set<String> ORDERED = Set.of("EQUALS", "GREATER_THAN", "GREATER_THAN_OR_EQUALS", "IN",
            "LESS_THAN", "LESS_THAN_OR_EQUALS", "NOT_IN");
    private static final Map<String, Set<String>> OPERATORS = Map.ofEntries(
            Map.entry("ARN", Set.of("EQUALS", "IN", "NOT_IN")),
            Map.entry("PLATFORM", Set.of("EQUALS")),
            Map.entry("OS_VERSION", ORDERED),
            Map.entry("MODEL", Set.of("CONTAINS", "EQUALS", "IN", "NOT_IN")),
            Map.entry("AVAILABILITY", Set.of("EQUALS")),
            Map.entry("FORM_FACTOR", Set.of("EQUALS")),
            Map.entry("MANUFACTURER", Set.of("EQUALS", "IN", "NOT_IN")),
            Map.entry("REMOTE_ACCESS_ENABLED", Set.of("EQUALS")),
            Map.entry("REMOTE_DEBUG_ENABLED", Set.of("EQUALS")),
            Map.entry("INSTANCE_ARN", Set.of("EQUALS", "IN", "NOT_IN")),
            Map.entry("INSTANCE_LABELS", Set.of("CONTAINS")),
            Map.entry("FLEET_TYPE", Set.of("EQUALS")));
    /** Attributes whose value must be one of a few words. */
    private static final Map<String, Set<String>> VALUES = Map.of(
            "PLATFORM", Set.of("ANDROID", "IOS"),
            "AVAILABILITY", Set.of("AVAILABLE", "HIGHLY_AVAILABLE", "BUSY", "TEMPORARY_NOT_AVAILABLE"),
            "FORM_FACTOR", Set.of("PHONE", "TABLET"),
            "REMOTE_ACCESS_ENABLED", Set.of("TRUE", "FALSE"),
            "REMOTE_DEBUG_ENABLED", Set.of("TRUE", "FALSE"),
            "FLEET_TYPE", Set.of("PUBLIC", "PRIVATE"));
    private static final Set<String> MULTI = Set.of("IN", "NOT_IN");

    /** The filters of member {@code where} (its JSON list {@code array}; absent: none), each checked. */
    static List<DeviceFilter> parseAll(JsonNode array, String where) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw ApiException.argument("Invalid " + where + ": expected a list of filters.");
        }
        List<DeviceFilter> filters = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            filters.add(parse(array.get(i), where + "[" + i + "]"));
        }
        return List.copyOf(filters);
    }

    private static DeviceFilter parse(JsonNode node, String where) {
        String attribute = Requests.required(node, "attribute", where);
        if (!OPERATORS.containsKey(attribute)) {
            throw ApiException.argument("Invalid " + where + ".attribute: " + attribute + " is not one of "
                    + OPERATORS.keySet().stream().sorted().toList() + ".");
        }
        String operator = Requests.required(node, "operator", where);
        if (!OPERATORS.get(attribute).contains(operator)) {
            throw ApiException.argument("Invalid " + where + ".operator: " + attribute + " takes "
                    + OPERATORS.get(attribute).stream().sorted().toList() + ", not " + operator + ".");
        }
        List<String> values = Requests.stringList(node, "values", 0, Integer.MAX_VALUE);
        if (values.isEmpty()) {
            throw ApiException.argument("Missing required parameter: " + where + ".values.");
        }
        if (!MULTI.contains(operator) && values.size() != 1) {
            throw ApiException.argument("Invalid " + where + ".values: the " + operator
                    + " operator takes exactly one value, got " + values.size() + ".");
        }
        Set<String> allowed = VALUES.get(attribute);
        for (String value : values) {
            if (allowed != null && !allowed.contains(value)) {
                throw ApiException.argument("Invalid " + where + ".values: " + value + " is not one of "
                        + allowed.stream().sorted().toList() + ".");
            }
        }
        return new DeviceFilter(attribute, operator, values);
    }

    boolean matches(ScenarioDevice device, Scenario scenario) {
        return switch (attribute) {
            case "ARN" -> text(List.of(Arns.device(device.id())));
            case "PLATFORM" -> text(List.of(device.platform()));
            case "OS_VERSION" -> version(device.os());
            case "MODEL" -> text(List.of(device.model()));
            case "AVAILABILITY" -> text(List.of(device.availability()));
            case "FORM_FACTOR" -> text(List.of(device.formFactor()));
            case "MANUFACTURER" -> text(List.of(device.manufacturer()));
            case "REMOTE_ACCESS_ENABLED" -> text(List.of(String.valueOf(device.remoteAccessEnabled())));
            case "REMOTE_DEBUG_ENABLED" -> true;
            case "INSTANCE_ARN" -> text(instances(device, scenario, i -> List.of(Arns.deviceInstance(scenario.accountId(), i.id()))));
            case "INSTANCE_LABELS" -> text(instances(device, scenario, ScenarioInstance::labels));
            case "FLEET_TYPE" -> text(List.of(device.fleetType()));
            default -> throw new IllegalStateException(attribute);
        };
    }

    /** Whether any of the device's {@code actual} values satisfies the operator (NOT_IN: none is among the values). */
    private boolean text(List<String> actual) {
        return switch (operator) {
            case "EQUALS", "IN" -> actual.stream().anyMatch(a -> values.stream().anyMatch(a::equalsIgnoreCase));
            case "NOT_IN" -> actual.stream().noneMatch(a -> values.stream().anyMatch(a::equalsIgnoreCase));
            case "CONTAINS" -> actual.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT)
                    .contains(values.get(0).toLowerCase(Locale.ROOT)));
            default -> throw new IllegalStateException(operator);
        };
    }

    private boolean version(String os) {
        return switch (operator) {
            case "EQUALS", "IN" -> values.stream().anyMatch(v -> Versions.compare(os, v) == 0);
            case "NOT_IN" -> values.stream().noneMatch(v -> Versions.compare(os, v) == 0);
            case "LESS_THAN" -> Versions.compare(os, values.get(0)) < 0;
            case "LESS_THAN_OR_EQUALS" -> Versions.compare(os, values.get(0)) <= 0;
            case "GREATER_THAN" -> Versions.compare(os, values.get(0)) > 0;
            case "GREATER_THAN_OR_EQUALS" -> Versions.compare(os, values.get(0)) >= 0;
            default -> throw new IllegalStateException(operator);
        };
    }

    private static List<String> instances(ScenarioDevice device, Scenario scenario,
            Function<ScenarioInstance, List<String>> values) {
        return scenario.instancesOf(device.id()).stream().flatMap(i -> values.apply(i).stream()).toList();
    }
}
