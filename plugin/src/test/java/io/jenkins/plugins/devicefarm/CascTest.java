package io.jenkins.plugins.devicefarm;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;

/** The global settings as code: read under unclassified.deviceFarm and exported the same way. */
@WithJenkinsConfiguredWithCode
class CascTest {

    @Test
    @ConfiguredWithCode("casc.yml")
    void roundTrip(JenkinsConfiguredWithCodeRule j) throws Exception {
        DeviceFarmGlobalConfiguration c = DeviceFarmGlobalConfiguration.get();
        assertEquals("aws-devicefarm", c.getCredentialsId());
        assertEquals("us-west-2", c.getRegion());
        assertEquals("http://127.0.0.1:8787", c.getEndpointOverride());
        assertEquals(2, c.getMinPollSeconds());
        assertEquals(45, c.getMaxPollSeconds());
        assertEquals("arn:aws:devicefarm:us-west-2:123456789012:project:proj-1", c.getDefaultProjectArn());

        CNode node = getUnclassifiedRoot(new ConfigurationContext(ConfiguratorRegistry.get())).get("deviceFarm");
        String exported = toYamlString(node);
        for (String line : new String[] {"credentialsId: \"aws-devicefarm\"", "endpointOverride: \"http://127.0.0.1:8787\"",
                "minPollSeconds: 2", "maxPollSeconds: 45",
                "defaultProjectArn: \"arn:aws:devicefarm:us-west-2:123456789012:project:proj-1\""}) {
            assertTrue(exported.contains(line), () -> line + " missing from\n" + exported);
        }
    }
}
