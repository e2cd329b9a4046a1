package io.jenkins.plugins.devicefarm.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The suites and tests of one job, derived from the job's own state (its counters, status and
 * times from {@link JobTimeline}) so they can never disagree with it.
 *
 * <p>Standard mode (no test spec): one test per scripted test, spread over suites of five, in the
 * order they finish. The k-th test of an outcome is done once the job's counter for that outcome
 * reaches k, so counting finished tests always gives the job's counters. Tests an interrupted job
 * never ran are STOPPED. Custom mode (a test spec): Device Farm only reports the wrapper suites
 * "Setup Suite", "Tests Suite" and "Teardown Suite", one test each; the per-test report is the test
 * framework's own, in the customer artifact.
 */
final class JobResults {
    static final List<String> WRAPPERS = List.of("Setup", "Tests", "Teardown");
    /** Best to worst, as a suite is as bad as its worst test. */
    static final List<String> RESULT_ORDER = List.of("PASSED", "SKIPPED", "WARNED", "FAILED", "ERRORED", "STOPPED");
    private static final List<String> OUTCOMES = List.of("PASSED", "FAILED", "WARNED", "ERRORED", "SKIPPED");
    private static final List<String> CLASSES = List.of("LoginTest", "CheckoutTest", "SearchTest", "ProfileTest", "SettingsTest");
    static final int TESTS_PER_SUITE = 5;

    /** A scripted test: its outcome, its rank among tests of that outcome (1-based) and the fraction of test time when it ends. */
    record PlannedTest(int suite, String suiteName, String name, String outcome, int rank, double endsAt, double startsAt) {
        String message() {
            return switch (outcome) {
                case "FAILED" -> "expected:<200> but was:<500> in " + name + " & \"checkout\"";
                case "ERRORED" -> "java.lang.IllegalStateException: the app under test crashed in " + name;
                case "WARNED" -> "The screen took 3.2 s > 2 s to render in " + name;
                case "SKIPPED" -> "Skipped: the precondition of " + name + " was not met";
                default -> null;
            };
        }
    }

    private JobResults() {}

    static boolean customMode(SimRun run) {
        return run.request().testSpecArn() != null;
    }

    /** The scripted tests of a standard-mode job in the order they end; the same for every job of the run. */
    static List<PlannedTest> plan(TestCounts counts) {
        record Slot(String outcome, int rank, double endsAt) {}
        List<Slot> slots = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            int n = count(new Counters(counts.total(), counts.passed(), counts.failed(), counts.warned(), counts.errored(), 0,
                    counts.skipped()), outcome);
            for (int k = 1; k <= n; k++) {
                slots.add(new Slot(outcome, k, (double) k / n));
            }
        }
        slots.sort(Comparator.comparingDouble(Slot::endsAt).thenComparingInt(s -> OUTCOMES.indexOf(s.outcome())));
        List<PlannedTest> plan = new ArrayList<>();
        double previous = 0; // tests ending together ran side by side, from the last earlier end
        double lastEnd = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            int suite = i / TESTS_PER_SUITE;
            String cls = CLASSES.get(suite % CLASSES.size()) + (suite < CLASSES.size() ? "" : String.valueOf(suite / CLASSES.size() + 1));
            String name = "test" + cls.replace("Test", "") + String.format("%02d", i % TESTS_PER_SUITE + 1);
            if (s.endsAt() > lastEnd) {
                previous = lastEnd;
                lastEnd = s.endsAt();
            }
            plan.add(new PlannedTest(suite, "com.example.app." + cls, name, s.outcome(), s.rank(), s.endsAt(), previous));
        }
        return plan;
    }

    /**
     * The per-test results the test framework itself saw (standard-mode shape, whatever the mode):
     * what a custom-mode job's JUnit report in the customer artifact holds.
     */
    static List<ResultState> frameworkSuites(SimJob job, Instant now) {
        JobState state = job.state(now);
        return state.started() == null ? List.of() : standard(job, state, now);
    }

    /** None until the job has a device (a job stopped before that never gets any), then all of them. */
    static List<ResultState> suites(SimJob job, Instant now) {
        JobState state = job.state(now);
        if (state.started() == null) {
            return List.of();
        }
        return customMode(job.run()) ? wrappers(job, state, now) : standard(job, state, now);
    }

    private static List<ResultState> standard(SimJob job, JobState state, Instant now) {
        RunScript script = job.run().script();
        Instant testsStart = state.started() == null ? null : state.started().plusSeconds(script.setupSeconds());
        boolean testing = testsStart != null && !now.isBefore(testsStart) && "RUNNING".equals(state.status());
        List<List<ResultState>> bySuite = new ArrayList<>();
        List<String> suiteNames = new ArrayList<>();
        boolean runningTaken = false;
        for (PlannedTest p : plan(script.counters())) {
            if (bySuite.size() <= p.suite()) {
                bySuite.add(new ArrayList<>());
                suiteNames.add(p.suiteName());
            }
            String arn = testArn(job, p.suite(), bySuite.get(p.suite()).size());
            ResultState test;
            if (p.rank() <= count(state.counters(), p.outcome())) {
                Instant started = at(testsStart, script.testSeconds(), p.startsAt());
                Instant stopped = at(testsStart, script.testSeconds(), p.endsAt());
                test = finished(arn, p.name(), p.outcome(), started, stopped, p.message());
            } else if (state.completed()) {
                Instant end = state.stopped();
                test = finished(arn, p.name(), "STOPPED", end, end, "The test did not run: the job was stopped.");
            } else if (testing && !runningTaken) {
                runningTaken = true;
                Instant started = at(testsStart, script.testSeconds(), p.startsAt());
                test = new ResultState(arn, p.name(), "RUNNING", "PENDING", started, null, single("PENDING"), null,
                        minutes(started, now), List.of());
            } else {
                test = new ResultState(arn, p.name(), state.completed() ? "COMPLETED" : "PENDING", "PENDING",
                        null, null, single("PENDING"), null, 0, List.of());
            }
            bySuite.get(p.suite()).add(test);
        }
        List<ResultState> suites = new ArrayList<>();
        for (int i = 0; i < bySuite.size(); i++) {
            suites.add(suite(suiteArn(job, i), suiteNames.get(i), bySuite.get(i), state));
        }
        return suites;
    }

    /** Setup, Tests and Teardown, each as far as the job's phases have got. */
    private static List<ResultState> wrappers(SimJob job, JobState state, Instant now) {
        RunScript script = job.run().script();
        List<ResultState> suites = new ArrayList<>();
        Instant deviceStart = state.started();
        Instant testsStart = deviceStart == null ? null : deviceStart.plusSeconds(script.setupSeconds());
        Instant testsEnd = testsStart == null ? null : testsStart.plusSeconds(script.testSeconds());
        Instant t = state.completed() ? state.stopped() : now;
        Instant[] from = {deviceStart, testsStart, testsEnd};
        Instant[] to = {testsStart, testsEnd, state.completed() ? state.stopped() : null};
        for (int i = 0; i < WRAPPERS.size(); i++) {
            String name = WRAPPERS.get(i);
            String arn = testArn(job, i, 0);
            ResultState test;
            boolean begun = from[i] != null && !t.isBefore(from[i]);
            boolean ended = begun && (i == 2 ? state.completed() : !t.isBefore(to[i]));
            if (ended) {
                String result = i == 1 ? testsResult(state) : "PASSED";
                Instant stop = i == 2 ? to[i] : Timing.earlier(to[i], t);
                test = finished(arn, name + " Test", result, from[i], stop, i == 1 ? state.message() : null);
            } else if (state.completed()) {
                Instant end = state.stopped();
                boolean ran = begun && i != 2;
                test = finished(arn, name + " Test", "STOPPED", ran ? from[i] : end, end,
                        "Stopped before " + name.toLowerCase() + " finished.");
            } else if (begun) {
                test = new ResultState(arn, name + " Test", state.status(), "PENDING", from[i], null, single("PENDING"), null,
                        minutes(from[i], now), List.of());
            } else {
                test = new ResultState(arn, name + " Test", "PENDING", "PENDING", null, null, single("PENDING"),
                        null, 0, List.of());
            }
            suites.add(suite(suiteArn(job, i), name + " Suite", List.of(test), state));
        }
        return suites;
    }

    /** What the framework's tests came to, read from the job's counters (they describe those tests). */
    private static String testsResult(JobState state) {
        Counters c = state.counters();
        if (state.completed() && "STOPPED".equals(state.result())) {
            return "STOPPED";
        }
        if (c.errored() > 0) {
            return "ERRORED";
        }
        if (c.failed() > 0) {
            return "FAILED";
        }
        if (c.warned() > 0) {
            return "WARNED";
        }
        return c.total() > 0 && c.skipped() == c.total() ? "SKIPPED" : "PASSED";
    }

    private static ResultState suite(String arn, String name, List<ResultState> tests, JobState job) {
        Counters counters = Counters.ZERO;
        double minutes = 0;
        boolean allDone = true;
        boolean anyBegun = false;
        String worst = "PASSED";
        Instant started = null;
        Instant stopped = null;
        String message = null;
        for (ResultState t : tests) {
            counters = counters.plus(t.counters());
            minutes += t.billedMinutes();
            allDone &= t.completed();
            anyBegun |= t.started() != null;
            if (t.started() != null && (started == null || t.started().isBefore(started))) {
                started = t.started();
            }
            if (t.stopped() != null && (stopped == null || t.stopped().isAfter(stopped))) {
                stopped = t.stopped();
            }
            if (t.completed() && RESULT_ORDER.indexOf(t.result()) > RESULT_ORDER.indexOf(worst)) {
                worst = t.result();
                message = t.message();
            }
        }
        String status = allDone ? "COMPLETED" : anyBegun ? ("STOPPING".equals(job.status()) ? "STOPPING" : "RUNNING") : "PENDING";
        return new ResultState(arn, name, status, allDone ? worst : "PENDING", started, allDone ? stopped : null,
                counters, allDone ? message : null, minutes, List.copyOf(tests));
    }

    private static ResultState finished(String arn, String name, String result, Instant started, Instant stopped,
                                        String message) {
        return new ResultState(arn, name, "COMPLETED", result, started, stopped, single(result), message,
                minutes(started, stopped), List.of());
    }

    /** A finished test counts once under its result; one not finished counts nowhere yet, as in the job's counters. */
    private static Counters single(String result) {
        if ("PENDING".equals(result)) {
            return Counters.ZERO;
        }
        return new Counters(1, is(result, "PASSED"), is(result, "FAILED"), is(result, "WARNED"), is(result, "ERRORED"),
                is(result, "STOPPED"), is(result, "SKIPPED"));
    }

    private static int is(String result, String wanted) {
        return wanted.equals(result) ? 1 : 0;
    }

    private static int count(Counters c, String outcome) {
        return switch (outcome) {
            case "PASSED" -> c.passed();
            case "FAILED" -> c.failed();
            case "WARNED" -> c.warned();
            case "ERRORED" -> c.errored();
            default -> c.skipped();
        };
    }

    private static Instant at(Instant testsStart, long testSeconds, double fraction) {
        return testsStart.plus(Duration.ofMillis(Math.round(testSeconds * 1000 * fraction)));
    }

    private static double minutes(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from) ? 0 : Timing.seconds(from, to) / 60;
    }

    static String suiteArn(SimJob job, int suite) {
        return job.arn().replace(":job:", ":suite:") + "/" + String.format("%05d", suite);
    }

    static String testArn(SimJob job, int suite, int test) {
        return suiteArn(job, suite).replace(":suite:", ":test:") + "/" + String.format("%05d", test);
    }
}
