package io.jenkins.plugins.devicefarm.core.schedule;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilter;
import software.amazon.awssdk.services.devicefarm.model.DeviceFilterAttribute;
import software.amazon.awssdk.services.devicefarm.model.RuleOperator;

/**
 * One device filter as a user types it ({@code attribute: 'OS_VERSION', operator:
 * 'GREATER_THAN_OR_EQUALS', values: ['13']}), checked as Device Farm checks it: each attribute
 * takes its own operators, IN and NOT_IN take several values, every other operator exactly one.
 */
public final class DeviceFilterSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Map<DeviceFilterAttribute, Set<RuleOperator>> OPERATORS = Map.ofEntries(
            Map.entry(DeviceFilterAttribute.ARN, Set.of(RuleOperator.EQUALS, RuleOperator.IN, RuleOperator.NOT_IN)),
            Map.entry(DeviceFilterAttribute.PLATFORM, Set.of(RuleOperator.EQUALS)),
            Map.entry(DeviceFilterAttribute.OS_VERSION, Set.of(RuleOperator.EQUALS, RuleOperator.GREATER_THAN,
                    RuleOperator.GREATER_THAN_OR_EQUALS, RuleOperator.LESS_THAN, RuleOperator.LESS_THAN_OR_EQUALS,
                    RuleOperator.IN, RuleOperator.NOT_IN)),
            Map.entry(DeviceFilterAttribute.MODEL, Set.of(RuleOperator.EQUALS, RuleOperator.CONTAINS, RuleOperator.IN, RuleOperator.NOT_IN)),
            Map.entry(DeviceFilterAttribute.AVAILABILITY, Set.of(RuleOperator.EQUALS)),
            Map.entry(DeviceFilterAttribute.FORM_FACTOR, Set.of(RuleOperator.EQUALS)),
            Map.entry(DeviceFilterAttribute.MANUFACTURER, Set.of(RuleOperator.EQUALS, RuleOperator.IN, RuleOperator.NOT_IN)),
            Map.entry(DeviceFilterAttribute.REMOTE_ACCESS_ENABLED, Set.of(RuleOperator.EQUALS)),
            Map.entry(DeviceFilterAttribute.REMOTE_DEBUG_ENABLED, Set.of(RuleOperator.EQUALS)),
            Map.entry(DeviceFilterAttribute.INSTANCE_ARN, Set.of(RuleOperator.EQUALS, RuleOperator.IN, RuleOperator.NOT_IN)),
            Map.entry(DeviceFilterAttribute.INSTANCE_LABELS, Set.of(RuleOperator.CONTAINS)),
            Map.entry(DeviceFilterAttribute.FLEET_TYPE, Set.of(RuleOperator.EQUALS)));
    /** Attributes whose values are an enum (given in any case, sent in upper case). */
    private static final Map<DeviceFilterAttribute, Set<String>> VALUES = Map.of(
            DeviceFilterAttribute.PLATFORM, Set.of("ANDROID", "IOS"),
            DeviceFilterAttribute.AVAILABILITY, Set.of("AVAILABLE", "HIGHLY_AVAILABLE", "BUSY", "TEMPORARY_NOT_AVAILABLE"),
            DeviceFilterAttribute.FORM_FACTOR, Set.of("PHONE", "TABLET"),
            DeviceFilterAttribute.REMOTE_ACCESS_ENABLED, Set.of("TRUE", "FALSE"),
            DeviceFilterAttribute.REMOTE_DEBUG_ENABLED, Set.of("TRUE", "FALSE"),
            DeviceFilterAttribute.FLEET_TYPE, Set.of("PUBLIC", "PRIVATE"));

    private final String attribute;
    private final String operator;
    private final List<String> values;

    /** As typed; names and operators in any case; checked when the request is. */
    public DeviceFilterSpec(String attribute, String operator, List<String> values) {
        this.attribute = attribute;
        this.operator = operator;
        // a plain list: Jenkins' XStream cannot rebuild the JDK's immutable ones
        this.values = values == null ? new ArrayList<>() : new ArrayList<>(values.stream().map(v -> v == null ? "" : v).toList());
    }

    /** The SDK filter, or an {@link InvalidInputException} naming {@code field} (e.g. {@code deviceFilters[1]}). */
    DeviceFilter toSdk(String field) {
        DeviceFilterAttribute a = DeviceFilterAttribute.fromValue(upper(attribute));
        if (!OPERATORS.containsKey(a)) {
            throw new InvalidInputException(field + ".attribute", "'" + attribute + "' is not a device filter attribute",
                    "Use one of " + sorted(OPERATORS.keySet()));
        }
        RuleOperator o = RuleOperator.fromValue(upper(operator));
        if (!OPERATORS.get(a).contains(o)) {
            throw new InvalidInputException(field + ".operator", a + " takes " + sorted(OPERATORS.get(a))
                    + ", not '" + operator + "'", "Use one of those");
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw new InvalidInputException(field + ".values", "is empty or has an empty value", "Give at least one value");
        }
        if (o != RuleOperator.IN && o != RuleOperator.NOT_IN && values.size() != 1) {
            throw new InvalidInputException(field + ".values", o + " takes exactly one value, got " + values.size(),
                    "Use IN or NOT_IN for several values");
        }
        List<String> sent = new ArrayList<>();
        for (String v : values) {
            Set<String> allowed = VALUES.get(a);
            String value = allowed == null ? v.strip() : upper(v);
            if (allowed != null && !allowed.contains(value)) {
                throw new InvalidInputException(field + ".values", "'" + v + "' is not a value of " + a,
                        "Use one of " + sorted(allowed));
            }
            sent.add(value);
        }
        return DeviceFilter.builder().attribute(a).operator(o).values(sent).build();
    }

    @Override
    public String toString() {
        return attribute + " " + operator + " " + values;
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String sorted(Set<?> set) {
        return set.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
}
