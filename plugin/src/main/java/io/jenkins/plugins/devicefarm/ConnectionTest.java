package io.jenkins.plugins.devicefarm;

import hudson.util.FormValidation;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmErrors;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Project;

/**
 * The "Test connection" button of the global configuration: one ListProjects call with the
 * values in the form. (The core has no project listing, so this is the one direct SDK call here.)
 */
final class ConnectionTest {
    private static final int NAMES_SHOWN = 10;

    private ConnectionTest() {}

    static FormValidation run(String credentialsId, String region, String endpointOverride) {
        try (DeviceFarmClient client = DeviceFarmClients.forItem(null, credentialsId, region, endpointOverride)) {
            List<Project> projects = client.listProjects(r -> { }).projects();
            if (projects.isEmpty()) {
                return FormValidation.warning("Connected, but the account has no Device Farm projects yet.");
            }
            String names = projects.stream().limit(NAMES_SHOWN).map(Project::name).collect(Collectors.joining(", "));
            // Not ...WithMarkup: project names are remote text and are escaped.
            return FormValidation.ok("Connected. Projects: " + names + (projects.size() > NAMES_SHOWN ? ", ..." : ""));
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        } catch (SdkException e) {
            return FormValidation.error(DeviceFarmErrors.describe("ListProjects", "this account", e));
        }
    }
}
