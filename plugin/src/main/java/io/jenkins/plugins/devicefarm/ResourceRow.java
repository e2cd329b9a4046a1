package io.jenkins.plugins.devicefarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One row of the build's Device Farm details page (index.jelly): every cell as text, "—" when
 * there is nothing to say, so the page itself only lays out and escapes.
 */
@Restricted(NoExternalUse.class)
public final class ResourceRow {
    static final String EMPTY = "—";
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final TrackedResource resource;
    private final String anchor;
    private final String runAnchor;
    private final String runName;

    /**
     * @param runAnchor the anchor of the row of this job's run on the same page, or null
     * @param runName what that row is called
     */
    ResourceRow(TrackedResource resource, String anchor, @CheckForNull String runAnchor, @CheckForNull String runName) {
        this.resource = resource;
        this.anchor = anchor;
        this.runAnchor = runAnchor;
        this.runName = runName;
    }

    @CheckForNull
    private Outcome outcome() {
        return resource.getOutcome();
    }

    public String getAnchor() { return anchor; }
    public String getArn() { return resource.getArn(); }
    public boolean isSeen() { return outcome() != null; }

    public String getName() {
        Outcome o = outcome();
        return o != null && o.getName() != null ? o.getName() : resource.getArn();
    }

    public String getKind() {
        ArnKind k = kind();
        return k == null ? EMPTY : k.displayName();
    }

    @CheckForNull
    private ArnKind kind() {
        Outcome o = outcome();
        if (o != null) {
            return o.getKind();
        }
        DeviceFarmArn a = parse(resource.getArn());
        return a == null ? null : a.kind();
    }

    /** For a job: the anchor of its run's row on this page, or null when the run is not listed. */
    @CheckForNull public String getRunAnchor() { return runAnchor; }
    @CheckForNull public String getRunName() { return runName; }

    /** For a job whose run is not listed: the run's page on the Device Farm console. */
    @CheckForNull
    public String getRunConsoleUrl() {
        if (runAnchor != null || kind() != ArnKind.JOB) {
            return null;
        }
        DeviceFarmArn job = parse(resource.getArn());
        return job == null ? null : job.run().consoleUrl();
    }

    public String getDevice() { return text(of(Outcome::getDeviceName)); }
    public String getStatus() { return text(of(Outcome::getStatus)); }
    public String getResult() { return text(of(Outcome::getResult)); }
    @CheckForNull public String getMessage() { return of(Outcome::getMessage); }

    public String getPassed() { return count(Counters::getPassed); }
    public String getFailed() { return count(Counters::getFailed); }
    public String getWarned() { return count(Counters::getWarned); }
    public String getErrored() { return count(Counters::getErrored); }
    public String getStopped() { return count(Counters::getStopped); }
    public String getSkipped() { return count(Counters::getSkipped); }
    public String getTotal() { return count(Counters::getTotal); }

    public String getMeteredMinutes() {
        Double m = of(o -> o.getDeviceMinutes().getMetered());
        return minutes(m == null ? 0 : m);
    }

    public String getUnmeteredMinutes() {
        Double m = of(o -> o.getDeviceMinutes().getUnmetered());
        return minutes(m == null ? 0 : m);
    }

    /** Start time in the controller's time zone. */
    public String getStarted() {
        Long started = of(Outcome::getStartedMillis);
        return started == null || started == 0 ? EMPTY : START.format(Instant.ofEpochMilli(started).atZone(ZoneId.systemDefault()));
    }

    /** From start to end as Device Farm reports them; "—" until it has ended. */
    public String getDuration() {
        Outcome o = outcome();
        if (o == null || o.getStartedMillis() == 0 || o.getStoppedMillis() < o.getStartedMillis()) {
            return EMPTY;
        }
        return Util.getTimeSpanString(o.getStoppedMillis() - o.getStartedMillis());
    }

    public String getStoppedByJenkins() {
        Outcome o = outcome();
        if (o == null || !o.isStoppedByUs()) {
            return EMPTY;
        }
        return o.getStopReason() != null ? o.getStopReason() : "yes";
    }

    /** Device Farm's console page (its own webUrl for runs), or null. */
    @CheckForNull
    public String getConsoleUrl() {
        return of(Outcome::getConsoleUrl);
    }

    @CheckForNull
    public String getStopFailure() {
        return resource.getStopFailure();
    }

    /** {@code f} of the latest outcome, or null before the first one. */
    @CheckForNull
    private <T> T of(Function<Outcome, T> f) {
        Outcome o = outcome();
        return o == null ? null : f.apply(o);
    }

    private String count(ToIntFunction<Counters> f) {
        Outcome o = outcome();
        int n = o == null ? 0 : f.applyAsInt(o.getCounters());
        return n == 0 ? EMPTY : Integer.toString(n);
    }

    private static String minutes(double m) {
        return m == 0 ? EMPTY : String.format(Locale.ROOT, "%.1f", m);
    }

    private static String text(@CheckForNull String s) {
        return s == null || s.isBlank() ? EMPTY : s;
    }

    @CheckForNull
    static DeviceFarmArn parse(String arn) {
        try {
            return DeviceFarmArn.parse("arn", arn);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
