package io.jenkins.plugins.devicefarm.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.SimulatorFixture;
import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import io.jenkins.plugins.devicefarm.simulator.SessionScript;
import io.jenkins.plugins.devicefarm.simulator.UploadScript;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle wrapper with its app given as a workspace path: uploaded from the workspace, deleted at the end. */
@WithJenkins
class FreestyleWorkspaceAppTest extends SimulatorFixture {
    private static final String APP = "app/app-debug.apk";

    @Test
    void theWorkspaceAppIsUploadedInstalledAndDeletedAfterTheSession() throws Exception {
        simulator.scenario().sessionScript(new SessionScript(0, 0, 0)); // RUNNING at once, stopped at once
        simulator.scenario().prependUploadScript(new UploadScript(".*", 0, "SUCCEEDED", null, null, null));
        FreeStyleProject p = j.createFreeStyleProject();
        DeviceFarmSessionWrapper w = new DeviceFarmSessionWrapper(null, TestSupport.PIXEL);
        w.setApp(APP);
        p.getBuildWrappersList().add(w);
        FilePath file = j.jenkins.getWorkspaceFor(p).child(APP);
        file.getParent().mkdirs();
        try (var out = file.write()) {
            out.write(SampleFiles.apk());
        }
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        String session = b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
        String upload = client.getRemoteAccessSession(r -> r.arn(session)).remoteAccessSession().appUpload();
        assertNotNull(upload);
        assertEquals(1, simulator.journal().count("PutUpload"));
        assertEquals(1, simulator.journal().count("DeleteUpload", upload));
        j.assertLogNotContains("/_uploads/", b); // the presigned upload URL is a secret
    }

    @Test
    void aMissingFileFailsNamingTheFieldAndCreatesNothing() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        DeviceFarmSessionWrapper w = new DeviceFarmSessionWrapper(null, TestSupport.PIXEL);
        w.setApp("app/missing.apk");
        p.getBuildWrappersList().add(w);
        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("app: no file 'app/missing.apk' in the workspace", b);
        assertEquals(0, simulator.journal().count("CreateUpload"));
        assertEquals(0, simulator.journal().count("CreateRemoteAccessSession"));
    }
}
