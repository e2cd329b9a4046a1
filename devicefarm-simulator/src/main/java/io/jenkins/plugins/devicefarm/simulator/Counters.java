package io.jenkins.plugins.devicefarm.simulator;

/** The counters object of runs and jobs, as Device Farm reports it. */
record Counters(int total, int passed, int failed, int warned, int errored, int stopped, int skipped) {
    static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0);

    /**
     * The counters after {@code fraction} of the scripted tests ran: every outcome completes
     * progressively, so polls see {@code total} and {@code passed} grow as tests finish, as on
     * Device Farm. Tests an interrupted job (stopped or timed out on its device) did not finish
     * count as stopped; a job that never reached its device counts nothing.
     */
    static Counters progress(TestCounts script, double fraction, boolean interrupted) {
        double f = Math.max(0, Math.min(1, fraction));
        int passed = done(script.passed(), f);
        int failed = done(script.failed(), f);
        int warned = done(script.warned(), f);
        int errored = done(script.errored(), f);
        int skipped = done(script.skipped(), f);
        int finished = passed + failed + warned + errored + skipped;
        int stopped = interrupted ? script.total() - finished : 0;
        return new Counters(finished + stopped, passed, failed, warned, errored, stopped, skipped);
    }

    private static int done(int count, double fraction) {
        return fraction >= 1 ? count : (int) Math.floor(count * fraction);
    }

    Counters plus(Counters o) {
        return new Counters(total + o.total, passed + o.passed, failed + o.failed, warned + o.warned,
                errored + o.errored, stopped + o.stopped, skipped + o.skipped);
    }
}
