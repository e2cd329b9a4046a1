package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionRequest;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/** CreateRemoteAccessSession and RemoteAccessSession as the current model (SDK 2.40.2) has them. */
class SessionModelTest extends SimulatorFixture {
    private String androidApp;
    private String helperApp;

    @org.junit.jupiter.api.BeforeEach
    void uploadApps() {
        androidApp = uploaded("demo-app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        helperApp = uploaded("helper.apk", UploadType.ANDROID_APP, SampleFiles.apk());
    }

    private RemoteAccessSession create(Consumer<CreateRemoteAccessSessionRequest.Builder> request) {
        return client.createRemoteAccessSession(r -> {
            r.projectArn(project).deviceArn(PIXEL);
            request.accept(r);
        }).remoteAccessSession();
    }

    @Test
    void appUploadIsEchoedWhenTheAppIsAProcessedAppOfTheProject() {
        assertThat(create(r -> r.appArn(androidApp)).appUpload()).isEqualTo(androidApp);
        String iosApp = uploaded("demo-app.ipa", UploadType.IOS_APP, SampleFiles.ipa());
        assertThat(create(r -> r.deviceArn(IPHONE).appArn(iosApp)).appUpload()).isEqualTo(iosApp);
    }

    @Test
    void anAppThatIsNotThereIsNotFound() {
        String unknown = androidApp.substring(0, androidApp.lastIndexOf('/') + 1) + "00000000-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> create(r -> r.appArn(unknown))).isInstanceOf(NotFoundException.class);
        String otherProject = uploaded(simulator.projectArns().get(1), "web.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        assertThatThrownBy(() -> create(r -> r.appArn(otherProject))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAppArnOfTheWrongKindStateOrPlatformIsAnArgumentError() throws Exception {
        String initialized = client.createUpload(r -> r.projectArn(project).name("later.apk").type(UploadType.ANDROID_APP))
                .upload().arn();
        String corrupt = uploaded("corrupt.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        String testPackage = uploaded("tests.zip", UploadType.APPIUM_JAVA_JUNIT_TEST_PACKAGE, SampleFiles.zip("Test.class"));
        String iosApp = uploaded("demo-app.ipa", UploadType.IOS_APP, SampleFiles.ipa());
        var processing = client.createUpload(r -> r.projectArn(project).name("next.apk").type(UploadType.ANDROID_APP)).upload();
        put(processing.url(), SampleFiles.apk(), null); // processing takes 5 s of the clock, which stands still
        assertThatThrownBy(() -> create(r -> r.appArn(initialized))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Missing or unprocessed resources").hasMessageContaining("INITIALIZED");
        assertThatThrownBy(() -> create(r -> r.appArn(processing.arn()))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Missing or unprocessed resources").hasMessageContaining("PROCESSING");
        assertThatThrownBy(() -> create(r -> r.appArn(corrupt))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("FAILED");
        assertThatThrownBy(() -> create(r -> r.appArn(project))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("appArn");
        assertThatThrownBy(() -> create(r -> r.appArn(testPackage))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("not an app");
        assertThatThrownBy(() -> create(r -> r.appArn(iosApp))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("cannot be installed on the ANDROID device");
        assertThat(client.listRemoteAccessSessions(r -> r.arn(project)).remoteAccessSessions()).isEmpty();
    }

    @Test
    void instanceArnIsEchoedAndADevicesOwnInstanceIsUsedWithoutOne() {
        assertThat(create(r -> r.deviceArn(PRIVATE_IPHONE).instanceArn(INSTANCE)).instanceArn()).isEqualTo(INSTANCE);
        assertThat(create(r -> r.deviceArn(PRIVATE_IPHONE)).instanceArn()).isEqualTo(INSTANCE);
    }

    @Test
    void aPublicDeviceSessionHasNoInstance() {
        assertThat(create(r -> r.name("public")).instanceArn()).isNull();
    }

    @Test
    void anUnknownInstanceIsNotFoundAndAnotherDevicesInstanceIsAnArgumentError() {
        assertThatThrownBy(() -> create(r -> r.deviceArn(PRIVATE_IPHONE)
                .instanceArn("arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:nope")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> create(r -> r.instanceArn(INSTANCE))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("not an instance of the device");
        assertThatThrownBy(() -> create(r -> r.deviceArn(PRIVATE_IPHONE).instanceArn(PRIVATE_IPHONE)))
                .isInstanceOf(ArgumentException.class);
    }

    @Test
    void vpceConfigurationsMustExist() {
        assertThat(create(r -> r.configuration(c -> c.vpceConfigurationArns(VPCE))).status())
                .isEqualTo(ExecutionStatus.PENDING);
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.vpceConfigurationArns(
                "arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:00000000-0000-4000-8000-000000000000"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void upToThreeAuxiliaryAppsEachAProcessedApp() {
        assertThat(create(r -> r.configuration(c -> c.auxiliaryApps(helperApp, androidApp))).status())
                .isEqualTo(ExecutionStatus.PENDING);
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.auxiliaryApps(helperApp, helperApp, helperApp,
                helperApp)))).isInstanceOf(ArgumentException.class).hasMessageContaining("auxiliaryApps");
        String ghost = helperApp.substring(0, helperApp.lastIndexOf('/') + 1) + "ghost";
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.auxiliaryApps(ghost))))
                .isInstanceOf(NotFoundException.class);
        String testPackage = uploaded("tests.zip", UploadType.APPIUM_JAVA_JUNIT_TEST_PACKAGE, SampleFiles.zip("Test.class"));
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.auxiliaryApps(testPackage))))
                .isInstanceOf(ArgumentException.class);
    }

    @Test
    void deviceProxyIsEchoedAndNeedsAHostAndAPort() {
        RemoteAccessSession session = create(r -> r.configuration(c -> c.deviceProxy(p -> p.host("proxy.example").port(3128))));
        assertThat(session.deviceProxy().host()).isEqualTo("proxy.example");
        assertThat(session.deviceProxy().port()).isEqualTo(3128);
        assertThat(create(r -> r.name("no proxy")).deviceProxy()).isNull();
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.deviceProxy(p -> p.host("proxy.example")))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("configuration.deviceProxy.port");
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.deviceProxy(p -> p.host("x").port(70000)))))
                .isInstanceOf(ArgumentException.class);
    }

    @Test
    void skipAppResignIsEchoed() {
        assertThat(create(r -> r.skipAppResign(true)).skipAppResign()).isTrue();
        assertThat(create(r -> r.name("resign")).skipAppResign()).isFalse();
    }

    @Test
    void vpcConfigIsTheProjectsVpc() {
        String web = simulator.projectArns().get(1);
        RemoteAccessSession session = client.createRemoteAccessSession(r -> r.projectArn(web).deviceArn(PIXEL))
                .remoteAccessSession();
        assertThat(session.vpcConfig().vpcId()).isEqualTo("vpc-0123abcd");
        assertThat(session.vpcConfig().subnetIds()).containsExactly("subnet-0a1b2c3d", "subnet-4e5f6a7b");
        assertThat(session.vpcConfig().securityGroupIds()).containsExactly("sg-0a1b2c3d");
        assertThat(create(r -> r.name("no vpc")).vpcConfig()).isNull();
    }

    @Test
    void endpointsOnlyWhileRunning() {
        RemoteAccessSession created = create(r -> r.name("endpoints"));
        assertThat(created.endpoints()).isNull();
        advance(40);
        RemoteAccessSession running = getSession(created.arn());
        assertThat(running.endpoints().remoteDriverEndpoint())
                .startsWith(simulator.endpoint() + "/remote-driver/").endsWith("/wd/hub");
        assertThat(running.endpoints().interactiveEndpoint()).startsWith(simulator.endpoint() + "/interactive/");
        assertThat(running.endpoint()).startsWith("wss://");
        client.stopRemoteAccessSession(r -> r.arn(created.arn()));
        assertThat(getSession(created.arn()).endpoints()).isNull();
        advance(5);
        assertThat(getSession(created.arn()).endpoints()).isNull();
    }

    @Test
    void everyMemberWrittenExistsInTheCurrentModel() throws Exception {
        String iosApp = uploaded("demo-app.ipa", UploadType.IOS_APP, SampleFiles.ipa());
        String arn = create(r -> r.deviceArn(PRIVATE_IPHONE).appArn(iosApp).skipAppResign(true)
                .configuration(c -> c.vpceConfigurationArns(VPCE).auxiliaryApps(iosApp)
                        .deviceProxy(p -> p.host("proxy.example").port(8888)))).arn();
        advance(40);
        JsonNode running = raw("GetRemoteAccessSession", arn).get("remoteAccessSession");
        assertThat(running.fieldNames()).toIterable().contains("endpoints", "endpoint", "appUpload", "deviceProxy",
                "instanceArn", "skipAppResign");
        assertThat(ModelShape.unknownMembers(running,
                software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession.builder())).isEmpty();
        client.stopRemoteAccessSession(r -> r.arn(arn));
        advance(60);
        JsonNode done = raw("GetRemoteAccessSession", arn).get("remoteAccessSession");
        assertThat(ModelShape.unknownMembers(done,
                software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession.builder())).isEmpty();
    }

    @Test
    void theShapeCheckCatchesAMemberTheModelDropped() throws Exception {
        JsonNode old = Json.MAPPER.readTree("{\"arn\":\"a\",\"remoteRecordEnabled\":true,\"device\":{\"hostAddress\":\"h\"}}");
        assertThat(ModelShape.unknownMembers(old,
                software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession.builder()))
                .containsExactly(".remoteRecordEnabled", ".device.hostAddress");
    }

    @Test
    void droppedRequestMembersAreNeitherReadNorEchoed() throws Exception {
        JsonNode session = RawHttp.json(RawHttp.call(simulator.endpoint(), "CreateRemoteAccessSession",
                "{\"projectArn\":\"" + project + "\",\"deviceArn\":\"" + PIXEL + "\",\"remoteRecordEnabled\":true,"
                        + "\"remoteRecordAppArn\":\"" + androidApp + "\",\"clientId\":\"c-1\",\"sshPublicKey\":\"ssh-rsa AAA\","
                        + "\"remoteDebugEnabled\":true}", RawHttp.FAKE_SIGV4)).get("remoteAccessSession");
        for (String dropped : List.of("remoteRecordEnabled", "remoteRecordAppArn", "clientId", "remoteDebugEnabled",
                "hostAddress")) {
            assertThat(session.has(dropped)).as(dropped).isFalse();
        }
    }

    @Test
    void parametersTakeOneToThreeKeys() throws Exception {
        String base = "{\"projectArn\":\"" + project + "\",\"deviceArn\":\"" + PIXEL + "\",\"configuration\":{\"parameters\":";
        assertThat(RawHttp.call(simulator.endpoint(), "CreateRemoteAccessSession",
                base + "{\"appium:version\":\"2\"}}}", RawHttp.FAKE_SIGV4).statusCode()).isEqualTo(200);
        var tooMany = RawHttp.call(simulator.endpoint(), "CreateRemoteAccessSession",
                base + "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}}}", RawHttp.FAKE_SIGV4);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(tooMany).get("__type").asText()).isEqualTo("ArgumentException");
        assertThat(RawHttp.json(tooMany).get("message").asText()).contains("configuration.parameters");
        assertThat(RawHttp.call(simulator.endpoint(), "CreateRemoteAccessSession", base + "{}}}", RawHttp.FAKE_SIGV4)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aSessionOnABusyDeviceWaitsInPendingDevice() {
        RemoteAccessSession created = create(r -> r.deviceArn(BUSY_TABLET));
        assertThat(created.status()).isEqualTo(ExecutionStatus.PENDING);
        advance(10);
        assertThat(getSession(created.arn()).status()).isEqualTo(ExecutionStatus.PENDING_DEVICE);
        assertThat(getSession(created.arn()).deviceMinutes().total()).isZero();
        advance(59);
        assertThat(getSession(created.arn()).status()).isEqualTo(ExecutionStatus.PENDING_DEVICE);
        advance(1);
        assertThat(getSession(created.arn()).status()).isEqualTo(ExecutionStatus.PREPARING);
        assertThat(getSession(created.arn()).started()).isEqualTo(created.created().plusSeconds(70));
    }

    @Test
    void stoppingASessionGoesThroughStopping() {
        RemoteAccessSession created = create(r -> r.name("stop"));
        advance(40);
        assertThat(client.stopRemoteAccessSession(r -> r.arn(created.arn())).remoteAccessSession().status())
                .isEqualTo(ExecutionStatus.STOPPING);
    }

    private JsonNode raw(String operation, String arn) throws Exception {
        return RawHttp.json(RawHttp.call(simulator.endpoint(), operation, "{\"arn\":\"" + arn + "\"}", RawHttp.FAKE_SIGV4));
    }
}
