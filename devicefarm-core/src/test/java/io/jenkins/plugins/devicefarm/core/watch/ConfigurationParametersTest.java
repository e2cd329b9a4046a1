package io.jenkins.plugins.devicefarm.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK has no member for configuration.parameters yet: it is written into the JSON the SDK made. */
class ConfigurationParametersTest {
    private final ConfigurationParameters appium = new ConfigurationParameters(Map.of("appium:version", "2"));

    @Test
    void addedToAnExistingConfiguration() {
        assertThat(appium.withParameters("{\"projectArn\":\"p\",\"configuration\":{\"billingMethod\":\"METERED\"}}"))
                .isEqualTo("{\"projectArn\":\"p\",\"configuration\":{\"parameters\":{\"appium:version\":\"2\"},\"billingMethod\":\"METERED\"}}");
    }

    @Test
    void aConfigurationIsMadeWhenThereIsNone() {
        assertThat(appium.withParameters("{\"projectArn\":\"p\"}"))
                .isEqualTo("{\"configuration\":{\"parameters\":{\"appium:version\":\"2\"}},\"projectArn\":\"p\"}");
        assertThat(appium.withParameters("{}")).isEqualTo("{\"configuration\":{\"parameters\":{\"appium:version\":\"2\"}}}");
        assertThat(appium.withParameters("{\"configuration\":{}}")).isEqualTo("{\"configuration\":{\"parameters\":{\"appium:version\":\"2\"}}}");
    }
}
