package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.devicefarm.model.CreateRemoteAccessSessionResponse;
import software.amazon.awssdk.services.devicefarm.model.CreateUploadResponse;
import software.amazon.awssdk.services.devicefarm.model.GetDeviceInstanceResponse;
import software.amazon.awssdk.services.devicefarm.model.GetDevicePoolResponse;
import software.amazon.awssdk.services.devicefarm.model.GetDeviceResponse;
import software.amazon.awssdk.services.devicefarm.model.GetJobResponse;
import software.amazon.awssdk.services.devicefarm.model.GetProjectResponse;
import software.amazon.awssdk.services.devicefarm.model.GetRemoteAccessSessionResponse;
import software.amazon.awssdk.services.devicefarm.model.GetRunResponse;
import software.amazon.awssdk.services.devicefarm.model.GetUploadResponse;
import software.amazon.awssdk.services.devicefarm.model.GetVpceConfigurationResponse;
import software.amazon.awssdk.services.devicefarm.model.ListDeviceInstancesResponse;
import software.amazon.awssdk.services.devicefarm.model.ListDevicePoolsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListDevicesResponse;
import software.amazon.awssdk.services.devicefarm.model.ListJobsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListProjectsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListRemoteAccessSessionsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListRunsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListUploadsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListVpceConfigurationsResponse;
import software.amazon.awssdk.services.devicefarm.model.StopRemoteAccessSessionResponse;
import software.amazon.awssdk.services.devicefarm.model.StopRunResponse;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/** Whole responses of the operations, member by member, against the SDK 2.40.2 response shapes. */
class ResponseShapesTest extends SimulatorFixture {

    private JsonNode call(String operation, String body, SdkPojo shape) throws Exception {
        HttpResponse<String> response = RawHttp.call(simulator.endpoint(), operation, body, RawHttp.FAKE_SIGV4);
        assertThat(response.statusCode()).as(operation + " " + response.body()).isEqualTo(200);
        JsonNode json = RawHttp.json(response);
        assertThat(ModelShape.unknownMembers(json, shape)).as(operation).isEmpty();
        return json;
    }

    private static String arn(String arn) {
        return "{\"arn\":\"" + arn + "\"}";
    }

    @Test
    void accountOperations() throws Exception {
        call("ListProjects", "{}", ListProjectsResponse.builder());
        call("GetProject", arn(simulator.projectArns().get(1)), GetProjectResponse.builder());
        call("ListDevices", "{}", ListDevicesResponse.builder());
        call("GetDevice", arn(PRIVATE_IPHONE), GetDeviceResponse.builder());
        call("ListDevicePools", arn(project), ListDevicePoolsResponse.builder());
        call("GetDevicePool", arn(androidPool), GetDevicePoolResponse.builder());
        call("ListDeviceInstances", "{}", ListDeviceInstancesResponse.builder());
        call("GetDeviceInstance", arn(INSTANCE), GetDeviceInstanceResponse.builder());
        call("ListVPCEConfigurations", "{}", ListVpceConfigurationsResponse.builder());
        call("GetVPCEConfiguration", arn(VPCE), GetVpceConfigurationResponse.builder());
    }

    @Test
    void sessionOperationsThroughTheirWholeLife() throws Exception {
        String app = uploaded("app.ipa", UploadType.IOS_APP, SampleFiles.ipa());
        String session = call("CreateRemoteAccessSession", "{\"projectArn\":\"" + project + "\",\"deviceArn\":\""
                + PRIVATE_IPHONE + "\",\"appArn\":\"" + app + "\",\"configuration\":{\"deviceProxy\":{\"host\":\"p\",\"port\":8080},"
                + "\"vpceConfigurationArns\":[\"" + VPCE + "\"],\"auxiliaryApps\":[\"" + app + "\"]}}",
                CreateRemoteAccessSessionResponse.builder()).at("/remoteAccessSession/arn").asText();
        advance(40);
        call("GetRemoteAccessSession", arn(session), GetRemoteAccessSessionResponse.builder());
        call("ListRemoteAccessSessions", arn(project), ListRemoteAccessSessionsResponse.builder());
        call("StopRemoteAccessSession", arn(session), StopRemoteAccessSessionResponse.builder());
        advance(60);
        call("GetRemoteAccessSession", arn(session), GetRemoteAccessSessionResponse.builder());
    }

    @Test
    void runAndUploadOperations() throws Exception {
        call("CreateUpload", "{\"projectArn\":\"" + project + "\",\"name\":\"a.apk\",\"type\":\"ANDROID_APP\"}",
                CreateUploadResponse.builder());
        String app = uploaded("app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        call("GetUpload", arn(app), GetUploadResponse.builder());
        call("ListUploads", arn(project), ListUploadsResponse.builder());
        String run = schedule("nightly-fail").arn();
        advance(100);
        call("GetRun", arn(run), GetRunResponse.builder());
        call("ListRuns", arn(project), ListRunsResponse.builder());
        String job = call("ListJobs", arn(run), ListJobsResponse.builder()).at("/jobs/0/arn").asText();
        call("GetJob", arn(job), GetJobResponse.builder());
        call("StopRun", arn(run), StopRunResponse.builder());
        advance(3600);
        call("GetRun", arn(run), GetRunResponse.builder());
    }
}
