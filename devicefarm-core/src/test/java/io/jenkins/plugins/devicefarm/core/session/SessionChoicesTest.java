package io.jenkins.plugins.devicefarm.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionChoicesTest {
    @Test
    void formsOfferEveryValueTheRequestAccepts() {
        assertThat(SessionChoices.billingMethods()).containsExactly("METERED", "UNMETERED");
        assertThat(SessionChoices.interactionModes()).containsExactly("INTERACTIVE", "NO_VIDEO", "VIDEO_ONLY");
        for (String b : SessionChoices.billingMethods()) {
            assertThat(new SessionRequest(SessionRequestTest.PROJECT, SessionRequestTest.DEVICE).billingMethod(b.toLowerCase())
                    .toSdkRequest().configuration().billingMethodAsString()).isEqualTo(b);
        }
    }
}
