package io.jenkins.plugins.devicefarm.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/** The endpoints as the SDK 2.40.2 model carries them: endpoints{} plus the deprecated endpoint. */
class RemoteEndpointsTest {
    private static final String DRIVER = "https://driver.example/remote-driver/t0k3n/wd/hub";
    private static final String INTERACTIVE = "https://driver.example/interactive/t0k3n";
    private static final String LEGACY = "https://driver.example/legacy/t0k3n";

    @Test
    void allThreeAreReadFromTheModelAndNoneIsPrinted() {
        RemoteAccessSession s = RemoteAccessSession.builder().arn("arn:x").endpoint(LEGACY)
                .endpoints(e -> e.remoteDriverEndpoint(DRIVER).interactiveEndpoint(INTERACTIVE)).build();
        RemoteEndpoints e = RemoteEndpoints.of(s);
        assertThat(e.remoteDriverEndpoint()).isEqualTo(DRIVER);
        assertThat(e.interactiveEndpoint()).isEqualTo(INTERACTIVE);
        assertThat(e.endpoint()).isEqualTo(LEGACY);
        assertThat(e.secrets()).containsExactlyInAnyOrder(DRIVER, INTERACTIVE, LEGACY);
        assertThat(e.secrets().get(0)).isEqualTo(DRIVER); // longest first
        assertThat(e.toString()).doesNotContain("t0k3n").contains("3 masked");
    }

    @Test
    void aSessionWithoutEndpointsHasNone() {
        RemoteEndpoints e = RemoteEndpoints.of(RemoteAccessSession.builder().arn("arn:x").endpoints(b -> b.remoteDriverEndpoint(" ")).build());
        assertThat(e.isEmpty()).isTrue();
        assertThat(e.secrets()).isEmpty();
    }
}
