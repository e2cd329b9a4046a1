package io.jenkins.plugins.devicefarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import io.jenkins.plugins.devicefarm.steps.SessionStep;
import io.jenkins.plugins.devicefarm.steps.StopJobStep;
import io.jenkins.plugins.devicefarm.steps.WaitForRunStep;
import java.net.URL;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/** Snippets, form round trips, web method permissions and escaping of remote text. */
@WithJenkins
class ConfigurationTest {
    private static final String RUN = "arn:aws:devicefarm:us-west-2:123456789012:run:proj-1/run-1";
    private static final String JOB = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-1/00000";
    private static final String GLOBAL = "descriptorByName/" + DeviceFarmGlobalConfiguration.class.getName() + "/";

    @Test
    void snippetsRoundTrip(JenkinsRule j) throws Exception {
        SnippetizerTester st = new SnippetizerTester(j);
        st.assertRoundTrip(new WaitForRunStep(RUN), "deviceFarmWaitForRun '" + RUN + "'");
        WaitForRunStep w = new WaitForRunStep(RUN);
        w.setStopOnAbort(false);
        w.setTimeoutMinutes(30);
        st.assertRoundTrip(w, "deviceFarmWaitForRun arn: '" + RUN + "', stopOnAbort: false, timeoutMinutes: 30");
        st.assertRoundTrip(new StopJobStep(JOB), "deviceFarmStopJob '" + JOB + "'");
        st.assertRoundTrip(new SessionStep(TestSupport.PIXEL), "deviceFarmSession('" + TestSupport.PIXEL + "') {\n    // some block\n}");
    }

    @Test
    void stepFormsRoundTrip(JenkinsRule j) throws Exception {
        WaitForRunStep w = new WaitForRunStep(RUN);
        w.setTimeoutMinutes(45);
        w.setWarned("FAILURE");
        w.setCredentialsId("aws");
        WaitForRunStep w2 = new StepConfigTester(j).configRoundTrip(w);
        j.assertEqualDataBoundBeans(w, w2);

        SessionStep s = new SessionStep(TestSupport.PIXEL);
        s.setName("checks");
        s.setInteractionMode("VIDEO_ONLY");
        s.setApp("app-release.apk");
        s.setAuxiliaryApps("helper.apk\narn:aws:devicefarm:us-west-2:123456789012:upload:5e01a8c7/other");
        s.setAppiumVersion("2");
        s.setDeviceProxy("proxy.example.com:8080");
        j.assertEqualDataBoundBeans(s, new StepConfigTester(j).configRoundTrip(s));
    }

    @Test
    void globalFormRoundTrip(JenkinsRule j) throws Exception {
        DeviceFarmGlobalConfiguration c = DeviceFarmGlobalConfiguration.get();
        c.setEndpointOverride("http://127.0.0.1:8787");
        c.setMinPollSeconds(2);
        c.setMaxPollSeconds(30);
        j.configRoundtrip();
        assertEquals("http://127.0.0.1:8787", c.getEndpointOverride());
        assertEquals(2, c.getMinPollSeconds());
        assertEquals(30, c.getMaxPollSeconds());
        assertEquals("us-west-2", c.getRegion());
    }

    @Test
    void webMethodsRefuseUsersWithoutPermission(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
                "visible-only-to-admins", TestSupport.ACCESS_KEY, TestSupport.SECRET_KEY, "simulator"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.setThrowExceptionOnFailingStatusCode(false);
        wc.login("reader");
        for (String method : new String[] {"testConnection", "checkEndpointOverride?value=x", "checkDefaultProjectArn?value=x",
                "checkMinPollSeconds?value=1&maxPollSeconds=2"}) {
            assertEquals(403, post(j, wc, GLOBAL + method).getWebResponse().getStatusCode(), method);
        }
        // Pipeline step checks (the Snippet Generator's) answer as the freestyle and global ones do.
        for (String method : new String[] {WaitForRunStep.class.getName() + "/checkArn?value=x",
                StopJobStep.class.getName() + "/checkArn?value=x", WaitForRunStep.class.getName() + "/checkCredentialsId?value=x"}) {
            assertEquals(403, post(j, wc, "descriptorByName/" + method).getWebResponse().getStatusCode(), method);
        }
        // The credentials list shows a reader nothing but the current value.
        assertFalse(post(j, wc, GLOBAL + "fillCredentialsIdItems?credentialsId=").getWebResponse()
                .getContentAsString().contains("visible-only-to-admins"));
        // GET is never served, even to an administrator.
        wc.login("admin");
        assertTrue(wc.goTo(GLOBAL + "testConnection", null).getWebResponse().getStatusCode() >= 400);
        assertEquals(200, post(j, wc, GLOBAL + "checkEndpointOverride?value=http://127.0.0.1:1").getWebResponse().getStatusCode());
    }

    @Test
    void testConnectionListsProjects(JenkinsRule j) throws Exception {
        try (DeviceFarmSimulator simulator = DeviceFarmSimulator.start()) {
            TestSupport.configure(simulator);
            String message = DeviceFarmGlobalConfiguration.get()
                    .doTestConnection(TestSupport.CREDENTIALS_ID, "us-west-2", simulator.endpoint().toString()).getMessage();
            assertTrue(message.startsWith("Connected"), message);
            assertEquals(1, simulator.journal().count("ListProjects"));
        }
    }

    @Test
    void remoteNamesAreEscapedOnTheBuildPages(JenkinsRule j) throws Exception {
        // No "fail", "warn", "error" or "skip" in the name: the demo scenario would end the run by it (see its README).
        String evil = "<img src=x onload=alert(1)>";
        ManualSimClock clock = new ManualSimClock();
        try (DeviceFarmSimulator simulator = DeviceFarmSimulator.builder().clock(clock).build();
             DeviceFarmClient client = TestSupport.client(simulator)) {
            TestSupport.configure(simulator);
            String arn = TestSupport.scheduleRun(client, simulator, evil);
            WorkflowJob p = TestSupport.pipeline(j, "xss", "deviceFarmWaitForRun arn: '" + arn + "'");
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Waiting for run", b);
            clock.advance(Duration.ofHours(1));
            j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(b));

            JenkinsRule.WebClient wc = j.createWebClient();
            for (String page : new String[] {"", "devicefarm/"}) {
                String html = wc.getPage(b, page).getWebResponse().getContentAsString();
                assertFalse(html.contains(evil), page);
                assertTrue(html.contains("&lt;img src=x onload=alert(1)&gt;") || page.isEmpty(), page);
            }
        }
    }

    private static Page post(JenkinsRule j, JenkinsRule.WebClient wc, String path) throws Exception {
        WebRequest req = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        return wc.getPage(wc.addCrumb(req));
    }
}
