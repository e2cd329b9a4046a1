package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A RemoteAccessSession as the current model has it. The endpoints are secrets handed out only
 * while the session is RUNNING; members the model dropped (remoteDebugEnabled,
 * remoteRecordEnabled, remoteRecordAppArn, clientId, hostAddress) are never written.
 */
final class SessionView {
    private SessionView() {}

    static ObjectNode of(SimSession session, Scenario scenario, Instant now) {
        SessionState state = session.state(now);
        SimSession.Request request = session.request();
        ObjectNode node = Json.object()
                .put("arn", session.arn())
                .put("name", request.name());
        Json.putTime(node, "created", session.created());
        node.put("status", state.status()).put("result", state.result());
        Json.putIfPresent(node, "message", state.message());
        Json.putTime(node, "started", state.started());
        Json.putTime(node, "stopped", state.stopped());
        node.set("device", Views.device(request.device(), scenario));
        Json.putIfPresent(node, "instanceArn", request.instanceArn());
        node.put("billingMethod", request.billingMethod());
        node.set("deviceMinutes", Json.minutes(DeviceMinutes.of(state.billedMinutes(), request.billingMethod())));
        if ("RUNNING".equals(state.status())) {
            SessionEndpoints endpoints = session.endpoints();
            node.put("endpoint", endpoints.endpoint());
            node.putObject("endpoints")
                    .put("remoteDriverEndpoint", endpoints.remoteDriverEndpoint())
                    .put("interactiveEndpoint", endpoints.interactiveEndpoint());
        }
        node.put("interactionMode", request.interactionMode())
                .put("skipAppResign", request.skipAppResign());
        if (request.project().vpcConfig() != null) {
            node.set("vpcConfig", Views.vpcConfig(request.project().vpcConfig()));
        }
        DeviceProxy proxy = request.configuration().deviceProxy();
        if (proxy != null) {
            node.putObject("deviceProxy").put("host", proxy.host()).put("port", proxy.port());
        }
        Json.putIfPresent(node, "appUpload", request.appArn());
        return node;
    }
}
