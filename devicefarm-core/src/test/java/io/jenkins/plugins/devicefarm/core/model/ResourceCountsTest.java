package io.jenkins.plugins.devicefarm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceCountsTest {
    private static final String RUN = "arn:aws:devicefarm:us-west-2:123456789012:run:proj-1/run-1";
    private static final String JOB_OF_RUN = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-1/00000";
    private static final String JOB_2_OF_RUN = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-1/00001";
    private static final String OTHER_JOB = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-9/00000";
    private static final String SESSION = "arn:aws:devicefarm:us-west-2:123456789012:session:proj-1/run-2/00000";

    @Test
    void countsEveryRowByKindAndTheJobsTheirRunHolds() {
        ResourceCounts c = ResourceCounts.of(List.of(RUN, JOB_OF_RUN, JOB_2_OF_RUN, OTHER_JOB, SESSION, "not an arn"));
        assertThat(c.getRuns()).isEqualTo(1);
        assertThat(c.getJobs()).isEqualTo(3);
        assertThat(c.getJobsOfListedRuns()).isEqualTo(2);
        assertThat(c.getSessions()).isEqualTo(1);
        assertThat(c.getTotal()).isEqualTo(5);
        // The totals count 3 things: the run (holding its two jobs), the other job and the session.
        assertThat(c.getTotal() - c.getJobsOfListedRuns()).isEqualTo(3);
    }
}
