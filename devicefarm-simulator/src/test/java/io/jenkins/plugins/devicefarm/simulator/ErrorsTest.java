package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.DeviceFarmException;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.TestType;

class ErrorsTest extends SimulatorFixture {
    private static final String UNKNOWN_RUN =
            "arn:aws:devicefarm:us-west-2:123456789012:run:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10/00000000-0000-0000-0000-000000000000";

    @Test
    void unknownArnsAreNotFound() {
        assertNotFound(() -> client.getRun(r -> r.arn(UNKNOWN_RUN)));
        assertNotFound(() -> client.stopRun(r -> r.arn(UNKNOWN_RUN)));
        assertNotFound(() -> client.getJob(r -> r.arn(UNKNOWN_RUN.replace(":run:", ":job:") + "/00000")));
        assertNotFound(() -> client.getProject(r -> r.arn(project.replace("6f2a9c3e4d10", "6f2a9c3e4d11"))));
        assertNotFound(() -> client.getDevice(r -> r.arn(PIXEL.replace("4F1E", "0000"))));
        assertNotFound(() -> client.getRemoteAccessSession(r -> r.arn(
                UNKNOWN_RUN.replace(":run:", ":session:") + "/00000")));
        // the same project id in another account is not ours
        assertNotFound(() -> client.listRuns(r -> r.arn(project.replace("123456789012", "210987654321"))));
        assertNotFound(() -> client.scheduleRun(r -> r.projectArn(project).name("x")
                .devicePoolArn("arn:aws:devicefarm:us-west-2::devicepool:00000000-0000-0000-0000-000000000000")
                .test(t -> t.type(TestType.XCTEST))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not-an-arn",
        "arn:aws:devicefarm:us-west-2:123456789012:project:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10",
        "arn:aws:devicefarm:eu-west-1:123456789012:run:a/b",
        "arn:aws:s3:::bucket",
    })
    void malformedOrWrongKindArnsAreArgumentErrors(String arn) {
        assertThatThrownBy(() -> client.getRun(r -> r.arn(arn)))
                .isInstanceOf(ArgumentException.class)
                .satisfies(e -> assertThat(((ArgumentException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ArgumentException"));
    }

    @Test
    void missingRequiredFieldsAndBadValuesAreArgumentErrors() {
        assertArgument(() -> client.getRun(r -> { }));
        assertArgument(() -> client.scheduleRun(r -> r.projectArn(project).test(t -> t.type(TestType.XCTEST))));
        assertArgument(() -> client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool)));
        assertArgument(() -> client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool)
                .test(t -> t.type("NOT_A_TEST_TYPE"))));
        assertArgument(() -> client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool)
                .test(t -> t.type(TestType.XCTEST)).configuration(c -> c.billingMethod("FREE"))));
        assertArgument(() -> client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool)
                .test(t -> t.type(TestType.XCTEST)).executionConfiguration(e -> e.jobTimeoutMinutes(151))));
        assertArgument(() -> client.scheduleRun(r -> r.projectArn(project).devicePoolArn(PIXEL)
                .test(t -> t.type(TestType.XCTEST))));
        assertArgument(() -> client.createRemoteAccessSession(r -> r.projectArn(project)));
        assertArgument(() -> client.createRemoteAccessSession(r -> r.projectArn(project).deviceArn(PIXEL)
                .interactionMode("SHOUTING")));
        assertThat(simulator.journal().entries()).hasSize(9)
                .allSatisfy(e -> assertThat(e.errorCode()).isEqualTo("ArgumentException"));
    }

    @Test
    void unsignedRequestIsRefusedLikeAws() throws Exception {
        HttpResponse<String> response = RawHttp.call(simulator.endpoint(), "ListProjects", "{}", null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = RawHttp.json(response);
        assertThat(body.path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(simulator.journal().entries("ListProjects")).singleElement()
                .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(403));
    }

    @Test
    void requestSignedForAnotherServiceIsAnInvalidSignature() throws Exception {
        HttpResponse<String> response = RawHttp.call(simulator.endpoint(), "ListProjects", "{}",
                RawHttp.FAKE_SIGV4.replace("/devicefarm/", "/s3/"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(response).path("__type").asText()).isEqualTo("InvalidSignatureException");
        assertThat(RawHttp.call(simulator.endpoint(), "ListProjects", "{}", RawHttp.FAKE_SIGV4).statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownOperationAndBrokenJsonAreClientErrors() throws Exception {
        HttpResponse<String> unknown = RawHttp.call(simulator.endpoint(), "DeleteEverything", "{}", RawHttp.FAKE_SIGV4);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(unknown).path("__type").asText()).isEqualTo("UnknownOperationException");
        HttpResponse<String> broken = RawHttp.call(simulator.endpoint(), "GetRun", "{\"arn\":", RawHttp.FAKE_SIGV4);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(broken).path("__type").asText()).isEqualTo("SerializationException");
    }

    private static void assertNotFound(ThrowingSupplier<?> call) {
        assertThatThrownBy(call::get).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((DeviceFarmException) e).statusCode()).isEqualTo(400));
    }

    private static void assertArgument(ThrowingSupplier<?> call) {
        assertThatThrownBy(call::get).isInstanceOf(ArgumentException.class);
    }
}
