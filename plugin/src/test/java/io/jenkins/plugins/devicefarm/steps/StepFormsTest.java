package io.jenkins.plugins.devicefarm.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/** The Snippet Generator checks step fields for users who may configure the job and refuses others (403), as the freestyle forms do. */
@WithJenkins
class StepFormsTest {
    private static final String RUN = "arn:aws:devicefarm:us-west-2:123456789012:run:p/r";
    private static final String JOB = "arn:aws:devicefarm:us-west-2:123456789012:job:p/r/00000";

    @Test
    void fieldsAreCheckedOnlyForConfigurers(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        var waitForRun = j.jenkins.getDescriptorByType(WaitForRunStep.DescriptorImpl.class);
        var stopJob = j.jenkins.getDescriptorByType(StopJobStep.DescriptorImpl.class);
        var session = j.jenkins.getDescriptorByType(SessionStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertEquals(FormValidation.Kind.OK, waitForRun.doCheckArn(p, RUN).kind);
            FormValidation wrongKind = waitForRun.doCheckArn(p, JOB);
            assertEquals(FormValidation.Kind.ERROR, wrongKind.kind);
            assertTrue(wrongKind.getMessage().contains("arn"), wrongKind.getMessage());
            assertEquals(FormValidation.Kind.OK, stopJob.doCheckArn(p, JOB).kind);
            assertEquals(FormValidation.Kind.ERROR, stopJob.doCheckArn(p, "").kind);
            assertEquals(FormValidation.Kind.ERROR, session.doCheckDeviceArn(p, RUN).kind);
            assertEquals(FormValidation.Kind.ERROR, session.doCheckVpceConfigurationArns(p, "vpce-1, " + RUN).kind);
            assertTrue(session.doFillBillingMethodItems(p).stream().anyMatch(o -> o.value.equals("UNMETERED")));
            assertEquals(FormValidation.Kind.OK, session.doCheckDeviceProxy(p, "proxy.example.com:8080").kind);
            FormValidation noPort = session.doCheckDeviceProxy(p, "proxy.example.com");
            assertEquals(FormValidation.Kind.ERROR, noPort.kind);
            assertTrue(noPort.getMessage().startsWith("deviceProxy: "), noPort.getMessage());
            assertEquals(FormValidation.Kind.ERROR, session.doCheckAppiumVersion(p, "2.11").kind);
            assertEquals(FormValidation.Kind.OK, session.doCheckApp(p, "app-release.apk").kind);
            assertEquals(FormValidation.Kind.ERROR, session.doCheckApp(p, RUN).kind);
            assertEquals(FormValidation.Kind.ERROR, session.doCheckAuxiliaryApps(p, "a.apk\nb.apk\nc.apk\nd.apk").kind);
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThrows(AccessDeniedException.class, () -> waitForRun.doCheckArn(p, JOB));
            assertThrows(AccessDeniedException.class, () -> stopJob.doCheckArn(p, JOB));
            assertThrows(AccessDeniedException.class, () -> waitForRun.doCheckCredentialsId(p, "aws"));
            assertThrows(AccessDeniedException.class, () -> session.doCheckDeviceArn(p, RUN));
            assertThrows(AccessDeniedException.class, () -> session.doCheckDeviceProxy(p, "proxy.example.com"));
            assertThrows(AccessDeniedException.class, () -> waitForRun.doCheckArn(null, RUN)); // no job: administer needed
            assertTrue(session.doFillBillingMethodItems(p).isEmpty());
            assertEquals(1, session.doFillCredentialsIdItems(p, "current").size());
        }
    }
}
