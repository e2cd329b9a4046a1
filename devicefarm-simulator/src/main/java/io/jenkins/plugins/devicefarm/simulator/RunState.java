package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A run's state is its jobs' states added up: status, worst result, counters, minutes. It has
 * started once its first job started on a device, and its message is its own, saying how many
 * jobs ended with the run's result (a job's message describes that job only).
 */
record RunState(
        String status, String result, Instant started, Instant stopped, Counters counters, DeviceMinutes minutes,
        int completedJobs, String message) {

    /** Best to worst: a run is as bad as its worst job; a stopped run did not finish, so STOPPED is worst. */
    private static final List<String> RESULT_ORDER = List.of("PASSED", "SKIPPED", "WARNED", "FAILED", "ERRORED", "STOPPED");
    /** How far a not-yet-finished job has got. */
    private static final List<String> PROGRESS_ORDER =
            List.of("PENDING", "PENDING_CONCURRENCY", "PENDING_DEVICE", "SCHEDULING", "PREPARING", "RUNNING");

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
        Instant started = jobs.stream().map(JobState::started).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        if (completed < jobs.size()) {
            return new RunState(stopping ? "STOPPING" : furthest, "PENDING", started, null, counters, billed, completed, null);
        }
        String worst = jobs.stream().map(JobState::result).max(Comparator.comparingInt(RESULT_ORDER::indexOf)).orElseThrow();
        Instant stopped = jobs.stream().map(JobState::stopped).max(Comparator.naturalOrder()).orElseThrow();
        return new RunState("COMPLETED", worst, started, stopped, counters, billed, completed, message(jobs, worst));
    }

    private static String message(List<JobState> jobs, String worst) {
        if ("PASSED".equals(worst)) {
            return null;
        }
        long count = jobs.stream().filter(j -> worst.equals(j.result())).count();
        return count + " of " + jobs.size() + (jobs.size() == 1 ? " job " : " jobs ") + worst.toLowerCase(Locale.ROOT) + ".";
    }
}
