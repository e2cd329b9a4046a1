package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * W3C capability processing, reduced to what a device can answer: {@code alwaysMatch} merged with
 * each {@code firstMatch} entry in turn, the first whose {@code platformName} (if any) is the
 * device's wins, and the device fills in what it is.
 */
final class DriverCapabilities {
    private DriverCapabilities() {}

    /** The capabilities granted, or null when none of the alternatives fits the device. */
    static ObjectNode match(JsonNode capabilities, SimSession.Request session) {
        JsonNode always = capabilities.path("alwaysMatch");
        JsonNode firstMatch = capabilities.path("firstMatch");
        Iterator<JsonNode> alternatives = firstMatch.isArray() && firstMatch.size() > 0
                ? firstMatch.elements() : java.util.List.<JsonNode>of(Json.object()).iterator();
        while (alternatives.hasNext()) {
            ObjectNode merged = Json.object();
            copy(always, merged);
            copy(alternatives.next(), merged);
            String platform = merged.path("platformName").asText(session.device().platform());
            if (platform.equalsIgnoreCase(session.device().platform())) {
                return withDevice(merged, session);
            }
        }
        return null;
    }

    private static ObjectNode withDevice(ObjectNode merged, SimSession.Request session) {
        ScenarioDevice device = session.device();
        boolean ios = "IOS".equals(device.platform());
        merged.put("platformName", ios ? "iOS" : "Android")
                .put("appium:automationName", ios ? "XCUITest" : "UiAutomator2")
                .put("appium:deviceName", device.name())
                .put("appium:platformVersion", device.os());
        String version = session.configuration().parameters().get("appium:version");
        if (version != null) {
            merged.put("appium:version", version);
        }
        if (session.appArn() != null) {
            merged.put("appium:app", session.appArn());
        }
        return merged;
    }

    private static void copy(JsonNode from, ObjectNode to) {
        if (from != null && from.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                to.set(e.getKey(), e.getValue());
            }
        }
    }
}
