package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.DeviceInstance;
import software.amazon.awssdk.services.devicefarm.model.InstanceStatus;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.VPCEConfiguration;

/** Device instances and VPC endpoint configurations of the scenario, and the instanceArn of jobs. */
class InstancesAndVpceTest extends SimulatorFixture {

    @Test
    void getAndListDeviceInstances() {
        DeviceInstance instance = client.getDeviceInstance(r -> r.arn(INSTANCE)).deviceInstance();
        assertThat(instance.deviceArn()).isEqualTo(PRIVATE_IPHONE);
        assertThat(instance.labels()).containsExactly("lab-1", "team-a");
        assertThat(instance.status()).isEqualTo(InstanceStatus.AVAILABLE);
        assertThat(instance.udid()).isEqualTo("00008110-001A2B3C4D5E");
        assertThat(client.listDeviceInstances(r -> r.maxResults(10)).deviceInstances()).containsExactly(instance);
    }

    @Test
    void aPrivateDeviceListsItsInstances() {
        assertThat(client.getDevice(r -> r.arn(PRIVATE_IPHONE)).device().instances())
                .extracting(DeviceInstance::arn).containsExactly(INSTANCE);
        assertThat(client.getDevice(r -> r.arn(PIXEL)).device().instances()).isEmpty();
    }

    @Test
    void anUnknownDeviceInstanceIsNotFoundAndAWrongKindIsAnArgumentError() {
        assertThatThrownBy(() -> client.getDeviceInstance(r -> r.arn(
                "arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:00000000-0000-4000-8000-000000000000")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.getDeviceInstance(r -> r.arn(PIXEL))).isInstanceOf(ArgumentException.class);
    }

    @Test
    void getAndListVpceConfigurations() {
        VPCEConfiguration vpce = client.getVPCEConfiguration(r -> r.arn(VPCE)).vpceConfiguration();
        assertThat(vpce.vpceConfigurationName()).isEqualTo("staging-backend");
        assertThat(vpce.vpceServiceName()).startsWith("com.amazonaws.vpce.us-west-2.");
        assertThat(vpce.serviceDnsName()).isEqualTo("staging.internal.example.com");
        assertThat(client.listVPCEConfigurations(r -> r.maxResults(5)).vpceConfigurations()).containsExactly(vpce);
        assertThatThrownBy(() -> client.getVPCEConfiguration(r -> r.arn(
                "arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:00000000-0000-4000-8000-000000000000")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyMemberWrittenExistsInTheCurrentModel() throws Exception {
        JsonNode device = RawHttp.json(RawHttp.call(simulator.endpoint(), "GetDevice", "{\"arn\":\"" + PRIVATE_IPHONE + "\"}",
                RawHttp.FAKE_SIGV4)).get("device");
        assertThat(ModelShape.unknownMembers(device, software.amazon.awssdk.services.devicefarm.model.Device.builder()))
                .isEmpty();
        JsonNode vpce = RawHttp.json(RawHttp.call(simulator.endpoint(), "GetVPCEConfiguration", "{\"arn\":\"" + VPCE + "\"}",
                RawHttp.FAKE_SIGV4)).get("vpceConfiguration");
        assertThat(ModelShape.unknownMembers(vpce, VPCEConfiguration.builder())).isEmpty();
        JsonNode project = RawHttp.json(RawHttp.call(simulator.endpoint(), "GetProject",
                "{\"arn\":\"" + simulator.projectArns().get(1) + "\"}", RawHttp.FAKE_SIGV4)).get("project");
        assertThat(project.get("vpcConfig").get("vpcId").asText()).isEqualTo("vpc-0123abcd");
        assertThat(ModelShape.unknownMembers(project, software.amazon.awssdk.services.devicefarm.model.Project.builder()))
                .isEmpty();
    }

    @Test
    void runsOfAProjectWithAVpcReportIt() {
        String web = simulator.projectArns().get(1);
        String run = client.scheduleRun(r -> r.projectArn(web).devicePoolArn(androidPool)
                .test(t -> t.type(TestType.BUILTIN_FUZZ))).run().arn();
        assertThat(getRun(run).vpcConfig().vpcId()).isEqualTo("vpc-0123abcd");
        assertThat(getRun(run).vpcConfig().securityGroupIds()).containsExactly("sg-0a1b2c3d");
        assertThat(schedule("no vpc").vpcConfig()).isNull();
    }

    @Test
    void aJobOnAPrivateDeviceCarriesItsInstanceArn() {
        Scenario scenario = Scenario.parse("""
                {"projects":[{"name":"P"}],
                 "devices":[{"name":"Private","fleetType":"PRIVATE"},{"name":"Public"}],
                 "deviceInstances":[{"id":"i-1","device":"Private","labels":["x"]}],
                 "devicePools":[{"name":"Both","devices":["Private","Public"]}]}""");
        try (DeviceFarmSimulator sim = DeviceFarmSimulator.builder().clock(clock).scenario(scenario).build();
                DeviceFarmClient c = client(sim, DefaultRetryStrategy.doNotRetry())) {
            String run = c.scheduleRun(r -> r.projectArn(sim.projectArns().get(0)).devicePoolArn(sim.devicePoolArns().get(0))
                    .test(t -> t.type(TestType.BUILTIN_FUZZ))).run().arn();
            assertThat(c.listJobs(r -> r.arn(run)).jobs()).extracting(Job::instanceArn)
                    .containsExactly("arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:i-1", null);
        }
    }
}
