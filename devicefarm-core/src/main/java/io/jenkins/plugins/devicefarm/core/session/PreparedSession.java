package io.jenkins.plugins.devicefarm.core.session;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.util.Map;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;

/**
 * A session request Device Farm has confirmed piece by piece (project, device and apps exist,
 * app names resolved to upload ARNs), under the unique name it will be created with. Record the
 * unique name before creating: a session whose create answer was lost, or that was being created
 * when Jenkins stopped, is found again by it.
 *
 * @param request    the validated SDK request, named {@code uniqueName}
 * @param parameters configuration parameters (appium:version) to send with it
 */
public record PreparedSession(DeviceFarmArn project, CreateRemoteAccessSessionRequest request, Map<String, String> parameters) {
    public String uniqueName() {
        return request.name();
    }
}
