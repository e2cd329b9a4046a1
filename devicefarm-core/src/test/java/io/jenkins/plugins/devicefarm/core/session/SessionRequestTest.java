package io.jenkins.plugins.devicefarm.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.InteractionMode;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class SessionRequestTest {
    static final String PROJECT = "arn:aws:devicefarm:us-west-2:123456789012:project:EXAMPLE-GUID-123-456";
    static final String DEVICE = "arn:aws:devicefarm:us-west-2::device:123EXAMPLE";
    static final String UPLOAD = "arn:aws:devicefarm:us-west-2:123456789012:upload:EXAMPLE-GUID-123-456/app-1";
    static final String UPLOAD_2 = "arn:aws:devicefarm:us-west-2:123456789012:upload:EXAMPLE-GUID-123-456/app-2";

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
    void appsProxyAndAppiumVersionReachTheSdkRequest() {
        SessionRequest request = new SessionRequest(PROJECT, DEVICE)
                .app(" " + UPLOAD + " ")
                .auxiliaryApps(List.of(UPLOAD_2, " ", "helper.apk"))
                .deviceProxy("proxy.example.com:8080")
                .appiumVersion(" 2 ");
        CreateRemoteAccessSessionRequest r = request.toSdkRequest();
        assertThat(r.appArn()).isEqualTo(UPLOAD);
        assertThat(r.configuration().deviceProxy().host()).isEqualTo("proxy.example.com");
        assertThat(r.configuration().deviceProxy().port()).isEqualTo(8080);
        // Names are resolved against Device Farm before the create; only ARNs are set here.
        assertThat(r.configuration().auxiliaryApps()).containsExactly(UPLOAD_2);
        assertThat(request.auxiliaryAppReferences()).extracting(AppReference::uploadName).containsExactly(null, "helper.apk");
        assertThat(request.parameters()).containsExactly(java.util.Map.entry("appium:version", "2"));
        assertThat(new SessionRequest(PROJECT, DEVICE).deviceProxy("[2001:db8::1]:3128").toSdkRequest().configuration().deviceProxy().host())
                .isEqualTo("2001:db8::1");
    }

    @Test
    void formChecksApplyTheSameRulesOneFieldAtATime() {
        SessionRequest.checkField("deviceProxy", List.of("proxy:8080"));
        SessionRequest.checkField("deviceProxy", List.of("${PROXY}"));
        SessionRequest.checkField("appiumVersion", List.of(""));
        SessionRequest.checkField("auxiliaryApps", List.of("a.apk", UPLOAD));
        assertThatThrownBy(() -> SessionRequest.checkField("deviceProxy", List.of("proxy")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("deviceProxy: ");
        assertThatThrownBy(() -> SessionRequest.checkField("appiumVersion", List.of("two")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("appiumVersion: ");
        assertThatThrownBy(() -> SessionRequest.checkField("app", List.of(PROJECT)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("app: ");
        assertThatThrownBy(() -> SessionRequest.checkField("auxiliaryApps", List.of("a", "b", "c", "d")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("auxiliaryApps: ");
    }

    @Test
    void anAppNameIsLeftForTheLookup() {
        SessionRequest request = new SessionRequest(PROJECT, DEVICE).app("app-release.apk");
        assertThat(request.toSdkRequest().appArn()).isNull();
        assertThat(request.appReference().uploadName()).isEqualTo("app-release.apk");
        assertThat(request.appReference().field()).isEqualTo("app");
    }

    @Test
    void workspacePathsAreUploadedThenReplacedByTheirArns() {
        SessionRequest request = new SessionRequest(PROJECT, DEVICE).app(" app/build/app-release.apk ")
                .auxiliaryApps(List.of(UPLOAD, "helper.apk", "ios\\Helper.ipa"));
        assertThat(request.toSdkRequest().appArn()).isNull(); // a path is valid input, left for the upload
        assertThat(request.workspaceApps()).extracting(AppReference::field, AppReference::path, AppReference::pathType)
                .containsExactly(tuple("app", "app/build/app-release.apk", UploadType.ANDROID_APP),
                        tuple("auxiliaryApps", "ios\\Helper.ipa", UploadType.IOS_APP));

        String other = UPLOAD.replace("app-1", "app-2");
        request.withUploadedApps(Map.of("app/build/app-release.apk", other, "ios\\Helper.ipa", UPLOAD));
        assertThat(request.workspaceApps()).isEmpty();
        assertThat(request.toSdkRequest().appArn()).isEqualTo(other);
        assertThat(request.auxiliaryAppReferences()).extracting(AppReference::uploadName).containsExactly(null, "helper.apk", null);
    }

    @Test
    void aRequestSavedWhileItsAppsUploadComesBackWhole() throws Exception {
        SessionRequest saved = new SessionRequest(PROJECT, DEVICE).name("s").billingMethod("metered")
                .vpceConfigurationArns(List.of("arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:v-1"))
                .app("app/app-release.apk").auxiliaryApps(List.of(UPLOAD_2, "ios/Helper.ipa")).appiumVersion("2")
                .deviceProxy("proxy.example.com:8080");
        SessionRequest back = roundTrip(saved);
        assertThat(back.workspaceApps()).extracting(AppReference::path).containsExactly("app/app-release.apk", "ios/Helper.ipa");
        back.withUploadedApps(Map.of("app/app-release.apk", UPLOAD, "ios/Helper.ipa", UPLOAD_2));
        CreateRemoteAccessSessionRequest r = back.toSdkRequest();
        assertThat(r.appArn()).isEqualTo(UPLOAD);
        assertThat(r.configuration().auxiliaryApps()).containsExactly(UPLOAD_2, UPLOAD_2);
        assertThat(r.configuration().vpceConfigurationArns()).hasSize(1);
        assertThat(back.parameters()).containsEntry("appium:version", "2");
        // A field AWS removed is still refused after the round trip.
        assertThatThrownBy(() -> roundTrip(new SessionRequest(PROJECT, DEVICE).dropped(DroppedField.CLIENT_ID, "me")).toSdkRequest())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("clientId: AWS removed");
    }

    private static SessionRequest roundTrip(SessionRequest r) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SessionRequest) in.readObject();
        }
    }

    @Test
    void everyDroppedFieldSaysWhatReplacedIt() {
        for (DroppedField d : DroppedField.values()) {
            assertThat(d.explanation()).startsWith(d.field() + ": AWS removed")
                    .containsAnyOf("in 'app'", "DEVICE_FARM_REMOTE_DRIVER_ENDPOINT");
        }
    }

    @Test
    void optionalFieldsLeftOutWhenBlank() {
        CreateRemoteAccessSessionRequest r = new SessionRequest(PROJECT, DEVICE).billingMethod(" ").interactionMode("")
                .app(" ").appiumVersion("").deviceProxy(" ").auxiliaryApps(List.of("")).dropped(DroppedField.CLIENT_ID, null).toSdkRequest();
        assertThat(r.configuration()).isNull();
        assertThat(r.interactionMode()).isNull();
        assertThat(r.skipAppResign()).isNull();
        assertThat(r.name()).isNull();
        assertThat(r.appArn()).isNull();
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
            Arguments.of("remoteRecordAppArn", (UnaryOperator<SessionRequest>) r -> r.dropped(DroppedField.REMOTE_RECORD_APP_ARN, UPLOAD), "Give the app in 'app' instead"),
            Arguments.of("remoteRecordEnabled", (UnaryOperator<SessionRequest>) r -> r.dropped(DroppedField.REMOTE_RECORD_ENABLED, true), "AWS removed remote recording"),
            Arguments.of("remoteRecordEnabled", (UnaryOperator<SessionRequest>) r -> r.dropped(DroppedField.REMOTE_RECORD_ENABLED, false), "AWS removed remote recording"),
            Arguments.of("clientId", (UnaryOperator<SessionRequest>) r -> r.dropped(DroppedField.CLIENT_ID, "me"), "DEVICE_FARM_REMOTE_DRIVER_ENDPOINT"),
            Arguments.of("sshPublicKey", (UnaryOperator<SessionRequest>) r -> r.dropped(DroppedField.SSH_PUBLIC_KEY, "ssh-ed25519 AAAA"), "AWS removed remote debugging"),
            Arguments.of("remoteDebugEnabled", (UnaryOperator<SessionRequest>) r -> r.dropped(DroppedField.REMOTE_DEBUG_ENABLED, true), "AWS removed remote debugging"),
            // A dropped field is refused before the other fields are even looked at.
            Arguments.of("remoteDebugEnabled", (UnaryOperator<SessionRequest>) r -> new SessionRequest("", "").dropped(DroppedField.REMOTE_DEBUG_ENABLED, true), "Remove it"),
            Arguments.of("app", (UnaryOperator<SessionRequest>) r -> r.app(PROJECT), "not the ARN of an upload"),
            Arguments.of("app", (UnaryOperator<SessionRequest>) r -> r.app("my\u0007app.apk"), "control characters"),
            Arguments.of("app", (UnaryOperator<SessionRequest>) r -> r.app("app/build/outputs/app-release.aab"), "is not an app file"),
            Arguments.of("auxiliaryApps", (UnaryOperator<SessionRequest>) r -> r.auxiliaryApps(List.of("build/helper")), "is not an app file"),
            Arguments.of("auxiliaryApps", (UnaryOperator<SessionRequest>) r -> r.auxiliaryApps(List.of("a", "b", "c", "d")), "at most 3"),
            Arguments.of("auxiliaryApps", (UnaryOperator<SessionRequest>) r -> r.auxiliaryApps(List.of("arn:aws:devicefarm:us-west-2:1:upload")), "upload"),
            Arguments.of("appiumVersion", (UnaryOperator<SessionRequest>) r -> r.appiumVersion("2.11.3"), "major version only"),
            Arguments.of("appiumVersion", (UnaryOperator<SessionRequest>) r -> r.appiumVersion("latest"), "major version only"),
            Arguments.of("deviceProxy", (UnaryOperator<SessionRequest>) r -> r.deviceProxy("proxy.example.com"), "has no port"),
            Arguments.of("deviceProxy", (UnaryOperator<SessionRequest>) r -> r.deviceProxy("proxy.example.com:http"), "no numeric port"),
            Arguments.of("deviceProxy", (UnaryOperator<SessionRequest>) r -> r.deviceProxy("proxy.example.com:70000"), "out of range"),
            Arguments.of("deviceProxy", (UnaryOperator<SessionRequest>) r -> r.deviceProxy("http://proxy:8080"), "without a scheme"),
            Arguments.of("deviceProxy", (UnaryOperator<SessionRequest>) r -> r.deviceProxy("user@proxy:8080"), "no valid host"),
            Arguments.of("deviceProxy", (UnaryOperator<SessionRequest>) r -> r.deviceProxy("2001:db8::1:8080"), "in brackets"));
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
