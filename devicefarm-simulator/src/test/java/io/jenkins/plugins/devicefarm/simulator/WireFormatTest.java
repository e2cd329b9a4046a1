package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * The raw JSON carries the top-level fields of the seed reference pages (StopRun, StopJob,
 * CreateRemoteAccessSession). Left out on purpose, as AWS leaves them out for such resources:
 * networkProfile, parsingResultUrl, resultCode, seed, eventCount, deviceSelectionResult, vpcConfig
 * (runs); instanceArn (jobs/sessions on public devices); deviceUdid; device carrier/radio. Nothing
 * is written that the current model (SDK 2.40.2) lacks.
 */
class WireFormatTest extends SimulatorFixture {
    private static final Set<String> STATUSES = Set.of("PENDING", "PENDING_CONCURRENCY", "PENDING_DEVICE",
            "PROCESSING", "SCHEDULING", "PREPARING", "RUNNING", "COMPLETED", "STOPPING");
    private static final Set<String> RESULTS = Set.of("PENDING", "PASSED", "WARNED", "FAILED", "SKIPPED", "ERRORED", "STOPPED");
    private static final List<String> COUNTERS = List.of("total", "passed", "failed", "warned", "errored", "stopped", "skipped");
    private static final List<String> MINUTES = List.of("total", "metered", "unmetered");
    private static final List<String> DEVICE = List.of("arn", "name", "manufacturer", "model", "modelId", "formFactor",
            "platform", "os", "cpu", "resolution", "heapSize", "memory", "image", "remoteAccessEnabled",
            "remoteDebugEnabled", "fleetType", "fleetName", "instances", "availability");

    private JsonNode call(String op, String arn) throws Exception {
        HttpResponse<String> response = RawHttp.call(simulator.endpoint(), op, "{\"arn\":\"" + arn + "\"}", RawHttp.FAKE_SIGV4);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        return RawHttp.json(response);
    }

    @Test
    void getRunCarriesTheStopRunFields() throws Exception {
        String app = uploaded("app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        String spec = uploaded("spec.yml", UploadType.APPIUM_JAVA_TESTNG_TEST_SPEC, SampleFiles.testSpec());
        Run scheduled = client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool).name("nightly-fail")
                .appArn(app).test(t -> t.type("APPIUM_JAVA_TESTNG").testSpecArn(spec)))
                .run();
        advance(3600);
        JsonNode run = call("GetRun", scheduled.arn()).get("run");
        assertThat(run.fieldNames()).toIterable().contains("arn", "name", "type", "platform", "created", "status",
                "result", "started", "stopped", "counters", "message", "totalJobs", "completedJobs", "billingMethod",
                "deviceMinutes", "appUpload", "jobTimeoutMinutes", "devicePoolArn", "locale", "radios", "location",
                "customerArtifactPaths", "webUrl", "skipAppResign", "testSpecArn");
        assertThat(run.get("created").isNumber()).isTrue();
        assertThat(run.get("stopped").decimalValue().longValue()).isEqualTo(clock.now().getEpochSecond() - 3600 + 410);
        assertThat(run.get("counters").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(COUNTERS);
        assertThat(run.get("deviceMinutes").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(MINUTES);
        assertThat(run.get("radios").fieldNames()).toIterable().containsExactlyInAnyOrder("wifi", "bluetooth", "nfc", "gps");
        assertThat(run.get("location").fieldNames()).toIterable().containsExactlyInAnyOrder("latitude", "longitude");
        assertThat(STATUSES).contains(run.get("status").asText());
        assertThat(RESULTS).contains(run.get("result").asText());
        assertThat(run.get("webUrl").asText()).startsWith("https://").contains("devicefarm");
    }

    @Test
    void getJobCarriesTheStopJobFields() throws Exception {
        Run run = schedule("warn");
        advance(3600);
        Job listed = client.listJobs(r -> r.arn(run.arn())).jobs().get(0);
        JsonNode job = call("GetJob", listed.arn()).get("job");
        assertThat(job.fieldNames()).toIterable().contains("arn", "name", "type", "created", "status", "result",
                "started", "stopped", "counters", "message", "device", "deviceMinutes", "videoEndpoint", "videoCapture");
        assertThat(job.get("device").fieldNames()).toIterable().containsAll(DEVICE);
        assertThat(job.get("device").get("cpu").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("frequency", "architecture", "clock");
        assertThat(job.get("result").asText()).isEqualTo("WARNED");
    }

    @Test
    void runsAndJobsWriteNoMemberTheCurrentModelLacks() throws Exception {
        Run scheduled = schedule("nightly-fail");
        for (long step : new long[] {0, 100, 3600}) {
            advance(step);
            JsonNode run = call("GetRun", scheduled.arn()).get("run");
            assertThat(ModelShape.unknownMembers(run, Run.builder())).isEmpty();
            for (Job job : client.listJobs(r -> r.arn(scheduled.arn())).jobs()) {
                assertThat(ModelShape.unknownMembers(call("GetJob", job.arn()).get("job"), Job.builder())).isEmpty();
            }
        }
    }

    @Test
    void getRemoteAccessSessionCarriesTheCreateRemoteAccessSessionFields() throws Exception {
        String arn = client.createRemoteAccessSession(r -> r.projectArn(project).deviceArn(PIXEL).name("debug"))
                .remoteAccessSession().arn();
        advance(60);
        JsonNode running = call("GetRemoteAccessSession", arn).get("remoteAccessSession");
        assertThat(running.fieldNames()).toIterable().contains("arn", "name", "created", "status", "result", "started",
                "device", "billingMethod", "deviceMinutes", "endpoint", "endpoints", "interactionMode", "skipAppResign");
        assertThat(running.fieldNames()).toIterable().doesNotContain("remoteDebugEnabled", "remoteRecordEnabled",
                "remoteRecordAppArn", "clientId", "hostAddress");
        assertThat(running.get("device").fieldNames()).toIterable().containsAll(DEVICE);

        client.stopRemoteAccessSession(r -> r.arn(arn));
        advance(60);
        JsonNode done = call("GetRemoteAccessSession", arn).get("remoteAccessSession");
        assertThat(done.fieldNames()).toIterable().contains("stopped", "message");
        assertThat(done.has("endpoint")).as("the secret URL is gone once the session ended").isFalse();
        assertThat(done.has("endpoints")).as("so are the remote driver and interactive endpoints").isFalse();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("result").asText()).isEqualTo("STOPPED");
    }
}
