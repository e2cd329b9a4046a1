package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A run's state is its jobs' states added up: status, worst result, counters, minutes. */
record RunState(
        String status, String result, Instant stopped, Counters counters, DeviceMinutes minutes, int completedJobs,
        String message) {

    /** Best to worst: a run is as bad as its worst job; a stopped run did not finish, so STOPPED is worst. */
    private static final List<String> RESULT_ORDER = List.of("PASSED", "SKIPPED", "WARNED", "FAILED", "ERRORED", "STOPPED");
    /** How far a not-yet-finished job has got. */
    private static final List<String> PROGRESS_ORDER = List.of("PENDING", "SCHEDULING", "PREPARING", "RUNNING");

    static RunState of(List<JobState> jobs, String billingMethod) {
        Counters counters = Counters.ZERO;
        double minutes = 0;
        int completed = 0;
        boolean stopping = false;
        String furthest = "PENDING";
        for (JobState job : jobs) {
            counters = counters.plus(job.counters());
            minutes += job.billedMinutes();
            if (job.completed()) {
                completed++;
                furthest = "RUNNING"; // some devices done, others still going: the run is running
            } else if ("STOPPING".equals(job.status())) {
                stopping = true;
            } else if (PROGRESS_ORDER.indexOf(job.status()) > PROGRESS_ORDER.indexOf(furthest)) {
                furthest = job.status();
            }
        }
        DeviceMinutes billed = DeviceMinutes.of(minutes, billingMethod);
        if (completed < jobs.size()) {
            return new RunState(stopping ? "STOPPING" : furthest, "PENDING", null, counters, billed, completed, null);
        }
        JobState worst = jobs.stream()
                .max(Comparator.comparingInt(j -> RESULT_ORDER.indexOf(j.result())))
                .orElseThrow();
        Instant stopped = jobs.stream().map(JobState::stopped).max(Comparator.naturalOrder()).orElseThrow();
        return new RunState("COMPLETED", worst.result(), stopped, counters, billed, completed, worst.message());
    }
}
