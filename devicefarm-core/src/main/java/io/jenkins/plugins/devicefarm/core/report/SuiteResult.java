package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.model.Counters;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/** A Device Farm suite (or a suite of the framework's own report) with its tests, in order. */
public record SuiteResult(String name, String result, String message, Duration duration, Counters counters,
                          List<TestCaseResult> tests) implements Serializable {
    public SuiteResult {
        name = name == null || name.isBlank() ? "(unnamed suite)" : name;
        duration = duration == null || duration.isNegative() ? Duration.ZERO : duration;
        counters = counters == null ? Counters.ZERO : counters;
        tests = List.copyOf(tests);
    }
}
