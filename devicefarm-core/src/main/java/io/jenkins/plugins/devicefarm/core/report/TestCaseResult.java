package io.jenkins.plugins.devicefarm.core.report;

import java.io.Serializable;
import java.time.Duration;

/**
 * One test as Device Farm (or the test framework's own report) saw it. {@code result} is Device
 * Farm's: PASSED, WARNED, FAILED, ERRORED, SKIPPED, STOPPED or PENDING; {@code message} may be null.
 */
public record TestCaseResult(String name, String result, String message, Duration duration) implements Serializable {
    public TestCaseResult {
        name = name == null || name.isBlank() ? "(unnamed test)" : name;
        result = result == null ? "PENDING" : result;
        duration = duration == null || duration.isNegative() ? Duration.ZERO : duration;
    }
}
