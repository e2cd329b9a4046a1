package io.jenkins.plugins.devicefarm.core.run;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lets a Jenkinsfile write the list and map fields of {@code deviceFarmRun} the Groovy way
 * ({@code environmentVariables: [API_URL: '...']}, {@code deviceFilters: [[attribute: 'PLATFORM',
 * operator: 'EQUALS', values: ['ANDROID']]]}, {@code artifacts: ['VIDEO']}, {@code latitude: 47.6})
 * by turning them into the text the step's fields hold, before the step is instantiated.
 */
public final class RunArguments {
    private RunArguments() {}

    public static Map<String, Object> flatten(Map<String, Object> arguments) {
        Map<String, Object> flat = new LinkedHashMap<>(arguments);
        for (String field : new String[] {"environmentVariables", "testParameters"}) {
            if (flat.get(field) instanceof Map<?, ?> m) {
                flat.put(field, m.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue()))
                        .collect(Collectors.joining("\n")));
            }
        }
        for (String field : new String[] {"artifacts", "auxiliaryApps", "vpceConfigurationArns", "radiosOff", "iosArtifactPaths",
                "androidArtifactPaths", "deviceHostArtifactPaths"}) {
            if (flat.get(field) instanceof Collection<?> c) {
                flat.put(field, c.stream().map(String::valueOf).collect(Collectors.joining("\n")));
            }
        }
        for (String field : new String[] {"latitude", "longitude"}) {
            if (flat.get(field) instanceof Number n) {
                flat.put(field, n.toString());
            }
        }
        if (flat.get("deviceFilters") instanceof Collection<?> filters) {
            flat.put("deviceFilters", filters.stream().map(RunArguments::filter).collect(Collectors.joining("\n")));
        }
        return flat;
    }

    /** {@code [attribute: A, operator: O, values: [v, ...]]} as {@code A O v,...}; other shapes pass as text (and fail validation). */
    private static String filter(Object f) {
        if (!(f instanceof Map<?, ?> m)) {
            return String.valueOf(f);
        }
        Object values = m.get("values") != null ? m.get("values") : m.get("value");
        String v = values instanceof Collection<?> c ? c.stream().map(String::valueOf).collect(Collectors.joining(",")) : String.valueOf(values);
        return m.get("attribute") + " " + m.get("operator") + " " + v;
    }
}
