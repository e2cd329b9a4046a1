package io.jenkins.plugins.devicefarm.core.model;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * Sums {@code outcomes}, leaving out a job whose run is also among them: the run's figures
     * already hold the job's, and a build that waits for a job and then its run must not count
     * the job's tests and device minutes twice.
     */
    public static OutcomeTotals of(Collection<Outcome> outcomes) {
        Set<String> runs = outcomes.stream().filter(o -> o.getKind() == ArnKind.RUN).map(Outcome::getArn)
                .collect(Collectors.toSet());
        Counters c = Counters.ZERO;
        DeviceMinutes d = DeviceMinutes.ZERO;
        int count = 0;
        for (Outcome o : outcomes) {
            if (o.getKind() == ArnKind.JOB && runs.contains(runOf(o.getArn()))) {
                continue;
            }
            c = c.plus(o.getCounters());
            d = d.plus(o.getDeviceMinutes());
            count++;
        }
        return new OutcomeTotals(count, c, d);
    }

    private static String runOf(String jobArn) {
        try {
            return DeviceFarmArn.parse("arn", jobArn, ArnKind.JOB).run().toString();
        } catch (InvalidInputException e) {
            return null; // not a job ARN we can read: count it
        }
    }

    /** How many runs, jobs and sessions were summed (a job counted in its run is not). */
    public int getCount() { return count; }
    public Counters getCounters() { return counters; }
    public DeviceMinutes getDeviceMinutes() { return deviceMinutes; }
}
