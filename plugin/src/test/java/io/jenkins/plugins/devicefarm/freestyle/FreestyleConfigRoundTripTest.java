package io.jenkins.plugins.devicefarm.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy.DeviceFarmResult;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every field of the three freestyle describables survives the configuration form. */
@WithJenkins
class FreestyleConfigRoundTripTest {
    private static final String PROJECT = "arn:aws:devicefarm:us-west-2:123456789012:project:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10";
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    @Test
    void sessionWrapper() throws Exception {
        DeviceFarmSessionWrapper before = new DeviceFarmSessionWrapper(PROJECT, TestSupport.PIXEL);
        before.setName("debug ${BUILD_NUMBER}");
        before.setBillingMethod("UNMETERED");
        before.setInteractionMode("VIDEO_ONLY");
        before.setVpceConfigurationArns("arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:abc");
        before.setSkipAppResign(true);
        before.setApp("arn:aws:devicefarm:us-west-2:123456789012:upload:5e01a8c7/app");
        before.setAuxiliaryApps("helper.apk\nother helper.apk");
        before.setAppiumVersion("3");
        before.setDeviceProxy("[2001:db8::1]:3128");
        before.setCredentialsId(TestSupport.CREDENTIALS_ID);
        before.setRegion("us-west-2");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildWrappersList().add(before);
        j.configRoundtrip(p);
        DeviceFarmSessionWrapper after = p.getBuildWrappersList().get(DeviceFarmSessionWrapper.class);
        j.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void stopBuilder() throws Exception {
        DeviceFarmStopBuilder before = new DeviceFarmStopBuilder("${RUN_ARN}");
        before.setCredentialsId(TestSupport.CREDENTIALS_ID);
        before.setRegion("us-west-2");
        j.assertEqualDataBoundBeans(before, j.configRoundtrip(before));
    }

    @Test
    void resultsRecorder() throws Exception {
        DeviceFarmResultsRecorder before = new DeviceFarmResultsRecorder("${RUN_ARN}\n${OTHER_RUN_ARN}");
        before.setCredentialsId(TestSupport.CREDENTIALS_ID);
        before.setTimeoutMinutes(90);
        before.setWarned("SUCCESS");
        before.setSkipped("UNSTABLE");
        before.setStopped("FAILURE");
        DeviceFarmResultsRecorder after = j.configRoundtrip(before);
        j.assertEqualDataBoundBeans(before, after);
        assertEquals("SUCCESS", after.getPassed()); // left at the default, which its menu preselects
    }

    @Test
    void resultsRecorderSavedWithBlankVerdictsLoadsAndKeepsItsPolicy() throws Exception {
        // As saved before the shared result policy form: a verdict left blank is absent and means the default.
        String xml = "<project><builders/><publishers><io.jenkins.plugins.devicefarm.freestyle.DeviceFarmResultsRecorder>"
                + "<arns>${RUN_ARN}</arns><timeoutMinutes>0</timeoutMinutes><failed>UNSTABLE</failed>"
                + "</io.jenkins.plugins.devicefarm.freestyle.DeviceFarmResultsRecorder></publishers><buildWrappers/></project>";
        FreeStyleProject p = (FreeStyleProject) j.jenkins.createProjectFromXML("saved before",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        DeviceFarmResultsRecorder loaded = p.getPublishersList().get(DeviceFarmResultsRecorder.class);
        assertEquals(Verdict.UNSTABLE, loaded.policy().verdictFor(DeviceFarmResult.FAILED));
        assertEquals(Verdict.FAILURE, loaded.policy().verdictFor(DeviceFarmResult.ERRORED));
        j.configRoundtrip(p);
        DeviceFarmResultsRecorder after = p.getPublishersList().get(DeviceFarmResultsRecorder.class);
        assertEquals(Verdict.UNSTABLE, after.policy().verdictFor(DeviceFarmResult.FAILED));
        assertEquals("FAILURE", after.getErrored()); // the default, preselected in the shared menu
        assertEquals(Verdict.FAILURE, after.policy().verdictFor(DeviceFarmResult.ERRORED));
    }
}
