package io.jenkins.plugins.devicefarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hudson.model.Result;
import hudson.tasks.junit.TestResultAction;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ScaledSimClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The demo of the README's "Try it" (plugin/demo: configuration as code, a Pipeline job using
 * every step, and the sample app and test package it uploads) runs green against a simulator, as
 * it would under hpi:run. The demo drives the session's WebDriver endpoint with curl and copies
 * the samples with cp, so this needs a Unix shell with curl.
 */
@WithJenkins
@DisabledOnOs(OS.WINDOWS)
class DemoJobTest {
    private static final String DEMO_ENDPOINT = "http://127.0.0.1:8787";

    @Test
    void demoJobUsesEveryStepAndEndsGreen(JenkinsRule j, @TempDir Path tmp) throws Exception {
        assumeTrue(curlAvailable(), "curl is not on the PATH");
        // 20x: a demo run (about 7 simulated minutes) takes 20 s, so the one the demo stops is still going
        // even if the sh steps are slow; the session's curl calls stay far from the 150-minute limit (7.5 minutes).
        try (DeviceFarmSimulator simulator = DeviceFarmSimulator.builder().clock(new ScaledSimClock(20)).build()) {
            // What the README's cp does: the samples into the Jenkins home, where the demo's sh step finds them.
            Path samples = j.jenkins.getRootDir().toPath().resolve("samples");
            Files.createDirectories(samples);
            for (String sample : new String[] {"app-debug.apk", "tests.zip"}) {
                Files.copy(Path.of("demo", "samples", sample), samples.resolve(sample));
            }
            String endpoint = simulator.endpoint().toString();
            Path yaml = tmp.resolve("jenkins.yaml");
            Files.writeString(yaml, demoFile("jenkins.yaml").replace(DEMO_ENDPOINT, endpoint));
            ConfigurationAsCode.get().configure(yaml.toString());
            assertEquals(endpoint, DeviceFarmGlobalConfiguration.get().getEndpointOverride());

            String config = demoFile("jobs/devicefarm-demo/config.xml").replace(DEMO_ENDPOINT, endpoint);
            WorkflowJob demo = (WorkflowJob) j.jenkins.createProjectFromXML("devicefarm-demo",
                    new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
            WorkflowRun b = j.assertBuildStatus(Result.SUCCESS, demo.scheduleBuild2(0));

            j.assertLogContains("Remote driver endpoint: ****", b);
            // The WebDriver session the demo opened with curl on the remote driver endpoint runs the Appium
            // version the step asked for: appiumVersion reached Device Farm as configuration.parameters.
            j.assertLogContains("\"appium:version\":\"2\"", b);
            j.assertLogNotContains("/remote-driver/", b); // the endpoint's secret path never shows
            // The run stopped was scheduled by deviceFarmRun (wait: false) under its name and a random tag.
            j.assertLogContains("Stopped run demo-stopped-1 [", b);
            j.assertLogContains("COMPLETED STOPPED, stopped by us: true", b);
            assertEquals(1, simulator.journal().count("StopRemoteAccessSession"));
            assertEquals(1, simulator.journal().count("StopJob"));
            assertEquals(1, simulator.journal().count("StopRun"));

            // Three runs from the sample files in the workspace: each sent its app and test package, which
            // Device Farm processed; the run waited for deleted its two uploads, the others still use theirs.
            assertEquals(6, simulator.journal().count("PutUpload"));
            assertEquals(3, simulator.journal().count("ScheduleRun"));
            assertEquals(2, simulator.journal().count("DeleteUpload"));
            j.assertLogContains(": PASSED; ", b);
            j.assertLogContains("passed on 2 devices", b);
            j.assertLogNotContains("/_uploads/", b); // the presigned upload URLs are secrets

            // Its tests are the build's test results, its videos are in the workspace and archived.
            TestResultAction tests = b.getAction(TestResultAction.class);
            assertNotNull(tests);
            assertTrue(tests.getTotalCount() > 0);
            assertEquals(0, tests.getFailCount());
            assertTrue(j.jenkins.getWorkspaceFor(demo).child("devicefarm").list("**/*.mp4").length > 0);
            assertFalse(b.getArtifacts().isEmpty());

            // session; the run stopped and its job; the run waited for and its job; the run deviceFarmRun followed
            DeviceFarmBuildAction action = b.getAction(DeviceFarmBuildAction.class);
            assertEquals(6, action.getResources().size());
            assertTrue(action.getOpen().isEmpty());
        }
    }

    private static String demoFile(String path) throws Exception {
        // Surefire runs in the module directory: plugin/.
        return Files.readString(Path.of("demo").resolve(path), StandardCharsets.UTF_8);
    }

    private static boolean curlAvailable() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
