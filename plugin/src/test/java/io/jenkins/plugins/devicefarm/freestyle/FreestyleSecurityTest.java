package io.jenkins.plugins.devicefarm.freestyle;

import io.jenkins.plugins.devicefarm.SimulatorFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.TestSupport;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/** Web methods refuse users who may not configure the job; remote strings are escaped on the pages. */
@WithJenkins
class FreestyleSecurityTest extends SimulatorFixture {

    @Test
    void usersWithoutConfigureAreRefused() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        var wrapper = j.jenkins.getDescriptorByType(DeviceFarmSessionWrapper.DescriptorImpl.class);
        var builder = j.jenkins.getDescriptorByType(DeviceFarmStopBuilder.DescriptorImpl.class);
        var recorder = j.jenkins.getDescriptorByType(DeviceFarmResultsRecorder.DescriptorImpl.class);
        String arn = "arn:aws:devicefarm:us-west-2:123456789012:run:p/r";
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThrows(AccessDeniedException.class, () -> wrapper.doCheckProjectArn(p, ""));
            assertThrows(AccessDeniedException.class, () -> wrapper.doCheckDeviceArn(p, TestSupport.PIXEL));
            assertThrows(AccessDeniedException.class, () -> wrapper.doCheckInstanceArn(p, ""));
            assertThrows(AccessDeniedException.class, () -> wrapper.doCheckVpceConfigurationArns(p, ""));
            assertThrows(AccessDeniedException.class, () -> wrapper.doCheckDeviceProxy(p, "proxy:8080"));
            assertThrows(AccessDeniedException.class, () -> wrapper.doCheckApp(p, "app.apk"));
            assertThrows(AccessDeniedException.class, () -> wrapper.doCheckCredentialsId(p, "aws"));
            assertThrows(AccessDeniedException.class, () -> builder.doCheckArn(p, arn));
            assertThrows(AccessDeniedException.class, () -> builder.doCheckCredentialsId(p, "aws"));
            assertThrows(AccessDeniedException.class, () -> recorder.doCheckArns(p, arn));
            assertThrows(AccessDeniedException.class, () -> recorder.doCheckTimeoutMinutes(p, "5"));
            assertThrows(AccessDeniedException.class, () -> recorder.doCheckCredentialsId(p, "aws"));
            assertThrows(AccessDeniedException.class, () -> builder.doCheckArn(null, arn)); // no job: administer needed
            // Drop-downs: nothing listed beyond the current value.
            assertOnlyCurrent(wrapper.doFillCredentialsIdItems(p, "current"));
            assertOnlyCurrent(builder.doFillCredentialsIdItems(p, "current"));
            assertOnlyCurrent(recorder.doFillCredentialsIdItems(p, "current"));
            assertTrue(wrapper.doFillBillingMethodItems(p).isEmpty());
            assertTrue(wrapper.doFillInteractionModeItems(p).isEmpty());
            assertTrue(recorder.doFillPassedItems(p).isEmpty());
            assertTrue(recorder.doFillSkippedItems(p).isEmpty());
        }
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertEquals("OK", builder.doCheckArn(p, arn).kind.name());
            assertEquals("ERROR", builder.doCheckArn(p, "arn:aws:s3:::bucket").kind.name());
            assertEquals("OK", builder.doCheckArn(p, "${RUN_ARN}").kind.name());
            assertTrue(builder.doFillCredentialsIdItems(p, null).stream().anyMatch(o -> o.value.equals(TestSupport.CREDENTIALS_ID)));
        }
    }

    @Test
    void remoteNamesAreEscaped() throws Exception {
        // No "fail", "warn", "error" or "skip" in the name: the demo scenario would end the run by it (see its README).
        String name = "<img src=x onload=alert(1)>";
        String run = TestSupport.scheduleRun(client, simulator, name);
        clock.advance(Duration.ofHours(1));
        FreeStyleProject p = j.createFreeStyleProject();
        p.getPublishersList().add(new DeviceFarmResultsRecorder(run));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        String page = j.createWebClient().getPage(b, "devicefarm").getWebResponse().getContentAsString();
        assertTrue(page.contains("&lt;img src=x onload=alert(1)&gt;"), page);
        assertFalse(page.contains(name), page);
        String summary = j.createWebClient().getPage(b).getWebResponse().getContentAsString();
        assertFalse(summary.contains(name), summary);
    }

    private static void assertOnlyCurrent(ListBoxModel m) {
        assertEquals(1, m.size());
        assertEquals("current", m.get(0).value);
    }
}
