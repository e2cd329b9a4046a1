package io.jenkins.plugins.devicefarm.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

class DeviceFarmClientFactoryTest {
    private static final StaticCredentialsProvider CREDS = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

    @Test
    void defaultRegionIsUsWest2() {
        try (DeviceFarmClient c = DeviceFarmClientFactory.create(ClientSettings.builder().region(" ").credentials(CREDS).build())) {
            assertThat(c.serviceClientConfiguration().region()).isEqualTo(Region.US_WEST_2);
            assertThat(c.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void otherRegionAllowedOnlyWithEndpointOverride() {
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().region("eu-west-1").credentials(CREDS).build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("region: Device Farm is not offered in eu-west-1. Use us-west-2, the only region that serves Device Farm");
        try (DeviceFarmClient c = DeviceFarmClientFactory.create(ClientSettings.builder().region("eu-west-1")
                .endpointOverride("http://127.0.0.1:1").credentials(CREDS).build())) {
            assertThat(c.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(c.serviceClientConfiguration().endpointOverride()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(1));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "moon-base-1          | region           | not an AWS region name",
        "us-west-2; rm        | region           | not an AWS region name",
    })
    void badRegions(String region, String field, String message) {
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().region(region).credentials(CREDS).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(field + ": ").hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"ftp://host", "not a url", "http://", "file:///etc/passwd"})
    void badEndpoints(String endpoint) {
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().endpointOverride(endpoint).credentials(CREDS).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("endpointOverride: ");
    }

    @Test
    void missingCredentialsNamesTheField() {
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().build()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("credentialsId: no AWS credentials");
    }

    @Test
    void timeoutsAndAttemptsAreBounded() {
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().credentials(CREDS).connectTimeout(Duration.ZERO).build()))
                .hasMessageStartingWith("connectTimeout: ");
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().credentials(CREDS).readTimeout(Duration.ofHours(2)).build()))
                .hasMessageStartingWith("readTimeout: ");
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().credentials(CREDS).maxAttempts(0).build()))
                .hasMessageStartingWith("maxAttempts: ");
    }

    @Test
    void proxyPortValidatedAndPasswordNeverShown() {
        ProxySettings p = new ProxySettings("proxy.example", 70000, "bob", "hunter2", List.of("*.internal"));
        assertThatThrownBy(() -> DeviceFarmClientFactory.create(ClientSettings.builder().credentials(CREDS).proxy(p).build()))
                .hasMessageStartingWith("proxy port: ");
        assertThat(p.toString()).doesNotContain("hunter2");
    }
}
