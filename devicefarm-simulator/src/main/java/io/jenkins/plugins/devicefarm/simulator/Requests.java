package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading request members. Device Farm answers a missing required member or a value outside an
 * enum with ArgumentException, so that is what every helper here throws. Paths may be dotted
 * ({@code test.type}) to reach into nested structures.
 */
final class Requests {
    private Requests() {}

    static String optional(JsonNode request, String path) {
        JsonNode node = at(request, path);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.argument("Invalid " + path + ": expected a string.");
        }
        return node.asText();
    }

    static String required(JsonNode request, String path) {
        String value = optional(request, path);
        if (value == null || value.isEmpty()) {
            throw ApiException.argument("Missing required parameter: " + path + ".");
        }
        return value;
    }

    /** A required member of a nested structure, named {@code where.member} in the error. */
    static String required(JsonNode node, String member, String where) {
        String value = node == null || !node.isObject() ? null : optional(node, member);
        if (value == null || value.isEmpty()) {
            throw ApiException.argument("Missing required parameter: " + where + "." + member + ".");
        }
        return value;
    }

    static String oneOf(JsonNode request, String path, Set<String> allowed, String fallback) {
        String value = optional(request, path);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw ApiException.argument("Invalid " + path + ": " + value + " is not one of " + allowed + ".");
        }
        return value;
    }

    static int intInRange(JsonNode request, String path, int min, int max, int fallback) {
        JsonNode node = at(request, path);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw ApiException.argument("Invalid " + path + ": must be an integer from " + min + " to " + max + ".");
        }
        return node.asInt();
    }

    static boolean flag(JsonNode request, String path) {
        JsonNode node = at(request, path);
        return node != null && node.asBoolean(false);
    }

    /** A list of strings with {@code min..max} entries; absent is an empty list. */
    static List<String> stringList(JsonNode request, String path, int min, int max) {
        JsonNode node = at(request, path);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() < min || node.size() > max) {
            throw ApiException.argument("Invalid " + path + ": expected a list of " + min + " to " + max + " strings.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isEmpty()) {
                throw ApiException.argument("Invalid " + path + ": every entry must be a non-empty string.");
            }
            values.add(value.asText());
        }
        return List.copyOf(values);
    }

    /** A map of string to string with {@code min..max} keys; absent is an empty map. */
    static Map<String, String> stringMap(JsonNode request, String path, int min, int max) {
        JsonNode node = at(request, path);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject() || node.size() < min || node.size() > max) {
            throw ApiException.argument("Invalid " + path + ": expected " + min + " to " + max + " keys.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw ApiException.argument("Invalid " + path + "." + e.getKey() + ": expected a string.");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }

    static boolean present(JsonNode request, String path) {
        JsonNode node = at(request, path);
        return node != null && !node.isNull();
    }

    private static JsonNode at(JsonNode request, String path) {
        JsonNode node = request;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        return node;
    }
}
