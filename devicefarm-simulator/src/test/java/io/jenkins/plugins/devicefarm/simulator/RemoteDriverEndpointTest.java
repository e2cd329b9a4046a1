package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/** The W3C WebDriver the simulator serves at a session's remote driver endpoint, the way curl in a Jenkinsfile drives it. */
class RemoteDriverEndpointTest extends SimulatorFixture {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NEW_SESSION =
            "{\"capabilities\":{\"alwaysMatch\":{\"platformName\":\"Android\",\"appium:noReset\":true},\"firstMatch\":[{}]}}";

    private RemoteAccessSession session;
    private String driver;
    private String app;

    @BeforeEach
    void runningSession() {
        app = uploaded("demo-app.apk", software.amazon.awssdk.services.devicefarm.model.UploadType.ANDROID_APP,
                SampleFiles.apk());
        session = client.createRemoteAccessSession(r -> r.projectArn(project).deviceArn(PIXEL).appArn(app))
                .remoteAccessSession();
        advance(40);
        driver = getSession(session.arn()).endpoints().remoteDriverEndpoint();
    }

    @Test
    void statusSaysReady() throws Exception {
        HttpResponse<String> status = get(driver + "/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json(status).at("/value/ready").asBoolean()).isTrue();
    }

    @Test
    void newSessionAnswersASessionIdAndTheDevicesCapabilities() throws Exception {
        HttpResponse<String> created = post(driver + "/session", NEW_SESSION);
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode value = json(created).get("value");
        assertThat(value.get("sessionId").asText()).matches("[0-9a-f-]{36}");
        JsonNode caps = value.get("capabilities");
        assertThat(caps.get("platformName").asText()).isEqualTo("Android");
        assertThat(caps.get("appium:deviceName").asText()).isEqualTo("Google Pixel 8");
        assertThat(caps.get("appium:platformVersion").asText()).isEqualTo("14");
        assertThat(caps.get("appium:automationName").asText()).isEqualTo("UiAutomator2");
        assertThat(caps.get("appium:noReset").asBoolean()).isTrue();
        assertThat(caps.get("appium:app").asText()).isEqualTo(app);
        assertThat(json(get(driver + "/status")).at("/value/ready").asBoolean()).isFalse();
    }

    @Test
    void oneWebDriverSessionAtATimeUntilDeleted() throws Exception {
        String id = json(post(driver + "/session", NEW_SESSION)).at("/value/sessionId").asText();
        HttpResponse<String> second = post(driver + "/session", NEW_SESSION);
        assertThat(second.statusCode()).isEqualTo(500);
        assertThat(json(second).at("/value/error").asText()).isEqualTo("session not created");

        HttpResponse<String> deleted = delete(driver + "/session/" + id);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("value").isNull()).isTrue();
        HttpResponse<String> again = delete(driver + "/session/" + id);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).at("/value/error").asText()).isEqualTo("invalid session id");
        assertThat(post(driver + "/session", NEW_SESSION).statusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsGetW3cErrors() throws Exception {
        HttpResponse<String> noCaps = post(driver + "/session", "{}");
        assertThat(noCaps.statusCode()).isEqualTo(400);
        assertThat(json(noCaps).at("/value/error").asText()).isEqualTo("invalid argument");
        HttpResponse<String> ios = post(driver + "/session", "{\"capabilities\":{\"alwaysMatch\":{\"platformName\":\"iOS\"}}}");
        assertThat(ios.statusCode()).isEqualTo(500);
        assertThat(json(ios).at("/value/error").asText()).isEqualTo("session not created");
        assertThat(get(driver + "/session/x/screenshot").statusCode()).isEqualTo(404);
    }

    @Test
    void appiumVersionParameterShowsInTheCapabilities() throws Exception {
        client.stopRemoteAccessSession(r -> r.arn(session.arn()));
        String created = RawHttp.call(simulator.endpoint(), "CreateRemoteAccessSession", "{\"projectArn\":\"" + project
                + "\",\"deviceArn\":\"" + IPHONE + "\",\"configuration\":{\"parameters\":{\"appium:version\":\"2.11\"}}}",
                RawHttp.FAKE_SIGV4).body();
        String arn = Json.MAPPER.readTree(created).at("/remoteAccessSession/arn").asText();
        advance(40);
        String iosDriver = getSession(arn).endpoints().remoteDriverEndpoint();
        JsonNode caps = json(post(iosDriver + "/session", "{\"capabilities\":{}}")).at("/value/capabilities");
        assertThat(caps.get("appium:version").asText()).isEqualTo("2.11");
        assertThat(caps.get("platformName").asText()).isEqualTo("iOS");
        assertThat(caps.get("appium:automationName").asText()).isEqualTo("XCUITest");
    }

    @Test
    void theEndpointStopsAnsweringOnceTheSessionIsStopped() throws Exception {
        client.stopRemoteAccessSession(r -> r.arn(session.arn()));
        assertThat(get(driver + "/status").statusCode()).isEqualTo(404);
        advance(5);
        assertThat(get(driver + "/status").statusCode()).isEqualTo(404);
        assertThat(post(driver + "/session", NEW_SESSION).statusCode()).isEqualTo(404);
    }

    @Test
    void theEndpointDoesNotAnswerBeforeTheSessionRuns() throws Exception {
        RemoteAccessSession pending = client.createRemoteAccessSession(r -> r.projectArn(project).deviceArn(IPHONE))
                .remoteAccessSession();
        advance(39);
        assertThat(getSession(pending.arn()).endpoints()).isNull();
        // the same path shape with another session's token: nothing there
        String guess = driver.replaceAll("/remote-driver/[^/]+/", "/remote-driver/not-a-token/");
        assertThat(get(guess + "/status").statusCode()).isEqualTo(404);
    }

    @Test
    void theJournalShowsWebDriverCallsBySessionArnNeverTheSecretUrl() throws Exception {
        String id = json(post(driver + "/session", NEW_SESSION)).at("/value/sessionId").asText();
        delete(driver + "/session/" + id);
        client.stopRemoteAccessSession(r -> r.arn(session.arn()));
        get(driver + "/status");
        assertThat(simulator.journal().count("WebDriver.NewSession", session.arn())).isEqualTo(1);
        assertThat(simulator.journal().count("WebDriver.DeleteSession", session.arn())).isEqualTo(1);
        assertThat(simulator.journal().entries("WebDriver.GetStatus")).singleElement()
                .satisfies(e -> assertThat(e.httpStatus()).isEqualTo(404));
        String token = driver.replaceAll(".*/remote-driver/([^/]+)/.*", "$1");
        assertThat(simulator.journal().entries().toString()).doesNotContain(token);
    }

    @Test
    void interactivePageWhileRunningOnly() throws Exception {
        String page = getSession(session.arn()).endpoints().interactiveEndpoint();
        HttpResponse<String> running = get(page);
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(running.body()).contains("Google Pixel 8");
        assertThat(get(driver.replace("/wd/hub", "") .replace("/remote-driver/", "/interactive/")).statusCode())
                .as("the driver token does not open the interactive page").isEqualTo(404);
        client.stopRemoteAccessSession(r -> r.arn(session.arn()));
        assertThat(get(page).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }
}
