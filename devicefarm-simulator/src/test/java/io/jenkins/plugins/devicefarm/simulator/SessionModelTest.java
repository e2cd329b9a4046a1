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

/** CreateRemoteAccessSession and RemoteAccessSession as the current model (SDK 2.40.2) has them. */
class SessionModelTest extends SimulatorFixture {

    private RemoteAccessSession create(Consumer<CreateRemoteAccessSessionRequest.Builder> request) {
        return client.createRemoteAccessSession(r -> {
            r.projectArn(project).deviceArn(PIXEL);
            request.accept(r);
        }).remoteAccessSession();
    }

    @Test
    void appUploadIsEchoedWhenTheAppIsAProcessedAppOfTheProject() {
        assertThat(create(r -> r.appArn(ANDROID_APP)).appUpload()).isEqualTo(ANDROID_APP);
        assertThat(create(r -> r.deviceArn(IPHONE).appArn(IOS_APP)).appUpload()).isEqualTo(IOS_APP);
    }

    @Test
    void anAppThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> create(r -> r.appArn(UPLOADS + "00000000-0000-4000-8000-000000000000")))
                .isInstanceOf(NotFoundException.class);
        String otherProject = "arn:aws:devicefarm:us-west-2:123456789012:upload:9a3f0c2e-47d1-4b7e-8f6a-0c5d2e1b9a77/"
                + "a11a11a1-0000-4000-8000-000000000001";
        assertThatThrownBy(() -> create(r -> r.appArn(otherProject))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAppArnOfTheWrongKindStateOrPlatformIsAnArgumentError() {
        assertThatThrownBy(() -> create(r -> r.appArn(project))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("appArn");
        assertThatThrownBy(() -> create(r -> r.appArn(PROCESSING_APP))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Missing or unprocessed resources");
        assertThatThrownBy(() -> create(r -> r.appArn(TEST_PACKAGE))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("not an app");
        assertThatThrownBy(() -> create(r -> r.appArn(IOS_APP))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("cannot be installed on the ANDROID device");
        assertThat(client.listRemoteAccessSessions(r -> r.arn(project)).remoteAccessSessions()).isEmpty();
    }

    @Test
    void instanceArnIsEchoedAndADevicesOwnInstanceIsUsedWithoutOne() {
        assertThat(create(r -> r.deviceArn(PRIVATE_PIXEL).instanceArn(INSTANCE)).instanceArn()).isEqualTo(INSTANCE);
        assertThat(create(r -> r.deviceArn(PRIVATE_PIXEL)).instanceArn()).isEqualTo(INSTANCE);
    }

    @Test
    void aPublicDeviceSessionHasNoInstance() {
        assertThat(create(r -> r.name("public")).instanceArn()).isNull();
    }

    @Test
    void anUnknownInstanceIsNotFoundAndAnotherDevicesInstanceIsAnArgumentError() {
        assertThatThrownBy(() -> create(r -> r.deviceArn(PRIVATE_PIXEL)
                .instanceArn("arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:nope")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> create(r -> r.instanceArn(INSTANCE))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("not an instance of the device");
        assertThatThrownBy(() -> create(r -> r.deviceArn(PRIVATE_PIXEL).instanceArn(PRIVATE_PIXEL)))
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
        assertThat(create(r -> r.configuration(c -> c.auxiliaryApps(HELPER_APP, ANDROID_APP))).status())
                .isEqualTo(ExecutionStatus.PENDING);
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.auxiliaryApps(HELPER_APP, HELPER_APP, HELPER_APP,
                HELPER_APP)))).isInstanceOf(ArgumentException.class).hasMessageContaining("auxiliaryApps");
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.auxiliaryApps(UPLOADS + "ghost"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> create(r -> r.configuration(c -> c.auxiliaryApps(TEST_PACKAGE))))
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
        String arn = create(r -> r.deviceArn(PRIVATE_PIXEL).appArn(ANDROID_APP).skipAppResign(true)
                .configuration(c -> c.vpceConfigurationArns(VPCE).auxiliaryApps(HELPER_APP)
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
                        + "\"remoteRecordAppArn\":\"" + ANDROID_APP + "\",\"clientId\":\"c-1\",\"sshPublicKey\":\"ssh-rsa AAA\","
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
