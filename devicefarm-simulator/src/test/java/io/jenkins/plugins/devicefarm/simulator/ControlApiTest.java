package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.ExecutionResult;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.Run;

/** The demo knob a Jenkinsfile uses with curl: schedule a run of the first project on the first pool. */
class ControlApiTest extends SimulatorFixture {

    @Test
    void scheduleRunAnswersTheArnOfARealRun() throws Exception {
        HttpResponse<String> answer = post("/_simulator/schedule-run?name=nightly%20fail");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        String arn = answer.body().strip();
        assertThat(arn).startsWith(project.replace(":project:", ":run:") + "/");

        Run run = client.getRun(r -> r.arn(arn)).run();
        assertThat(run.name()).isEqualTo("nightly fail");
        assertThat(run.devicePoolArn()).isEqualTo(androidPool);
        assertThat(run.status()).isEqualTo(ExecutionStatus.PENDING);
        clock.advance(Duration.ofHours(1));
        run = client.getRun(r -> r.arn(arn)).run();
        assertThat(run.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(run.result()).isEqualTo(ExecutionResult.FAILED); // the demo script for names with "fail"
        assertThat(simulator.journal().count("ScheduleRun")).isZero(); // not a Device Farm call
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertThat(post("/_simulator/nothing").statusCode()).isEqualTo(404);
        assertThat(RawHttp.get(simulator.endpoint().resolve("/_simulator/schedule-run")).statusCode()).isEqualTo(404);
        assertThat(client.listRuns(r -> r.arn(project)).runs()).isEmpty();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(simulator.endpoint().resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
