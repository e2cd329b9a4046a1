package io.jenkins.plugins.devicefarm.core.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.DeviceMinutes;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.model.OutcomeTotals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendModelTest {
    private static BuildSummary build(int n, int passed, int failed, double metered, double unmetered) {
        Outcome a = Outcome.builder(ArnKind.RUN, "a").counters(new Counters(passed + failed, passed, failed, 0, 0, 0, 0))
                .deviceMinutes(new DeviceMinutes(metered + unmetered, metered, unmetered)).build();
        Outcome b = Outcome.builder(ArnKind.SESSION, "b").deviceMinutes(new DeviceMinutes(1, 1, 0)).build();
        return new BuildSummary(n, "#" + n, OutcomeTotals.of(List.of(a, b)));
    }

    @Test
    void newestBuildsOldestFirstWithSummedMinutes() {
        List<BuildSummary> builds = new ArrayList<>(List.of(build(3, 5, 1, 2.5, 0), build(1, 1, 0, 1, 4), build(2, 0, 2, 0, 0)));
        TrendSeries s = TrendModel.deviceMinutes(builds, 2);
        assertThat(s.labels()).containsExactly("#2", "#3");
        assertThat(s.series().get("metered")).containsExactly(1.0, 3.5); // each build also had a 1-minute session
        assertThat(s.series().get("unmetered")).containsExactly(0.0, 0.0);
        assertThat(s.series().keySet()).containsExactly("metered", "unmetered");
    }

    @Test
    void countersSeriesInStackingOrder() {
        TrendSeries s = TrendModel.counters(List.of(build(1, 4, 1, 0, 0), build(2, 2, 3, 0, 0)), 50);
        assertThat(s.series().keySet()).containsExactly("passed", "failed", "warned", "errored", "skipped", "stopped");
        assertThat(s.series().get("passed")).containsExactly(4.0, 2.0);
        assertThat(s.series().get("failed")).containsExactly(1.0, 3.0);
    }

    @Test
    void noBuildsNoPoints() {
        assertThat(TrendModel.counters(List.of(), 10).isEmpty()).isTrue();
    }
}
