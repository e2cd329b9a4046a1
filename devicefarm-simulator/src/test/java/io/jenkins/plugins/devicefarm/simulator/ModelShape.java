package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Compares raw JSON with the SDK's own description of a shape (its {@code sdkFields}, the 2.40.2
 * service model): every member the simulator writes must exist in the current model, at any depth.
 */
final class ModelShape {
    private ModelShape() {}

    /** Paths of members in {@code json} that {@code shape} (e.g. {@code RemoteAccessSession.builder()}) lacks. */
    static List<String> unknownMembers(JsonNode json, SdkPojo shape) {
        List<String> unknown = new ArrayList<>();
        walk(json, shape, "", unknown);
        return unknown;
    }

    private static void walk(JsonNode json, SdkPojo shape, String path, List<String> unknown) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String memberPath = path + "." + member.getKey();
            SdkField<?> field = shape.sdkFields().stream()
                    .filter(f -> member.getKey().equals(f.locationName()))
                    .findFirst().orElse(null);
            if (field == null) {
                unknown.add(memberPath);
            } else {
                value(member.getValue(), field, memberPath, unknown);
            }
        }
    }

    private static void value(JsonNode json, SdkField<?> field, String path, List<String> unknown) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            walk(json, field.constructor().get(), path, unknown);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            json.forEach(element -> value(element, member, path + "[]", unknown));
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            json.forEach(element -> value(element, member, path + "{}", unknown));
        }
    }
}
