package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    private static final String MINIMAL = """
            {"projects":[{"name":"P"}],
             "devices":[{"name":"Phone A","platform":"IOS"},{"name":"Phone B","remoteAccessEnabled":false}],
             "devicePools":[{"name":"All","devices":["Phone A","Phone B"]}],
             "runScripts":[{"namePattern":"red","result":"FAILED","counters":{"failed":1}}]}
            """;

    @Test
    void minimalFileGetsDefaultsAndStableIds() {
        Scenario a = Scenario.parse(MINIMAL);
        Scenario b = Scenario.parse(MINIMAL);
        assertThat(a.accountId()).isEqualTo("123456789012");
        assertThat(a.devices().get(0).id()).matches("[0-9A-F]{32}").isEqualTo(b.devices().get(0).id());
        assertThat(a.devices().get(0).manufacturer()).isEqualTo("Apple");
        assertThat(a.devices().get(1).platform()).isEqualTo("ANDROID");
        assertThat(a.devices().get(1).remoteAccessEnabled()).isFalse();
        assertThat(a.projects().get(0).id()).isEqualTo(b.projects().get(0).id());
        assertThat(a.devicePools().get(0).devices())
                .containsExactly(a.devices().get(0).id(), a.devices().get(1).id());
        assertThat(a.sessionScript()).isEqualTo(SessionScript.DEFAULT);
    }

    @Test
    void firstMatchingScriptWinsAndPrependedScriptsComeFirst() {
        Scenario scenario = Scenario.parse(MINIMAL);
        assertThat(scenario.scriptFor("all red").result()).isEqualTo("FAILED");
        assertThat(scenario.scriptFor("green").result()).isEqualTo("PASSED"); // built-in default
        scenario.prependRunScript(RunScript.DEFAULT.withNamePattern("^all"));
        assertThat(scenario.scriptFor("all red").result()).isEqualTo("PASSED");
    }

    @Test
    void demoScriptsPickOutcomesByName() {
        Scenario demo = Scenario.demo();
        assertThat(demo.scriptFor("Nightly FAIL").result()).isEqualTo("FAILED");
        assertThat(demo.scriptFor("warn").result()).isEqualTo("WARNED");
        assertThat(demo.scriptFor("error").result()).isEqualTo("ERRORED");
        assertThat(demo.scriptFor("skip").result()).isEqualTo("SKIPPED");
        assertThat(demo.scriptFor("release 1.2").result()).isEqualTo("PASSED");
        assertThat(demo.devices()).anyMatch(d -> !d.remoteAccessEnabled());
        assertThat(demo.devices()).extracting(ScenarioDevice::platform).contains("ANDROID", "IOS");
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, MINIMAL.replace("\"projects\"", "\"accountId\":\"000011112222\",\"projects\""));
        try (DeviceFarmSimulator simulator = DeviceFarmSimulator.builder().scenario(Scenario.load(file)).build()) {
            assertThat(simulator.accountId()).isEqualTo("000011112222");
            assertThat(simulator.projectArns()).singleElement().asString()
                    .startsWith("arn:aws:devicefarm:us-west-2:000011112222:project:");
            assertThat(simulator.deviceArns()).hasSize(2);
        }
    }

    @Test
    void brokenScenariosAreRejectedWithAReason() {
        assertThatThrownBy(() -> Scenario.parse("{\"devices\":[{\"name\":\"X\",\"platform\":\"WINDOWS\"}]}"))
                .hasMessageContaining("platform");
        assertThatThrownBy(() -> Scenario.parse("{\"devicePools\":[{\"name\":\"P\",\"devices\":[\"ghost\"]}]}"))
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> Scenario.parse("{\"runScripts\":[{\"result\":\"GREAT\"}]}"))
                .hasMessageContaining("GREAT");
        assertThatThrownBy(() -> Scenario.parse("{\"accountId\":\"12\"}")).hasMessageContaining("12 digits");
    }

    @Test
    void instancesVpcesQuotasAndBusyTimeAreRead() {
        Scenario s = Scenario.parse("""
                {"projects":[{"name":"P","vpcConfig":{"vpcId":"vpc-1","subnetIds":["subnet-1"]}}],
                 "devices":[{"name":"D","fleetType":"PRIVATE"}],
                 "deviceInstances":[{"device":"D","labels":["l"]}],
                 "vpceConfigurations":[{"name":"V"}],
                 "concurrency":{"meteredAutomation":9},"busyDeviceSeconds":7}""");
        assertThat(s.deviceInstances()).singleElement().satisfies(i -> {
            assertThat(i.device()).isEqualTo(s.devices().get(0).id());
            assertThat(i.status()).isEqualTo("AVAILABLE");
            assertThat(i.udid()).matches("[0-9A-F]{24}");
        });
        assertThat(s.projects().get(0).vpcConfig().subnetIds()).containsExactly("subnet-1");
        assertThat(s.vpceConfigurations().get(0).id()).isEqualTo(Scenario.parse(
                "{\"vpceConfigurations\":[{\"name\":\"V\"}]}").vpceConfigurations().get(0).id());
        assertThat(s.concurrency()).isEqualTo(new Concurrency(9, 2));
        assertThat(s.busyDeviceSeconds()).isEqualTo(7);
        assertThat(Scenario.parse("{}").concurrency()).isEqualTo(Concurrency.DEFAULT);
        assertThat(Scenario.parse("{}").busyDeviceSeconds()).isEqualTo(Scenario.DEFAULT_BUSY_DEVICE_SECONDS);
    }

    @Test
    void brokenInstancesVpcsAndQuotasAreRejectedWithAReason() {
        assertThatThrownBy(() -> Scenario.parse("{\"deviceInstances\":[{\"device\":\"ghost\"}]}"))
                .hasMessageContaining("ghost");
        assertThatThrownBy(() -> Scenario.parse("{\"projects\":[{\"name\":\"P\",\"vpcConfig\":{}}]}"))
                .hasMessageContaining("vpcId");
        assertThatThrownBy(() -> Scenario.parse("{\"concurrency\":{\"meteredAutomation\":0}}"))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Scenario.parse("{\"busyDeviceSeconds\":-1}")).hasMessageContaining("busyDeviceSeconds");
        assertThatThrownBy(() -> Scenario.parse(
                "{\"devices\":[{\"name\":\"D\"}],\"deviceInstances\":[{\"device\":\"D\",\"status\":\"LOST\"}]}"))
                .hasMessageContaining("LOST");
    }
}
