package io.jenkins.plugins.devicefarm.simulator;

/** How many tests of each outcome one job runs, as a run script scripts it. */
public record TestCounts(int passed, int failed, int warned, int errored, int skipped) {
    public TestCounts {
        if (passed < 0 || failed < 0 || warned < 0 || errored < 0 || skipped < 0) {
            throw new IllegalArgumentException("test counts cannot be negative");
        }
    }

    public int total() {
        return passed + failed + warned + errored + skipped;
    }
}
