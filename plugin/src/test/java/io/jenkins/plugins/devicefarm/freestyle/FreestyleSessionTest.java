package io.jenkins.plugins.devicefarm.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.EndpointMasking;
import io.jenkins.plugins.devicefarm.SimulatorFixture;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.simulator.SessionScript;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle session wrapper: the endpoints it exports, and jobs saved by older versions. */
@WithJenkins
class FreestyleSessionTest extends SimulatorFixture {
    private static final String OLD_JOB = "<?xml version='1.1' encoding='UTF-8'?>\n"
            + "<project>\n"
            + "  <builders/>\n"
            + "  <publishers/>\n"
            + "  <buildWrappers>\n"
            + "    <io.jenkins.plugins.devicefarm.freestyle.DeviceFarmSessionWrapper>\n"
            + "      <projectArn></projectArn>\n"
            + "      <deviceArn>" + TestSupport.PIXEL + "</deviceArn>\n"
            + "      <skipAppResign>false</skipAppResign>\n"
            + "      <remoteRecordEnabled>true</remoteRecordEnabled>\n"
            + "      <remoteRecordAppArn>arn:aws:devicefarm:us-west-2:123456789012:upload:5e01a8c7/app</remoteRecordAppArn>\n"
            + "    </io.jenkins.plugins.devicefarm.freestyle.DeviceFarmSessionWrapper>\n"
            + "  </buildWrappers>\n"
            + "</project>\n";

    /** Prints what the build steps see, and keeps the values to compare with the log. */
    private static final class PrintEndpoints extends TestBuilder {
        final Map<String, String> seen = new ConcurrentHashMap<>();

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws java.io.IOException, InterruptedException {
            var env = build.getEnvironment(listener);
            for (String name : List.of(DeviceFarmSessionWrapper.ENV_REMOTE_DRIVER, DeviceFarmSessionWrapper.ENV_INTERACTIVE,
                    DeviceFarmSessionWrapper.ENV_ENDPOINT)) {
                String value = env.get(name);
                if (value != null) {
                    seen.put(name, value);
                }
                listener.getLogger().println(name + "=" + value);
            }
            return true;
        }
    }

    @Test
    void everyEndpointIsExportedAndMaskedAndNeverSaved() throws Exception {
        simulator.scenario().sessionScript(new SessionScript(0, 0, 0)); // RUNNING at once, stopped at once
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildWrappersList().add(new DeviceFarmSessionWrapper(null, TestSupport.PIXEL));
        PrintEndpoints print = new PrintEndpoints();
        p.getBuildersList().add(print);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        assertEquals(3, print.seen.size(), "remote driver, interactive and deprecated endpoint: " + print.seen.keySet());
        for (Map.Entry<String, String> e : print.seen.entrySet()) {
            j.assertLogContains(e.getKey() + "=" + EndpointMasking.MASK, b);
            j.assertLogNotContains(e.getValue(), b);
            assertFalse(Files.readString(b.getRootDir().toPath().resolve("build.xml")).contains(e.getValue()));
        }
        assertEquals(1, simulator.journal().count("StopRemoteAccessSession"));
    }

    @Test
    void aJobSavedByAnOlderVersionLoadsUsesTheDefaultProjectAndWarnsOnce() throws Exception {
        simulator.scenario().sessionScript(new SessionScript(0, 0, 0));
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(r);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(DeviceFarmSessionWrapper.class.getName());
        logger.addHandler(handler);
        FreeStyleProject p;
        try {
            p = (FreeStyleProject) j.jenkins.createProjectFromXML("saved-long-ago",
                    new ByteArrayInputStream(OLD_JOB.getBytes(StandardCharsets.UTF_8)));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, warnings.size(), "one warning for the job");
        String warning = java.text.MessageFormat.format(warnings.get(0).getMessage(), warnings.get(0).getParameters());
        assertTrue(warning.contains("remoteRecordEnabled: AWS removed remote recording"), warning);
        assertTrue(warning.contains("remoteRecordAppArn"), warning);

        DeviceFarmSessionWrapper w = p.getBuildWrappersList().get(DeviceFarmSessionWrapper.class);
        assertNotNull(w);
        assertNull(w.getProjectArn()); // <projectArn></projectArn>: the default project
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogNotContains("projectArn: is empty", b);
        String session = b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
        assertTrue(session.contains(simulator.projectArns().get(0).substring(simulator.projectArns().get(0).indexOf(":project:") + 9)),
                session + " is in the default project");

        p.save();
        String saved = Files.readString(p.getConfigFile().getFile().toPath());
        assertFalse(saved.contains("remoteRecord"), saved);
    }

    @Test
    void theFormShowsWholeLabels() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildWrappersList().add(new DeviceFarmSessionWrapper(null, TestSupport.PIXEL));
        String html = j.createWebClient().getPage(p, "configure").getWebResponse().getContentAsString();
        for (String label : List.of("Project ARN", "App: workspace path, upload ARN or upload name", "Appium server major version")) {
            assertTrue(html.contains(label), label);
        }
        assertFalse(html.contains("Record the session"), "AWS removed recording: no such field any more");
    }
}
