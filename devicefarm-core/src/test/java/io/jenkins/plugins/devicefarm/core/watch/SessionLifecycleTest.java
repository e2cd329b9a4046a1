package io.jenkins.plugins.devicefarm.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/** Remote access sessions: create, wait until RUNNING, use, stop; and what goes wrong on the way. */
class SessionLifecycleTest {
    private final SimulatorFixture f = new SimulatorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private DeviceFarmArn create(String name) {
        Outcome created = Await.result(f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device())
                .name(name).interactionMode("NO_VIDEO").billingMethod("METERED")));
        assertThat(created.getKind()).isEqualTo(ArnKind.SESSION);
        assertThat(created.getStatus()).isNotEqualTo("RUNNING");
        assertThat(created.getName()).matches(java.util.regex.Pattern.quote(name) + " \\[[0-9a-f]{8}\\]"); // tagged: adoptable after a lost answer
        return DeviceFarmArn.parse("arn", created.getArn(), ArnKind.SESSION);
    }

    @Test
    void sessionRunsGivesItsEndpointAndIsStoppedAndBilled() {
        DeviceFarmArn session = create("ui-check");
        Watch ready = f.watcher.watch(f.client, session, WatchOptions.untilRunning());
        Await.until("seen", () -> ready.lastSeen() != null);
        f.advance(Duration.ofSeconds(60));

        Outcome running = Await.result(ready.outcome());
        assertThat(running.getStatus()).isEqualTo("RUNNING");
        assertThat(running.getDeviceName()).isEqualTo("Google Pixel 8");
        assertThat(ready.sessionEndpoint()).isNotBlank();
        assertThat(running.toString()).doesNotContain(ready.sessionEndpoint());
        assertThat(running.toMap().toString()).doesNotContain(ready.sessionEndpoint());
        // The current model's endpoints{}: a WebDriver URL and the interactive view, as secret as the old one.
        var endpoints = ready.sessionEndpoints();
        assertThat(endpoints.remoteDriverEndpoint()).isNotBlank().isNotEqualTo(endpoints.interactiveEndpoint());
        assertThat(endpoints.interactiveEndpoint()).isNotBlank();
        assertThat(endpoints.secrets()).hasSize(3);
        for (String secret : endpoints.secrets()) {
            assertThat(running.toString() + running.toMap() + endpoints).doesNotContain(secret);
        }

        f.advance(Duration.ofMinutes(10)); // the body uses the device
        Watch end = f.watcher.watch(f.client, session, WatchOptions.untilCompleted());
        end.cancel("block ended");
        Await.until("the stop arrives", () -> f.sim.journal().count("StopRemoteAccessSession") == 1);
        f.advance(Duration.ofSeconds(30));
        Outcome o = Await.result(end.outcome());
        assertThat(o.getStatus()).isEqualTo("COMPLETED");
        assertThat(o.isStoppedByUs()).isTrue();
        assertThat(o.getStopReason()).isEqualTo("block ended");
        assertThat(o.getDeviceMinutes().getMetered()).isGreaterThan(10.0);
        assertThat(f.sim.journal().count("StopRemoteAccessSession", session.toString())).isEqualTo(1);
    }

    @Test
    void abortWhileWaitingForTheDeviceStopsTheSession() {
        DeviceFarmArn session = create("aborted-early");
        Watch ready = f.watcher.watch(f.client, session, WatchOptions.untilRunning());
        Await.until("seen", () -> ready.lastSeen() != null);
        f.advance(Duration.ofSeconds(5)); // still queued

        ready.cancel("build aborted");
        Await.until("the stop arrives", () -> f.sim.journal().count("StopRemoteAccessSession") == 1);
        f.advance(Duration.ofSeconds(30));
        Outcome o = Await.result(ready.outcome());
        assertThat(o.getStatus()).isEqualTo("COMPLETED");
        assertThat(o.isStoppedByUs()).isTrue();
        assertThat(f.sim.journal().count("StopRemoteAccessSession", session.toString())).isEqualTo(1);
    }

    @Test
    void throttledCreateIsRetriedAndMakesOneSession() {
        f.sim.faults().seed(3).throttle("CreateRemoteAccessSession", 0.7);
        create("throttled");
        assertThat(f.sim.journal().entries("CreateRemoteAccessSession").stream().filter(e -> e.succeeded()).count()).isEqualTo(1);
        assertThat(f.client.listRemoteAccessSessions(r -> r.arn(f.project())).remoteAccessSessions()).hasSize(1);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsAdoptedNotRepeated() {
        f.sim.faults().loseResponses("CreateRemoteAccessSession", 1.0);
        var pending = f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device()).name("lost-answer"));
        Await.until("the create was carried out", () -> f.sim.journal().count("CreateRemoteAccessSession") >= 1);
        f.sim.faults().clear();

        Outcome adopted = Await.result(pending);
        var sessions = f.client.listRemoteAccessSessions(r -> r.arn(f.project())).remoteAccessSessions();
        assertThat(sessions).hasSize(1);
        assertThat(adopted.getArn()).isEqualTo(sessions.get(0).arn());
        assertThat(f.sim.journal().count("ListRemoteAccessSessions")).isPositive();
    }

    @Test
    void concurrencyLimitIsReportedWithTheFix() {
        create("one");
        create("two");
        Throwable t = Await.failure(f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device()).name("three")));
        assertThat(t).isInstanceOf(DeviceFarmCallException.class)
                .hasMessageContaining("LimitExceededException")
                .hasMessageContaining("2 metered remote access sessions at once by default: "
                        + "wait for sessions to end or ask AWS to raise the quota.")
                .hasMessageNotContaining("..");
    }

    @Test
    void badInputThrowsBeforeAnyRequest() {
        f.sim.journal().clear();
        assertThatThrownBy(() -> f.watcher.createSession(f.client, new SessionRequest(f.project(), f.project())))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("deviceArn: ");
        assertThatThrownBy(() -> f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device()).interactionMode("FULL")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("interactionMode: ");
        assertThat(f.sim.journal().entries()).isEmpty();
    }

    @Test
    void anUnknownDeviceIsNamedAndNothingIsCreated() {
        String nope = "arn:aws:devicefarm:us-west-2::device:nope";
        Throwable t = Await.failure(f.watcher.createSession(f.client, new SessionRequest(f.project(), nope)));
        assertThat(t).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("deviceArn: Device Farm has no " + nope)
                .hasMessageContaining("NotFoundException");
        assertThat(f.sim.journal().count("CreateRemoteAccessSession")).isZero();
    }

    @Test
    void anUnknownProjectIsNamedAndNothingIsCreated() {
        String other = "arn:aws:devicefarm:us-west-2:123456789012:project:00000000-0000-0000-0000-000000000000";
        Throwable t = Await.failure(f.watcher.prepareSession(f.client, new SessionRequest(other, f.device())));
        assertThat(t).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("projectArn: Device Farm has no " + other);
        assertThat(f.sim.journal().count("GetDevice")).isZero();
        assertThat(f.sim.journal().count("CreateRemoteAccessSession")).isZero();
    }

    @Test
    void aDeviceWithoutRemoteAccessIsRefusedBeforeTheCreate() {
        String busy = f.sim.deviceArns().stream()
                .filter(d -> !f.client.getDevice(r -> r.arn(d)).device().remoteAccessEnabled()).findFirst().orElseThrow();
        Throwable t = Await.failure(f.watcher.createSession(f.client, new SessionRequest(f.project(), busy)));
        assertThat(t).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("deviceArn: ")
                .hasMessageContaining("does not allow remote access");
        assertThat(f.sim.journal().count("CreateRemoteAccessSession")).isZero();
    }

    @Test
    void aPreparedSessionIsCreatedUnderItsRecordedNameAndFoundByIt() {
        PreparedSession prepared = Await.result(f.watcher.prepareSession(f.client,
                new SessionRequest(f.project(), f.device()).name("restart-safe"), "restart-safe [0123abcd]"));
        assertThat(prepared.uniqueName()).isEqualTo("restart-safe [0123abcd]");
        assertThat(f.sim.journal().count("CreateRemoteAccessSession")).isZero(); // preparing creates nothing
        Outcome created = Await.result(f.watcher.createSession(f.client, prepared));
        assertThat(created.getName()).isEqualTo("restart-safe [0123abcd]");

        DeviceFarmArn project = DeviceFarmArn.parse("projectArn", f.project(), ArnKind.PROJECT);
        assertThat(Await.result(f.watcher.findSession(f.client, project, "restart-safe [0123abcd]")))
                .hasValueSatisfying(o -> assertThat(o.getArn()).isEqualTo(created.getArn()));
        assertThat(Await.result(f.watcher.findSession(f.client, project, "restart-safe [ffffffff]"))).isEmpty();

        f.sim.faults().seed(5).serverErrors("ListRemoteAccessSessions", 0.6); // Device Farm failing: asked again
        assertThat(Await.result(f.watcher.findSession(f.client, project, "restart-safe [0123abcd]"))).isPresent();
    }

    @Test
    void anAppiumVersionTravelsAsAConfigurationParameterAndTheDriverServesIt() throws Exception {
        Outcome created = Await.result(f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device())
                .name("appium").appiumVersion("2").billingMethod("METERED")));
        DeviceFarmArn session = DeviceFarmArn.parse("arn", created.getArn(), ArnKind.SESSION);
        Watch ready = f.watcher.watch(f.client, session, WatchOptions.untilRunning());
        Await.until("seen", () -> ready.lastSeen() != null);
        f.advance(Duration.ofSeconds(60));
        assertThat(Await.result(ready.outcome()).getStatus()).isEqualTo("RUNNING");

        // A WebDriver client on the agent, as in the README: POST /session on the remote driver endpoint.
        var http = java.net.http.HttpClient.newHttpClient();
        var post = java.net.http.HttpRequest.newBuilder(java.net.URI.create(ready.sessionEndpoints().remoteDriverEndpoint() + "/session"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"capabilities\":{\"alwaysMatch\":{}}}")).build();
        var answer = http.send(post, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"appium:version\":\"2\"");
    }

    /** An app uploaded the way a user does it: CreateUpload, PUT to the presigned URL, processing. */
    private String upload(String name) throws Exception {
        var u = f.client.createUpload(r -> r.projectArn(f.project()).name(name).type(UploadType.ANDROID_APP)).upload();
        var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(u.url()))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(SampleFiles.apk())).build();
        assertThat(java.net.http.HttpClient.newHttpClient().send(put, java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
        return u.arn();
    }

    @Test
    void appsGivenByNameBecomeTheNewestReadyUploadOfThatName() throws Exception {
        String older = upload("app-release.apk");
        f.advance(Duration.ofMinutes(1));
        String newer = upload("app-release.apk");
        String helper = upload("helper.apk");
        f.advance(Duration.ofMinutes(1)); // processed
        upload("app-release.apk"); // newest, still INITIALIZED: not ready, so not chosen

        PreparedSession p = Await.result(f.watcher.prepareSession(f.client, new SessionRequest(f.project(), f.device())
                .app("app-release.apk").auxiliaryApps(java.util.List.of(helper.toString(), "helper.apk"))));
        assertThat(p.request().appArn()).isEqualTo(newer).isNotEqualTo(older);
        assertThat(p.request().configuration().auxiliaryApps()).containsExactly(helper, helper);
        assertThat(Await.result(f.watcher.createSession(f.client, p)).getArn()).isNotBlank();
    }

    @Test
    void aWorkspaceAppIsRefusedUntilUploadedThenInstalledByItsUpload() throws Exception {
        SessionRequest request = new SessionRequest(f.project(), f.device()).app("build/app-release.apk");
        assertThatThrownBy(() -> f.watcher.prepareSession(f.client, request, "ws [0123abcd]"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("app: 'build/app-release.apk' is a workspace file that was not uploaded");
        assertThat(f.sim.journal().count("GetProject")).isZero(); // refused before any call

        // As the plugin does it: the upload's type from the file's extension, the bytes from the agent, then processing.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("app-release", ".apk");
        try {
            java.nio.file.Files.write(file, SampleFiles.apk());
            var app = request.workspaceApps().get(0);
            var uploading = new io.jenkins.plugins.devicefarm.core.upload.Uploader(f.client, f.watcher).upload(
                    DeviceFarmArn.parse("projectArn", f.project(), ArnKind.PROJECT), file, app.pathType(),
                    io.jenkins.plugins.devicefarm.core.upload.PresignedPut.withDefaults(), null);
            Await.until("processing is polled", () -> f.sim.journal().count("GetUpload") >= 1);
            f.advance(Duration.ofSeconds(5));
            var uploaded = Await.result(uploading);
            request.withUploadedApps(java.util.Map.of(app.path(), uploaded.arn()));
        } finally {
            java.nio.file.Files.delete(file);
        }
        PreparedSession p = Await.result(f.watcher.prepareSession(f.client, request, "ws [0123abcd]"));
        assertThat(p.request().appArn()).startsWith("arn:aws:devicefarm:").contains(":upload:");
        assertThat(f.client.getUpload(r -> r.arn(p.request().appArn())).upload().typeAsString()).isEqualTo("ANDROID_APP");
        assertThat(Await.result(f.watcher.createSession(f.client, p)).getArn()).isNotBlank();
    }

    @Test
    void anUnknownOrUnreadyAppIsNamedAndNothingIsCreated() throws Exception {
        Throwable unknown = Await.failure(f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device()).app("nope.apk")));
        assertThat(unknown).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("app: no processed ANDROID_APP upload named 'nope.apk' in project " + f.project());

        String corrupt = upload("corrupt.apk");
        f.advance(Duration.ofMinutes(1));
        Throwable failed = Await.failure(f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device())
                .auxiliaryApps(java.util.List.of(corrupt))));
        assertThat(failed).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("auxiliaryApps: upload 'corrupt.apk' is FAILED (The file could not be unpacked");

        String missing = corrupt.substring(0, corrupt.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";
        Throwable gone = Await.failure(f.watcher.createSession(f.client, new SessionRequest(f.project(), f.device()).app(missing)));
        assertThat(gone).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("app: Device Farm has no upload " + missing);
        assertThat(f.sim.journal().count("CreateRemoteAccessSession")).isZero();
    }
}
