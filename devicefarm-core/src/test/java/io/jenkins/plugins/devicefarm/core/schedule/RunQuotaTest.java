package io.jenkins.plugins.devicefarm.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.upload.TestUploads;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.Concurrency;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/** A ScheduleRun refused for the account's quota of jobs in flight: one line that names the quota and the fix. */
class RunQuotaTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final RunScheduler scheduler = new RunScheduler(f.client, f.watcher);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aRunBeyondTheInFlightQuotaFailsWithTheFixAndNothingIsAdopted() throws Exception {
        String app = TestUploads.upload(f, "app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        f.sim.scenario().concurrency(new Concurrency(5, 2, 3));
        f.scheduleRun("earlier"); // two jobs in flight
        Throwable t = Await.failure(scheduler.schedule(new RunRequest(f.project(), "BUILTIN_FUZZ").name("nightly").app(app)
                .devicePool("Top Android Devices")));
        assertThat(t).isInstanceOf(DeviceFarmCallException.class)
                .hasMessageStartingWith("Device Farm ScheduleRun for run 'nightly [")
                .hasMessageContaining("LimitExceededException: The maximum number of in-flight jobs")
                .hasMessageEndingWith("this run would add 2. Device Farm allows at most 250 jobs in flight per account "
                        + "by default, queued ones included: wait for runs to end or ask AWS to raise the quota.")
                .hasMessageNotContaining("\n");
        assertThat(((DeviceFarmCallException) t).getErrorCode()).isEqualTo("LimitExceededException");
        assertThat(f.sim.journal().count("ScheduleRun")).isEqualTo(2);
        assertThat(f.client.listRuns(r -> r.arn(f.project())).runs()).hasSize(1);
    }
}
