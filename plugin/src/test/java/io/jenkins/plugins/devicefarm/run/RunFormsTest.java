package io.jenkins.plugins.devicefarm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.devicefarm.TestSupport;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/** The form of deviceFarmRun and of the freestyle step: every field survives it, and its checks are for configurers only. */
@WithJenkins
class RunFormsTest {

    @Test
    void freestyleStepSurvivesTheForm(JenkinsRule j) throws Exception {
        RunStep run = new RunStep();
        run.setApp("app/build/outputs/apk/debug/app-debug.apk");
        run.setTestType("APPIUM_JAVA_TESTNG");
        run.setTestPackage("tests/target/zip-with-dependencies.zip");
        run.setTestSpec("devicefarm/testspec.yml");
        run.setDeviceFilters("PLATFORM EQUALS ANDROID\nOS_VERSION GREATER_THAN_OR_EQUALS 13");
        run.setMaxDevices(5);
        run.setEnvironmentVariables("API_URL=https://staging.example.com");
        run.setArtifacts("VIDEO, CUSTOMER_ARTIFACT");
        run.setJobTimeoutMinutes(30);
        run.setTimeoutMinutes(90);
        run.setLatitude("47.6062");
        run.setLongitude("-122.3321");
        run.setRadiosOff("nfc");
        run.setBillingMethod("UNMETERED");
        run.setVideoCapture(false);
        run.setPublishTests(false);
        run.setArchive(true);
        run.setKeepUploads(true);
        run.setPreflight(true);
        run.setFailed("UNSTABLE"); // the result menus keep a chosen value
        run.setStopped("FAILURE");
        run.setCredentialsId(TestSupport.CREDENTIALS_ID);
        DeviceFarmRunBuilder before = new DeviceFarmRunBuilder(run);
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(before);
        j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(before, p.getBuildersList().get(DeviceFarmRunBuilder.class));
    }

    @Test
    void checksAreForConfigurersOnly(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        RunStep.DescriptorImpl d = j.jenkins.getDescriptorByType(RunStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            FormValidation bad = d.doCheckArtifacts(p, "VIDEOS");
            assertEquals(FormValidation.Kind.ERROR, bad.kind);
            assertTrue(bad.getMessage().contains("artifacts"), bad.getMessage());
            assertEquals(FormValidation.Kind.OK, d.doCheckArtifacts(p, "VIDEO, DEVICE_LOG").kind);
            assertEquals(FormValidation.Kind.ERROR, d.doCheckJobTimeoutMinutes(p, "151").kind);
            assertTrue(d.doFillTestTypeItems(p).stream().anyMatch(o -> o.value.equals("APPIUM_JAVA_TESTNG")));
            assertTrue(d.doFillFailedItems(p).stream().anyMatch(o -> o.value.equals("UNSTABLE")));
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThrows(AccessDeniedException.class, () -> d.doCheckArtifacts(p, "VIDEOS"));
            assertTrue(d.doFillTestTypeItems(p).isEmpty());
            assertTrue(d.doFillFailedItems(p).isEmpty());
        }
    }
}
