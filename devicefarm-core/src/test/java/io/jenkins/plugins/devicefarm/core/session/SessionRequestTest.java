package io.jenkins.plugins.devicefarm.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.InteractionMode;

class SessionRequestTest {
    static final String PROJECT = "arn:aws:devicefarm:us-west-2:123456789012:project:EXAMPLE-GUID-123-456";
    static final String DEVICE = "arn:aws:devicefarm:us-west-2::device:123EXAMPLE";

    @Test
    void everySupportedFieldReachesTheSdkRequest() {
        CreateRemoteAccessSessionRequest r = new SessionRequest(PROJECT, DEVICE)
                .instanceArn("arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:inst-1")
                .name(" MySession ")
                .billingMethod("unmetered")
                .vpceConfigurationArns(List.of("arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:v-1", " "))
                .interactionMode("video_only")
                .skipAppResign(true)
                .toSdkRequest();
        assertThat(r.projectArn()).isEqualTo(PROJECT);
        assertThat(r.deviceArn()).isEqualTo(DEVICE);
        assertThat(r.instanceArn()).endsWith(":deviceinstance:inst-1");
        assertThat(r.name()).isEqualTo("MySession");
        assertThat(r.configuration().billingMethod()).isEqualTo(BillingMethod.UNMETERED);
        assertThat(r.configuration().vpceConfigurationArns()).containsExactly("arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:v-1");
        assertThat(r.interactionMode()).isEqualTo(InteractionMode.VIDEO_ONLY);
        assertThat(r.skipAppResign()).isTrue();
    }

    @Test
    void optionalFieldsLeftOutWhenBlank() {
        CreateRemoteAccessSessionRequest r = new SessionRequest(PROJECT, DEVICE).billingMethod(" ").interactionMode("").toSdkRequest();
        assertThat(r.configuration()).isNull();
        assertThat(r.interactionMode()).isNull();
        assertThat(r.skipAppResign()).isNull();
        assertThat(r.name()).isNull();
    }

    static List<Arguments> badInput() {
        return List.<Arguments>of(
            Arguments.of("projectArn", (UnaryOperator<SessionRequest>) r -> new SessionRequest(DEVICE, DEVICE), "not the ARN of a project"),
            Arguments.of("projectArn", (UnaryOperator<SessionRequest>) r -> new SessionRequest("", DEVICE), "is empty"),
            Arguments.of("deviceArn", (UnaryOperator<SessionRequest>) r -> new SessionRequest(PROJECT, PROJECT), "not the ARN of a device"),
            Arguments.of("deviceArn", (UnaryOperator<SessionRequest>) r -> new SessionRequest(PROJECT, "Pixel 7"), "is not an ARN"),
            Arguments.of("instanceArn", (UnaryOperator<SessionRequest>) r -> r.instanceArn(DEVICE), "not the ARN of a device instance"),
            Arguments.of("billingMethod", (UnaryOperator<SessionRequest>) r -> r.billingMethod("FREE"), "Use one of METERED, UNMETERED"),
            Arguments.of("interactionMode", (UnaryOperator<SessionRequest>) r -> r.interactionMode("TOUCH"), "Use one of INTERACTIVE, NO_VIDEO, VIDEO_ONLY"),
            Arguments.of("name", (UnaryOperator<SessionRequest>) r -> r.name("x".repeat(300)), "Use at most 256 characters"),
            Arguments.of("name", (UnaryOperator<SessionRequest>) r -> r.name("a\u0000b"), "control characters"),
            Arguments.of("vpceConfigurationArns", (UnaryOperator<SessionRequest>) r -> r.vpceConfigurationArns(List.of("vpce-123")), "is not an ARN"),
            Arguments.of("remoteRecordAppArn", (UnaryOperator<SessionRequest>) r -> r.remoteRecordAppArn(PROJECT), "no longer supported by Device Farm"),
            Arguments.of("remoteRecordEnabled", (UnaryOperator<SessionRequest>) r -> r.remoteRecordEnabled(true), "no longer supported by Device Farm"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badInput")
    void badInputNamesTheField(String field, UnaryOperator<SessionRequest> change, String message) {
        SessionRequest r = change.apply(new SessionRequest(PROJECT, DEVICE));
        assertThatThrownBy(r::toSdkRequest)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(field + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void unicodeNamesAreFine() {
        assertThat(new SessionRequest(PROJECT, DEVICE).name("Séance 📱 テスト").toSdkRequest().name()).isEqualTo("Séance 📱 テスト");
    }
}
