package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * One device's share of a run: the job (device name, result, counters, minutes), the device's OS,
 * and its suites. {@code source} says where the per-test results come from.
 */
public record JobResults(Outcome job, String deviceOs, List<SuiteResult> suites, Source source) implements Serializable {
    /** The suites Device Farm reports in custom mode: wrappers around the whole test run, no per-test results. */
    public static final Set<String> CUSTOM_MODE_WRAPPERS = Set.of("Setup Suite", "Tests Suite", "Teardown Suite");

    /** Where the suites come from. */
    public enum Source {
        /** Device Farm's own per-test results (standard mode). */
        DEVICE_FARM,
        /** Custom mode: only Device Farm's Setup/Tests/Teardown wrappers are known. */
        WRAPPERS_ONLY,
        /** Custom mode: the test framework's JUnit or TestNG XML from the customer artifact. */
        FRAMEWORK_REPORT
    }

    public JobResults {
        suites = List.copyOf(suites);
    }

    /** Classifies Device Farm's suites: only wrapper suites means custom mode. */
    static JobResults fromDeviceFarm(Outcome job, String deviceOs, List<SuiteResult> suites) {
        boolean wrappers = !suites.isEmpty() && suites.stream().allMatch(s -> CUSTOM_MODE_WRAPPERS.contains(s.name()));
        return new JobResults(job, deviceOs, suites, wrappers ? Source.WRAPPERS_ONLY : Source.DEVICE_FARM);
    }

    /** The device as shown in reports: its name, with the OS version when known, e.g. {@code Google Pixel 8 (14)}. */
    public String deviceLabel() {
        String name = job.getDeviceName() == null ? job.getName() : job.getDeviceName();
        return deviceOs == null || deviceOs.isEmpty() ? String.valueOf(name) : name + " (" + deviceOs + ")";
    }
}
