package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a CreateRemoteAccessSession request against the account, member by member, as
 * Device Farm does: an ARN of the wrong shape or kind is an ArgumentException, one that names
 * nothing is a NotFoundException. Members the current model dropped (remoteRecordEnabled,
 * remoteRecordAppArn, clientId, sshPublicKey, remoteDebugEnabled) are not read.
 */
final class SessionRequests {
    static final Set<String> INTERACTION_MODES = Set.of("INTERACTIVE", "NO_VIDEO", "VIDEO_ONLY");
    static final int MAX_AUXILIARY_APPS = 3;
    static final int MAX_PARAMETERS = 3;

    private SessionRequests() {}

    static SimSession.Request read(JsonNode request, DeviceFarmState state, Instant now) {
        String projectArn = Requests.required(request, "projectArn");
        ScenarioProject project = state.project("projectArn", projectArn);
        ScenarioDevice device = state.device("deviceArn", Requests.required(request, "deviceArn"));
        String name = Requests.optional(request, "name");
        String appArn = Requests.optional(request, "appArn");
        if (appArn != null) {
            SessionApps.requireApp(state, "appArn", appArn, project, device, now);
        }
        return new SimSession.Request(
                projectArn,
                project,
                device,
                name == null ? device.name() : name,
                Requests.oneOf(request, "interactionMode", INTERACTION_MODES, "INTERACTIVE"),
                Requests.flag(request, "skipAppResign"),
                appArn,
                instanceArn(request, state, device),
                configuration(request, state, project, device, now));
    }

    /** The instance asked for, which must be one of the device's; else the device's first instance, if any. */
    private static String instanceArn(JsonNode request, DeviceFarmState state, ScenarioDevice device) {
        String arn = Requests.optional(request, "instanceArn");
        if (arn == null) {
            List<ScenarioInstance> instances = state.scenario().instancesOf(device.id());
            return instances.isEmpty() ? null : Arns.deviceInstance(state.accountId(), instances.get(0).id());
        }
        ScenarioInstance instance = state.deviceInstance("instanceArn", arn);
        if (!instance.device().equals(device.id())) {
            throw ApiException.argument("Invalid instanceArn: the device instance " + arn + " is not an instance of the device "
                    + Arns.device(device.id()) + ".");
        }
        return arn;
    }

    private static SessionConfiguration configuration(JsonNode request, DeviceFarmState state, ScenarioProject project,
            ScenarioDevice device, Instant now) {
        List<String> vpce = Requests.stringList(request, "configuration.vpceConfigurationArns", 0, Integer.MAX_VALUE);
        vpce.forEach(arn -> state.vpceConfiguration("configuration.vpceConfigurationArns", arn));
        List<String> auxiliaryApps = Requests.stringList(request, "configuration.auxiliaryApps", 0, MAX_AUXILIARY_APPS);
        auxiliaryApps.forEach(arn -> SessionApps.requireApp(state, "configuration.auxiliaryApps", arn, project, device, now));
        return new SessionConfiguration(
                Requests.oneOf(request, "configuration.billingMethod", Operations.BILLING_METHODS, "METERED"),
                vpce,
                auxiliaryApps,
                deviceProxy(request),
                Requests.stringMap(request, "configuration.parameters", 1, MAX_PARAMETERS));
    }

    private static DeviceProxy deviceProxy(JsonNode request) {
        if (!Requests.present(request, "configuration.deviceProxy")) {
            return null;
        }
        String host = Requests.required(request, "configuration.deviceProxy.host");
        int port = Requests.intInRange(request, "configuration.deviceProxy.port", 1, 65535, -1);
        if (port < 0) {
            throw ApiException.argument("Missing required parameter: configuration.deviceProxy.port.");
        }
        return new DeviceProxy(host, port);
    }
}
