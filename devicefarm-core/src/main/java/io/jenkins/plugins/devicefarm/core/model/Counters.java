package io.jenkins.plugins.devicefarm.core.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Device Farm's seven test counters. Immutable; a plain class so XStream can persist it. */
public final class Counters implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0);

    private final int total;
    private final int passed;
    private final int failed;
    private final int warned;
    private final int errored;
    private final int stopped;
    private final int skipped;

    public Counters(int total, int passed, int failed, int warned, int errored, int stopped, int skipped) {
        this.total = total;
        this.passed = passed;
        this.failed = failed;
        this.warned = warned;
        this.errored = errored;
        this.stopped = stopped;
        this.skipped = skipped;
    }

    public int getTotal() { return total; }
    public int getPassed() { return passed; }
    public int getFailed() { return failed; }
    public int getWarned() { return warned; }
    public int getErrored() { return errored; }
    public int getStopped() { return stopped; }
    public int getSkipped() { return skipped; }

    public Counters plus(Counters o) {
        return new Counters(total + o.total, passed + o.passed, failed + o.failed, warned + o.warned,
                errored + o.errored, stopped + o.stopped, skipped + o.skipped);
    }

    /** Names as Device Farm spells them, in its order. */
    public Map<String, Integer> toMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("passed", passed);
        m.put("failed", failed);
        m.put("warned", warned);
        m.put("errored", errored);
        m.put("stopped", stopped);
        m.put("skipped", skipped);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counters c && toMap().equals(c.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
