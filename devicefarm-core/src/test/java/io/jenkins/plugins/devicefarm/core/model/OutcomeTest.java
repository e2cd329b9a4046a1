package io.jenkins.plugins.devicefarm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.result.ResultPolicy;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    static final Outcome RUN = Outcome.builder(ArnKind.RUN, "arn:aws:devicefarm:us-west-2:123456789012:run:p/r")
            .name("nightly").status("COMPLETED").result("FAILED").message("2 tests failed")
            .counters(new Counters(10, 7, 2, 1, 0, 0, 0)).deviceMinutes(new DeviceMinutes(12.5, 10, 2.5))
            .consoleUrl("https://example/console").build();

    @Test
    @SuppressWarnings("unchecked")
    void pipelineMapHasEveryCounterAndMinuteWithDeviceFarmNames() {
        Map<String, Object> m = RUN.toMap();
        assertThat(m).containsEntry("arn", RUN.getArn()).containsEntry("result", "FAILED").containsEntry("url", "https://example/console")
                .containsEntry("stoppedByUs", false);
        assertThat((Map<String, Object>) m.get("counters")).containsOnlyKeys("total", "passed", "failed", "warned", "errored", "stopped", "skipped")
                .containsEntry("passed", 7).containsEntry("warned", 1);
        assertThat((Map<String, Object>) m.get("deviceMinutes")).containsEntry("total", 12.5).containsEntry("metered", 10.0).containsEntry("unmetered", 2.5);
        // Only plain types, so a sandboxed Jenkinsfile can read it without script approval.
        assertThat(m.values()).allSatisfy(v -> assertThat(v == null || v instanceof String || v instanceof Boolean
                || v instanceof Map).isTrue());
    }

    @Test
    void stoppedByUsKeepsEverythingElse() {
        Outcome s = RUN.stoppedByUs("build aborted");
        assertThat(s.isStoppedByUs()).isTrue();
        assertThat(s.getStopReason()).isEqualTo("build aborted");
        assertThat(s.getCounters()).isEqualTo(RUN.getCounters());
        assertThat(s.toString()).contains("stopped by Jenkins (build aborted)");
    }

    @Test
    void totalsSumCountersAndMinutes() {
        OutcomeTotals t = OutcomeTotals.of(List.of(RUN, RUN.toBuilder().counters(new Counters(1, 1, 0, 0, 0, 0, 0))
                .deviceMinutes(new DeviceMinutes(1, 0, 1)).build()));
        assertThat(t.getCount()).isEqualTo(2);
        assertThat(t.getCounters()).isEqualTo(new Counters(11, 8, 2, 1, 0, 0, 0));
        assertThat(t.getDeviceMinutes()).isEqualTo(new DeviceMinutes(13.5, 10, 3.5));
    }

    @Test
    void aJobIsNotCountedAgainWhenItsRunIsThere() {
        Outcome job = Outcome.builder(ArnKind.JOB, "arn:aws:devicefarm:us-west-2:123456789012:job:p/r/00001")
                .counters(new Counters(5, 5, 0, 0, 0, 0, 0)).deviceMinutes(new DeviceMinutes(6, 6, 0)).build();
        Outcome otherRunsJob = Outcome.builder(ArnKind.JOB, "arn:aws:devicefarm:us-west-2:123456789012:job:p/other/00000")
                .counters(new Counters(2, 0, 2, 0, 0, 0, 0)).deviceMinutes(new DeviceMinutes(1, 1, 0)).build();

        OutcomeTotals withRun = OutcomeTotals.of(List.of(job, RUN, otherRunsJob));
        assertThat(withRun.getCount()).isEqualTo(2);
        assertThat(withRun.getCounters()).isEqualTo(new Counters(12, 7, 4, 1, 0, 0, 0));
        assertThat(withRun.getDeviceMinutes()).isEqualTo(new DeviceMinutes(13.5, 11, 2.5));

        OutcomeTotals jobsOnly = OutcomeTotals.of(List.of(job, otherRunsJob));
        assertThat(jobsOnly.getCount()).isEqualTo(2);
        assertThat(jobsOnly.getDeviceMinutes()).isEqualTo(new DeviceMinutes(7, 7, 0));
    }

    @Test
    void persistedValuesSurviveJavaSerialization() throws Exception {
        DeviceFarmArn arn = DeviceFarmArn.parse("arn", RUN.getArn(), ArnKind.RUN);
        ResultPolicy policy = ResultPolicy.defaults().with(ResultPolicy.DeviceFarmResult.SKIPPED, Verdict.UNSTABLE);
        assertThat(roundTrip(RUN).toMap()).isEqualTo(RUN.toMap());
        assertThat(roundTrip(arn)).isEqualTo(arn);
        assertThat(roundTrip(policy)).isEqualTo(policy);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void onlyARunningSessionIsReady() {
        assertThat(RUN.toBuilder().status("RUNNING").build().isRunning()).isTrue();
        for (String other : new String[] {"PENDING", "PREPARING", "STOPPING", "COMPLETED"}) {
            assertThat(RUN.toBuilder().status(other).build().isRunning()).as(other).isFalse();
        }
    }
}
