package io.jenkins.plugins.devicefarm.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.DeviceFarmClientFactory;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import io.jenkins.plugins.devicefarm.simulator.Faults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * Recognisable secrets go in through every path (credentials with a session token, a session
 * endpoint with its token); nothing the engine logs, throws or returns may contain them.
 */
class SecretsTest {
    static final String ACCESS_KEY = "AKIASECRETSTESTKEY01";
    static final String SECRET_KEY = "wJalrXUtnFEMI/SECRETS-TEST/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "FwoGZXIvYXdzSECRETSTESTSESSIONTOKEN";

    private final SimulatorFixture f = new SimulatorFixture();
    private final List<String> outputs = new ArrayList<>();
    private final Logger engineLog = Logger.getLogger("io.jenkins.plugins.devicefarm");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            outputs.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()) + " " + trace(r.getThrown()));
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };
    private DeviceFarmClient client;

    @BeforeEach
    void captureLogs() {
        engineLog.setLevel(Level.ALL);
        engineLog.addHandler(capture);
        client = DeviceFarmClientFactory.create(ClientSettings.builder().endpointOverride(f.sim.endpoint().toString())
                .credentials(StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)))
                .readTimeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void close() {
        engineLog.removeHandler(capture);
        engineLog.setLevel(null);
        client.close();
        f.close();
    }

    @Test
    void noSecretInAnyOutput() {
        // A session through its whole life: the endpoint is seen, then the session is stopped.
        Outcome created = Await.result(f.watcher.createSession(client, new SessionRequest(f.project(), f.device()).name("secret-check")));
        DeviceFarmArn session = DeviceFarmArn.parse("arn", created.getArn(), ArnKind.SESSION);
        Watch ready = f.watcher.watch(client, session, WatchOptions.untilRunning());
        f.advance(Duration.ofMinutes(2));
        note(Await.result(ready.outcome()));
        String endpoint = ready.sessionEndpoint();
        assertThat(endpoint).contains("X-Amz-Security-Token=");
        String endpointToken = endpoint.substring(endpoint.indexOf("X-Amz-Security-Token=") + "X-Amz-Security-Token=".length());
        Watch end = f.watcher.watch(client, session, WatchOptions.untilCompleted());
        end.cancel("done");
        Await.until("stop seen", () -> f.sim.journal().count("StopRemoteAccessSession") == 1);
        f.advance(Duration.ofMinutes(1));
        note(Await.result(end.outcome()));

        // Every failure path: unknown ARN, retried faults, a stop that cannot be made, a deadline.
        note(Await.failure(f.watcher.watch(client, DeviceFarmArn.parse("arn",
                "arn:aws:devicefarm:us-west-2:123456789012:run:nope/none", ArnKind.RUN), WatchOptions.untilCompleted()).outcome()));
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.sim.faults().throttle(Faults.ALL, 0.5).dropConnections("GetRun", 0.2);
        note(Await.failure(f.watcher.watch(client, run, WatchOptions.untilCompleted().timeout(Duration.ofMillis(300), false)).outcome()));
        f.sim.faults().clear().serverErrors("StopRun", 1.0);
        try (DeviceFarmWatcher impatient = new DeviceFarmWatcher(SimulatorFixture.fastPolls().withStopLimits(Duration.ofMillis(200), Duration.ofSeconds(1)))) {
            note(Await.failure(impatient.stop(client, run, "abort")));
        }
        f.sim.faults().clear();
        note(Await.failure(f.watcher.createSession(client, new SessionRequest(f.project(),
                "arn:aws:devicefarm:us-west-2::device:FEDCBA9876543210FEDCBA9876543210"))));

        assertThat(outputs).isNotEmpty();
        for (String secret : List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, endpoint, endpointToken)) {
            assertThat(outputs).noneMatch(o -> o.contains(secret));
        }
        assertThat(client.toString()).doesNotContain(SECRET_KEY);
    }

    private void note(Outcome o) {
        outputs.add(o.toString());
        outputs.add(o.toMap().toString());
    }

    private void note(Throwable t) {
        outputs.add(trace(t));
        if (t instanceof WatchTimeoutException w && w.getOutcome() != null) {
            note(w.getOutcome());
        }
    }

    private static String trace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
