package io.jenkins.plugins.devicefarm.core.model;

import java.io.Serializable;
import java.util.Collection;

/** Sums over the outcomes of one build: what the build page and the trend show. */
public final class OutcomeTotals implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int count;
    private final Counters counters;
    private final DeviceMinutes deviceMinutes;

    public OutcomeTotals(int count, Counters counters, DeviceMinutes deviceMinutes) {
        this.count = count;
        this.counters = counters;
        this.deviceMinutes = deviceMinutes;
    }

    public static OutcomeTotals of(Collection<Outcome> outcomes) {
        Counters c = Counters.ZERO;
        DeviceMinutes d = DeviceMinutes.ZERO;
        for (Outcome o : outcomes) {
            c = c.plus(o.getCounters());
            d = d.plus(o.getDeviceMinutes());
        }
        return new OutcomeTotals(outcomes.size(), c, d);
    }

    /** How many runs, jobs and sessions were summed. */
    public int getCount() { return count; }
    public Counters getCounters() { return counters; }
    public DeviceMinutes getDeviceMinutes() { return deviceMinutes; }
}
