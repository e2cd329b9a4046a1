package io.jenkins.plugins.devicefarm.steps;

import static io.jenkins.plugins.devicefarm.TestSupport.PIXEL;
import static io.jenkins.plugins.devicefarm.TestSupport.await;
import static io.jenkins.plugins.devicefarm.TestSupport.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.FilePath;
import hudson.model.Result;
import hudson.model.TopLevelItem;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import io.jenkins.plugins.devicefarm.simulator.UploadScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * deviceFarmSession with its app given as a workspace path: uploaded from the agent before the
 * session is created, installed by it, deleted when it ends; an abort during the upload leaves
 * nothing; a missing file or a step outside node fails naming the field, before anything is sent.
 */
@WithJenkins
class SessionWorkspaceAppTest extends SimulatorFixture {
    private static final String APP = "app/app-debug.apk";

    @Test
    void theWorkspaceAppIsUploadedInstalledAndDeletedWhenTheSessionEnds() throws Exception {
        instantProcessing();
        WorkflowJob p = pipeline(j, "wsApp", "node { deviceFarmSession(deviceArn: '" + PIXEL + "', app: '" + APP + "') {\n"
                + "  semaphore 'body'\n"
                + "} }");
        workspaceApp(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        await("CreateRemoteAccessSession", () -> simulator.journal().count("CreateRemoteAccessSession") > 0);
        clock.advance(Duration.ofMinutes(5));
        SemaphoreStep.waitForStart("body/1", b);

        String session = b.getAction(DeviceFarmBuildAction.class).getResources().get(0).getArn();
        String upload = client.getRemoteAccessSession(r -> r.arn(session)).remoteAccessSession().appUpload();
        assertNotNull(upload); // the session installs the upload made of the workspace file
        assertEquals("ANDROID_APP", client.getUpload(r -> r.arn(upload)).upload().typeAsString());
        assertEquals(1, simulator.journal().count("PutUpload")); // the bytes went to the presigned URL
        assertEquals(0, simulator.journal().count("DeleteUpload")); // not while the session uses it

        SemaphoreStep.success("body/1", null);
        await("StopRemoteAccessSession", () -> simulator.journal().count("StopRemoteAccessSession") > 0);
        clock.advance(Duration.ofMinutes(5));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(1, simulator.journal().count("DeleteUpload", upload));
        j.assertLogContains("Deleted upload " + upload, b);
        j.assertLogNotContains("/_uploads/", b); // the presigned upload URL is a secret
        assertFalse(Files.readString(b.getRootDir().toPath().resolve("build.xml"), StandardCharsets.UTF_8).contains("/_uploads/"));
    }

    @Test
    void keepUploadsKeepsIt() throws Exception {
        instantProcessing();
        WorkflowJob p = pipeline(j, "keep", "node { deviceFarmSession(deviceArn: '" + PIXEL + "', app: '" + APP
                + "', keepUploads: true) { echo 'in the block' } }");
        workspaceApp(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        await("CreateRemoteAccessSession", () -> simulator.journal().count("CreateRemoteAccessSession") > 0);
        clock.advance(Duration.ofMinutes(5));
        await("StopRemoteAccessSession", () -> simulator.journal().count("StopRemoteAccessSession") > 0);
        clock.advance(Duration.ofMinutes(5));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("keepUploads: true", b);
        assertEquals(0, simulator.journal().count("DeleteUpload"));
    }

    @Test
    void abortWhileDeviceFarmProcessesTheAppDeletesItAndCreatesNoSession() throws Exception {
        // The simulator's clock stands still: the app stays PROCESSING.
        WorkflowJob p = pipeline(j, "abortProcessing", "node { deviceFarmSession(deviceArn: '" + PIXEL + "', app: '" + APP
                + "') { echo 'never here' } }");
        workspaceApp(p);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Device Farm is processing", b);
        b.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, simulator.journal().count("CreateUpload"));
        assertEquals(1, simulator.journal().count("DeleteUpload"));
        assertEquals(0, simulator.journal().count("CreateRemoteAccessSession"));
        j.assertLogNotContains("never here", b);
    }

    @Test
    void aMissingFileFailsNamingTheFieldBeforeAnythingIsSent() throws Exception {
        WorkflowJob p = pipeline(j, "missing", "node { deviceFarmSession(deviceArn: '" + PIXEL
                + "', app: 'app/missing.apk') { echo 'never here' } }");
        workspaceApp(p);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("app: no file 'app/missing.apk' in the workspace", b);
        assertEquals(0, simulator.journal().count("CreateUpload"));
        assertEquals(0, simulator.journal().count("CreateRemoteAccessSession"));
        assertFalse(b.getLog().contains("at io.jenkins.plugins")); // one line, not a stack trace
    }

    @Test
    void aWorkspacePathOutsideNodeFailsNamingTheField() throws Exception {
        WorkflowJob p = pipeline(j, "noNode", "deviceFarmSession(deviceArn: '" + PIXEL + "', app: '" + APP + "') { echo 'never here' }");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("app: '" + APP + "' is a workspace path, but deviceFarmSession runs outside node", b);
        assertEquals(0, simulator.journal().count("CreateUpload"));
        assertFalse(b.getLog().contains("at io.jenkins.plugins"));
    }

    /** Uploads are processed at once (the default is 5 seconds of the simulator's clock). */
    private void instantProcessing() {
        simulator.scenario().prependUploadScript(new UploadScript(".*", 0, "SUCCEEDED", null, null, null));
    }

    /** A valid APK (the simulator checks the bytes) in the job's workspace. */
    private void workspaceApp(TopLevelItem job) throws Exception {
        FilePath file = j.jenkins.getWorkspaceFor(job).child(APP);
        file.getParent().mkdirs();
        try (var out = file.write()) {
            out.write(SampleFiles.apk());
        }
    }
}
