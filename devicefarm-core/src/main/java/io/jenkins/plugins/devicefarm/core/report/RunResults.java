package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A run's whole result tree: the run, then per device its suites and tests. */
public record RunResults(Outcome run, List<JobResults> jobs) implements Serializable {
    public RunResults {
        jobs = List.copyOf(jobs);
    }

    /** True when some device reported only custom-mode wrapper suites (no per-test results yet). */
    public boolean needsFrameworkReports() {
        return jobs.stream().anyMatch(j -> j.source() == JobResults.Source.WRAPPERS_ONLY);
    }

    /** This tree with one job's wrapper suites replaced by the suites of its framework's own report. */
    public RunResults withFrameworkReport(String jobArn, List<SuiteResult> suites) {
        List<JobResults> replaced = new ArrayList<>();
        for (JobResults j : jobs) {
            replaced.add(j.job().getArn().equals(jobArn)
                    ? new JobResults(j.job(), j.deviceOs(), suites, JobResults.Source.FRAMEWORK_REPORT) : j);
        }
        return new RunResults(run, replaced);
    }

    /**
     * What the log should say about devices without per-test results (custom mode, no JUnit or
     * TestNG XML in the customer artifact): one line each; empty when every device has them.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (JobResults j : jobs) {
            if (j.source() == JobResults.Source.WRAPPERS_ONLY) {
                notes.add("Device Farm reports no per-test results for " + j.deviceLabel()
                        + " (custom mode) and no JUnit or TestNG XML was found in its customer artifacts: only its counters "
                        + j.job().getCounters() + " are known.");
            }
        }
        return notes;
    }
}
