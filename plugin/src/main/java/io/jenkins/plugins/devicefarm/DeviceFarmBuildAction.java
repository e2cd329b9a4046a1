package io.jenkins.plugins.devicefarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.model.OutcomeTotals;
import io.jenkins.plugins.devicefarm.core.model.ResourceCounts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * What a build owns on Device Farm and what became of it, persisted in build.xml (ARNs,
 * credentials ids, regions and outcomes; never secrets). Shown as a summary on the build page
 * and as a details page. Steps call {@link #track} before waiting, so the safety net can stop
 * anything still open when the build ends, even after a controller restart.
 */
public class DeviceFarmBuildAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(DeviceFarmBuildAction.class.getName());
    /** Guards creation of the action, so two steps of a parallel branch do not add two. */
    private static final Object CREATION_LOCK = new Object();
    /** Prefix of the details page's row anchors. */
    private static final String ANCHOR = "devicefarm-row-";

    // Copy-on-write: XStream may save the build while a step adds a resource.
    private final List<TrackedResource> resources = new CopyOnWriteArrayList<>();
    private transient Run<?, ?> run;

    /** Gets the build's action, adding it (and saving the build) the first time. Thread-safe. */
    @NonNull
    public static DeviceFarmBuildAction of(@NonNull Run<?, ?> run) {
        synchronized (CREATION_LOCK) {
            DeviceFarmBuildAction a = run.getAction(DeviceFarmBuildAction.class);
            if (a == null) {
                a = new DeviceFarmBuildAction();
                run.addAction(a);
                a.save();
            }
            return a;
        }
    }

    /** Records that the build owns this ARN BEFORE waiting on it; saves the build at once. */
    public void track(@NonNull String arn, @CheckForNull String credentialsId, @CheckForNull String region) {
        synchronized (this) {
            if (find(arn) == null) {
                resources.add(new TrackedResource(arn, credentialsId, region));
            }
        }
        save();
    }

    /** Records the latest outcome of a tracked (or new) ARN; ended when outcome.isEnded(); saves. */
    public void record(@NonNull Outcome outcome) {
        synchronized (this) {
            TrackedResource r = find(outcome.getArn());
            if (r == null) {
                r = new TrackedResource(outcome.getArn(), null, null);
                resources.add(r);
            }
            r.update(outcome);
        }
        save();
    }

    /** Records that stopping failed (message shown on the page and left for the safety net). */
    public void recordStopFailure(@NonNull String arn, @NonNull String message) {
        synchronized (this) {
            TrackedResource r = find(arn);
            if (r == null) {
                r = new TrackedResource(arn, null, null);
                resources.add(r);
            }
            r.stopFailed(message);
        }
        save();
    }

    /**
     * Device Farm no longer knows a tracked ARN (or not with its credentials and region): nothing
     * runs and nothing bills, so the safety net and the startup sweep leave it alone; saves.
     */
    public void recordUnknown(@NonNull String arn, @NonNull String message) {
        synchronized (this) {
            TrackedResource r = find(arn);
            if (r != null) {
                r.unknown(message);
            }
        }
        save();
    }

    /** Marks a tracked ARN as one the user chose not to stop; saves. */
    public void leaveRunning(@NonNull String arn) {
        synchronized (this) {
            TrackedResource r = find(arn);
            if (r != null) {
                r.leaveRunning();
            }
        }
        save();
    }

    /** Tracked resources not yet seen to end and not left running on purpose (what the safety net must stop). */
    @NonNull
    public List<TrackedResource> getOpen() {
        return resources.stream().filter(r -> !r.isEnded() && !r.isLeftRunning()).toList();
    }

    /** Every tracked resource, in tracking order (for the details page). */
    @NonNull
    public List<TrackedResource> getResources() {
        return List.copyOf(resources);
    }

    /** Latest outcome of every tracked resource that has one, in tracking order. */
    @NonNull
    public List<Outcome> getOutcomes() {
        List<Outcome> out = new ArrayList<>();
        for (TrackedResource r : resources) {
            Outcome o = r.getOutcome();
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** Resources whose stop failed (shown loudly on the build page). */
    @NonNull
    public List<TrackedResource> getStopFailures() {
        return resources.stream().filter(r -> r.getStopFailure() != null).toList();
    }

    /** The rows of the details page, in tracking order; a job's row points at its run's row when that is listed. */
    @NonNull
    public List<ResourceRow> getRows() {
        List<TrackedResource> all = getResources();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            rowOf.putIfAbsent(all.get(i).getArn(), i);
        }
        List<ResourceRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            DeviceFarmArn arn = ResourceRow.parse(all.get(i).getArn());
            Integer run = arn == null || arn.kind() != ArnKind.JOB ? null : rowOf.get(arn.run().toString());
            String runName = null;
            if (run != null) {
                Outcome o = all.get(run).getOutcome();
                runName = o != null && o.getName() != null ? o.getName() : all.get(run).getArn();
            }
            rows.add(new ResourceRow(all.get(i), ANCHOR + i, run == null ? null : ANCHOR + run, runName));
        }
        return rows;
    }

    /** What the summary counts: the runs, jobs and sessions listed on the details page. */
    @NonNull
    public ResourceCounts getCounts() {
        return ResourceCounts.of(resources.stream().map(TrackedResource::getArn).toList());
    }

    /** Device minutes as the pages show them. */
    public String minutes(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @NonNull
    public OutcomeTotals getTotals() {
        return OutcomeTotals.of(getOutcomes());
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cloud";
    }

    @Override
    public String getDisplayName() {
        return Messages.DeviceFarmBuildAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "devicefarm";
    }

    private TrackedResource find(String arn) {
        for (TrackedResource r : resources) {
            if (r.getArn().equals(arn)) {
                return r;
            }
        }
        return null;
    }

    private void save() {
        Run<?, ?> r = run;
        if (r == null) {
            return;
        }
        try {
            r.save();
        } catch (IOException e) {
            // The in-memory record still drives the page and the safety net; say why the file lags.
            LOGGER.log(Level.WARNING, "Could not save the Device Farm record of " + r, e);
        }
    }
}
