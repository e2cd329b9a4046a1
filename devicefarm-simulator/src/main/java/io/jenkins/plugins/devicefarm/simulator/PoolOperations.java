package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * GetDevicePool, and GetDevicePoolCompatibility: every device of a pool as compatible or not
 * with an app (and test type), with Device Farm's reasons. An app not yet processed is refused
 * as ScheduleRun refuses it, since its platform and minimum OS are not known before.
 */
final class PoolOperations {
    private final DeviceFarmState state;

    PoolOperations(DeviceFarmState state) {
        this.state = state;
    }

    ObjectNode get(JsonNode request) {
        ObjectNode response = Json.object();
        response.set("devicePool", Views.devicePool(state.devicePool("arn", Requests.required(request, "arn"))));
        return response;
    }

    ObjectNode compatibility(JsonNode request, Instant now) {
        ScenarioDevicePool pool = state.devicePool("devicePoolArn", Requests.required(request, "devicePoolArn"));
        String projectArn = Requests.optional(request, "projectArn");
        if (projectArn != null) {
            state.project("projectArn", projectArn);
        }
        String testType = Requests.oneOf(request, "test.type", UploadKinds.TEST_TYPES,
                Requests.oneOf(request, "testType", UploadKinds.TEST_TYPES, null));
        String appArn = Requests.optional(request, "appArn");
        SimUpload app = appArn == null ? null : state.uploads().get("appArn", appArn);
        if (app != null) {
            if (!UploadKinds.isApp(app.type())) {
                throw ApiException.argument("Invalid appArn: " + appArn + " is a " + app.type() + " upload, not an app.");
            }
            if (!"SUCCEEDED".equals(app.status(now))) {
                throw ApiException.argument("Missing or unprocessed resources: the upload " + appArn + " is "
                        + app.status(now) + ".");
            }
        }
        Compatibility fit = Compatibility.of(app, testType);
        ObjectNode response = Json.object();
        ArrayNode compatible = response.putArray("compatibleDevices");
        ArrayNode incompatible = response.putArray("incompatibleDevices");
        for (String id : pool.devices()) {
            ScenarioDevice device = state.scenario().device(id).orElseThrow();
            List<Compatibility.Reason> reasons = fit.reasons(device);
            ObjectNode result = (reasons.isEmpty() ? compatible : incompatible).addObject();
            result.set("device", Views.device(device, state.scenario()));
            result.put("compatible", reasons.isEmpty());
            ArrayNode messages = result.putArray("incompatibilityMessages");
            reasons.forEach(reason -> messages.addObject().put("message", reason.message()).put("type", reason.type()));
        }
        return response;
    }
}
