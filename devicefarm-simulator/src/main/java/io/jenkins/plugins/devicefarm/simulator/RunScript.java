package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What happens to every job of a run whose name matches {@code namePattern} (regex, searched
 * anywhere in the name): seconds queued, seconds of device setup, seconds of tests, seconds of
 * teardown, and the outcome. Setup, tests and teardown are billed; queueing is not.
 */
public record RunScript(
        String namePattern,
        long queueSeconds,
        long setupSeconds,
        long testSeconds,
        long teardownSeconds,
        String result,
        TestCounts counters,
        String message) {

    static final Set<String> FINAL_RESULTS = Set.of("PASSED", "WARNED", "FAILED", "SKIPPED", "ERRORED", "STOPPED");

    /** Used when no script matches a run's name. */
    public static final RunScript DEFAULT =
            new RunScript(".*", 20, 60, 300, 30, "PASSED", new TestCounts(10, 0, 0, 0, 0), null);

    public RunScript {
        namePattern = namePattern == null ? ".*" : namePattern;
        Pattern.compile(namePattern); // fail on load, not on the first ScheduleRun
        if (queueSeconds < 0 || setupSeconds < 0 || testSeconds < 0 || teardownSeconds < 0) {
            throw new IllegalArgumentException("run script durations cannot be negative");
        }
        result = result == null ? "PASSED" : result;
        if (!FINAL_RESULTS.contains(result)) {
            throw new IllegalArgumentException("run script result must be one of " + FINAL_RESULTS + ": " + result);
        }
        counters = counters == null ? new TestCounts(0, 0, 0, 0, 0) : counters;
    }

    /** A script that matches names containing {@code regex} and otherwise copies this one's timing. */
    public RunScript withNamePattern(String regex) {
        return new RunScript(regex, queueSeconds, setupSeconds, testSeconds, teardownSeconds, result, counters, message);
    }

    @JsonIgnore
    public boolean matches(String runName) {
        return Pattern.compile(namePattern).matcher(runName == null ? "" : runName).find();
    }
}
