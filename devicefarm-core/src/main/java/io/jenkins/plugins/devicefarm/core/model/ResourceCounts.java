package io.jenkins.plugins.devicefarm.core.model;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a build page counts: the runs, jobs and sessions the build tracked (one row each on the
 * details page), and how many of those jobs belong to a run that is also listed, whose totals
 * already hold them (see {@link OutcomeTotals#of}).
 */
public final class ResourceCounts {
    private final int runs;
    private final int jobs;
    private final int jobsOfListedRuns;
    private final int sessions;

    private ResourceCounts(int runs, int jobs, int jobsOfListedRuns, int sessions) {
        this.runs = runs;
        this.jobs = jobs;
        this.jobsOfListedRuns = jobsOfListedRuns;
        this.sessions = sessions;
    }

    /** Counts ARNs by kind; an ARN this plugin cannot read counts nowhere. */
    public static ResourceCounts of(Collection<String> arns) {
        Set<DeviceFarmArn> runArns = new HashSet<>();
        Set<DeviceFarmArn> jobArns = new HashSet<>();
        int sessions = 0;
        for (String arn : arns) {
            DeviceFarmArn a;
            try {
                a = DeviceFarmArn.parse("arn", arn);
            } catch (IllegalArgumentException e) {
                continue;
            }
            switch (a.kind()) {
                case RUN -> runArns.add(a);
                case JOB -> jobArns.add(a);
                case SESSION -> sessions++;
                default -> { }
            }
        }
        int inRuns = (int) jobArns.stream().filter(j -> runArns.contains(j.run())).count();
        return new ResourceCounts(runArns.size(), jobArns.size(), inRuns, sessions);
    }

    public int getRuns() { return runs; }
    public int getJobs() { return jobs; }
    /** Jobs whose run is also counted: the totals count each of them once, in its run. */
    public int getJobsOfListedRuns() { return jobsOfListedRuns; }
    public int getSessions() { return sessions; }
    /** Rows of the details page: runs + jobs + sessions. */
    public int getTotal() { return runs + jobs + sessions; }
}
