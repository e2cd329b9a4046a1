package io.jenkins.plugins.devicefarm.core.run;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactFile;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLevel;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLister;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.lifecycle.Ledger;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.report.JobResults;
import io.jenkins.plugins.devicefarm.core.report.ResultTreeFetcher;
import io.jenkins.plugins.devicefarm.core.report.RunResults;
import io.jenkins.plugins.devicefarm.core.report.ScheduledPages;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.schedule.DevicePools;
import io.jenkins.plugins.devicefarm.core.schedule.RunRequest;
import io.jenkins.plugins.devicefarm.core.schedule.RunScheduler;
import io.jenkins.plugins.devicefarm.core.upload.ResumableUploads;
import io.jenkins.plugins.devicefarm.core.upload.UploadFinder;
import io.jenkins.plugins.devicefarm.core.upload.UploadProgress;
import io.jenkins.plugins.devicefarm.core.upload.UploadTransferException;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.core.watch.OutcomeMapper;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * One {@code deviceFarmRun}, whatever the front end (Pipeline step, freestyle step, benchmark):
 * uploads (sent from where the workspace is), processing, scheduling, following the run through
 * the one lifecycle (tracked on the build, stopped once, recorded), then the test report, the
 * artifacts and the cleanup. No thread waits: Device Farm calls run on the engine's scheduler,
 * the front end's blocking work on {@link RunSite#blocking()}, and only a file's transfer occupies
 * a thread of the front end's choosing for as long as the bytes flow.
 * <p>
 * Serializable state, saved with the build ({@link RunSite#saveState()} after each step that
 * creates something): the uploads resolved, created and sent, the run's unique name and ARN, the
 * deadline. After a restart {@link #run} goes on from there; clients, futures and the upload URL
 * are transient. An abort in any phase leaves nothing billing, and the uploads this flow created
 * are deleted at the end unless {@code keepUploads}.
 */
public final class RunFlow implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The workspace folder the flow writes to: {@code devicefarm/<run id>/...}. */
    public static final String WORKSPACE_DIR = "devicefarm";
    static final String REPORT_FILE = "TEST-devicefarm.xml";

    private final RunSpec spec;
    /** The upload ARN of each input, by field, once found, or created and processed. */
    private final Map<String, String> uploads = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The uploads this flow created, by field, and whose bytes arrived: deleted at the end unless keepUploads. */
    private final UploadProgress progress = new UploadProgress();
    private volatile String runName;
    /** The device pool, once resolved (by name or ARN); null with device filters. */
    private volatile String poolArn;
    private volatile String runArn;
    /** Epoch millis; 0 = none. Set once, so a restart does not extend it. */
    private volatile long deadlineMillis;
    private volatile String phase = "starting";
    /** The return value once the results are published: a restart after that publishes nothing twice. */
    private volatile LinkedHashMap<String, Object> published;
    private volatile String abortReason;

    private transient volatile RunSite site;
    private transient volatile ClientLease lease;
    private transient volatile Ledger ledger;
    private transient volatile ResumableUploads resumable;
    /** The phase's future that an abort may cancel (a transfer, a processing wait); never a ScheduleRun. */
    private transient volatile CompletableFuture<?> cancellable;
    private transient volatile Followed followed;
    private transient volatile Outcome scheduled;
    /** A ScheduleRun awaits its answer. */
    private transient volatile boolean scheduling;

    public RunFlow(RunSpec spec) {
        this.spec = spec;
    }

    /** Runs the flow, or goes on with it after a restart; completes with the step's return value. */
    public CompletableFuture<Map<String, Object>> run(RunSite s) {
        this.site = s;
        if (deadlineMillis == 0 && spec.timeout != null) {
            deadlineMillis = System.currentTimeMillis() + spec.timeout.toMillis();
        }
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        blocking(() -> {
            RunConnection c = s.connect();
            lease = c.lease();
            ledger = c.ledger();
            resumable = new ResumableUploads(uploader(), spec.project, progress, s::saveState, this::say)
                    .whenProcessing(field -> enter(RunPhase.PROCESSING, "processing " + field));
            return null;
        })
                .thenCompose(x -> runArn != null ? done() : uploadAll())
                .thenCompose(x -> schedule())
                .thenCompose(arn -> published != null ? CompletableFuture.<Map<String, Object>>completedFuture(published) : afterScheduling(arn))
                .whenComplete((value, error) -> finish(value, error, result));
        return result;
    }

    /**
     * Stops whatever is under way: a transfer or a processing wait is cancelled, a run being
     * scheduled is stopped as soon as Device Farm answers, a run is stopped through the
     * lifecycle. The flow's future then fails once the uploads are cleaned up.
     */
    public void abort(String reason) {
        abortReason = reason;
        Followed f = followed;
        if (f != null) {
            f.stop(reason);
        }
        ResumableUploads r = resumable;
        if (r != null) {
            r.cancel();
        }
        CompletableFuture<?> c = cancellable;
        if (c != null) {
            c.cancel(true);
        }
    }

    /**
     * Whether a CreateUpload or a ScheduleRun awaits its answer: what it makes is known nowhere yet,
     * so a front end that can put a restart off (a safe restart) should, until it answers.
     */
    public boolean isCreating() {
        ResumableUploads r = resumable;
        return scheduling || (r != null && r.isCreating());
    }

    /** What the flow is doing, e.g. "uploading app". */
    public String phase() {
        return phase;
    }

    /** The run's ARN once scheduled, else null. */
    public String runArn() {
        return runArn;
    }

    /** The uploads this flow created and has not deleted (yet). */
    public List<String> createdUploads() {
        return progress.arns();
    }

    /** For a build that cannot resume, as the process shuts down: what it leaves, and who ends it. */
    public String leftAtShutdown() {
        List<String> mine = createdUploads();
        return (runArn == null ? "nothing was scheduled" : "run " + runArn + ", if still running, is stopped by the safety net"
                + " when Jenkins starts again") + (mine.isEmpty() ? "" : "; the uploads it created stay (they bill nothing): "
                + String.join(", ", mine));
    }

    public String status() {
        Followed f = followed;
        Outcome o = f == null ? null : f.lastSeen();
        return phase + (runArn == null ? "" : " " + runArn) + (o == null ? "" : ": " + o.getStatus() + " " + o.getCounters());
    }

    // ---- uploads

    /**
     * Everything that can fail on a value before anything is uploaded: the device pool by name,
     * the workspace files, the uploads given by ARN or name. Then the files, one after another.
     */
    private CompletableFuture<Void> uploadAll() {
        enter(RunPhase.CHECKING, "checking the inputs");
        CompletableFuture<Void> pool = spec.devicePool == null || poolArn != null ? done()
                : new DevicePools(client(), site.engine()).resolve(spec.project, spec.devicePool)
                        .thenAccept(p -> poolArn = p.toString());
        return pool.thenCompose(x -> blocking(this::workspaceFiles)).thenCompose(files -> {
            CompletableFuture<Void> chain = done();
            for (RunSpec.Input input : spec.inputs) {
                if (!files.contains(input.field()) && !uploads.containsKey(input.field())) {
                    chain = chain.thenCompose(x -> existing(input));
                }
            }
            for (RunSpec.Input input : spec.inputs) {
                if (files.contains(input.field())) {
                    chain = chain.thenCompose(x -> upload(input));
                }
            }
            return chain;
        });
    }

    /**
     * The fields whose input is a workspace file still to upload or await. A value with a folder that
     * is no file fails naming its field; a bare name that is no file names an upload instead. After a
     * restart a file whose bytes arrived need not be there any more.
     */
    private Set<String> workspaceFiles() throws Exception {
        Set<String> fileFields = new HashSet<>();
        for (RunSpec.Input input : spec.inputs) {
            String field = input.field();
            boolean mine = progress.arnOf(field) != null;
            if (input.isArn() || (!mine && uploads.containsKey(field))) {
                continue; // an upload, not a file (found before a restart, if known)
            }
            if ((mine && !resumable.needsFile(field)) || site.isFile(input.value())) {
                fileFields.add(field);
            } else if (input.isPath() || mine) {
                throw new InvalidInputException(field, "no file '" + input.value() + "' in the workspace "
                        + site.workspace(), "Give a path relative to the workspace, an upload ARN, or the name of an upload");
            }
        }
        return fileFields;
    }

    /**
     * One workspace file: CreateUpload, the bytes from where the workspace is, then processing; after
     * a restart, awaited or sent again as the saved progress says ({@link ResumableUploads}).
     */
    private CompletableFuture<Void> upload(RunSpec.Input input) {
        checkAbort();
        String field = input.field();
        phase = "uploading " + field;
        return resumable.upload(field, field, input.value(), input.type(), pending -> {
            enter(RunPhase.UPLOADING, "uploading " + field);
            return byDeadline(cancellable(site.send(input.value(), pending)), "sending " + field);
        }, this::remaining).thenAccept(u -> {
            uploads.put(field, u.arn());
            site.saveState();
        });
    }

    /**
     * {@code timeoutMinutes} bounds a transfer too: at the deadline it is cancelled (which closes the
     * connection) and the flow fails saying what ran out.
     */
    private <T> CompletableFuture<T> byDeadline(CompletableFuture<T> transfer, String what) {
        Duration left = remaining();
        if (left == null) {
            return transfer;
        }
        AtomicBoolean late = new AtomicBoolean();
        site.engine().call(left, () -> {
            if (!transfer.isDone()) {
                late.set(true);
                transfer.cancel(true);
            }
            return Boolean.TRUE;
        });
        CompletableFuture<T> bounded = new CompletableFuture<>();
        transfer.whenComplete((value, error) -> {
            if (error == null) {
                bounded.complete(value);
            } else if (late.get() && abortReason == null) {
                bounded.completeExceptionally(new UploadTransferException("timeoutMinutes: " + spec.timeout.toMinutes()
                        + " minute(s) ran out while " + what + "; the transfer was stopped", 0));
            } else {
                bounded.completeExceptionally(error);
            }
        });
        return bounded;
    }

    /** An upload given by ARN or by name (the newest processed one of that name and type in the project). */
    private CompletableFuture<Void> existing(RunSpec.Input input) {
        phase = "finding " + input.field();
        UploadFinder finder = new UploadFinder(client(), site.engine());
        CompletableFuture<Upload> found;
        if (input.type() != null) {
            found = finder.find(input.field(), spec.project, input.value(), input.type());
        } else { // an app by ARN: its type is Device Farm's to say
            found = site.engine().call("GetUpload", "upload " + input.value(),
                            () -> client().getUpload(r -> r.arn(input.value())).upload())
                    .thenCompose(u -> finder.find(input.field(), spec.project, input.value(), appType(input.field(), u)));
        }
        return found.thenAccept(u -> {
            uploads.put(input.field(), u.arn());
            site.saveState();
            say(input.field() + ": using upload '" + u.name() + "' (" + u.arn() + ")");
        });
    }

    private static UploadType appType(String field, Upload u) {
        UploadType t = u.type();
        if (t != UploadType.ANDROID_APP && t != UploadType.IOS_APP && t != UploadType.WEB_APP) {
            throw new InvalidInputException(field, "upload '" + u.name() + "' is a " + u.typeAsString() + ", not an app",
                    "Give an upload of type ANDROID_APP, IOS_APP or WEB_APP");
        }
        return t;
    }

    // ---- schedule and follow

    private CompletableFuture<String> schedule() {
        if (runArn != null) {
            return CompletableFuture.completedFuture(runArn); // scheduled before a restart (stopped next if aborted)
        }
        checkAbort();
        enter(RunPhase.SCHEDULING, "scheduling");
        RunScheduler scheduler = new RunScheduler(client(), site.engine());
        Map<String, String> arns = Map.copyOf(uploads);
        RunRequest request = spec.request(input -> arns.get(input.field()));
        DeviceFarmArn pool = poolArn == null ? null : DeviceFarmArn.parse("devicePool", poolArn, ArnKind.DEVICE_POOL);
        CompletableFuture<Void> preflight = done();
        if (spec.preflight && pool != null) {
            say("Preflight: asking Device Farm which devices of the pool can run the app");
            preflight = cancellable(scheduler.preflight(request, pool, false)).thenAccept(c -> say("Preflight: " + c.describe()));
        }
        // A name from before a restart: the run may exist already; look for it before scheduling again.
        boolean resumed = runName != null;
        if (!resumed) {
            runName = RunScheduler.uniqueName(spec.name != null ? spec.name : site.defaultRunName());
            site.saveState();
        }
        return preflight
                .thenCompose(x -> resumed ? scheduler.find(spec.project, runName) : CompletableFuture.completedFuture(Optional.<Run>empty()))
                .thenCompose(found -> {
                    if (found.isPresent()) {
                        say("Found run '" + runName + "', scheduled before the restart");
                        return CompletableFuture.completedFuture(found.get()); // stopped next if aborted
                    }
                    checkAbort(); // aborted during the preflight or the search: schedule nothing
                    say("Scheduling run '" + runName + "'");
                    scheduling = true;
                    return scheduler.schedule(request, pool, runName).whenComplete((r, e) -> scheduling = false);
                })
                .thenCompose(run -> blocking(() -> {
                    Outcome o = OutcomeMapper.of(run);
                    runArn = run.arn();
                    scheduled = o;
                    site.saveState();
                    ledger.track(run());
                    ledger.record(o);
                    say("Scheduled run '" + run.name() + "': " + run.arn());
                    return run.arn();
                }));
    }

    private CompletableFuture<Map<String, Object>> afterScheduling(String arn) {
        String reason = abortReason;
        if (reason != null) { // aborted while ScheduleRun was under way: stop what it made
            return site.lifecycle().stop(lease.retain(), run(), reason, ledger)
                    .handle((o, e) -> {
                        throw new CancellationException("aborted: " + reason);
                    });
        }
        if (!spec.waitForRun) {
            Outcome o = scheduled;
            Map<String, Object> value = new LinkedHashMap<>();
            if (o != null) {
                value.putAll(o.toMap());
            }
            value.put("arn", arn);
            value.put("webUrl", o == null ? null : o.getConsoleUrl());
            say("Not waiting for the run (wait: false); deviceFarmWaitForRun(arn: ...) follows it");
            return CompletableFuture.completedFuture(value);
        }
        return blocking(this::follow).thenCompose(Followed::outcome).thenCompose(this::results);
    }

    private Followed follow() {
        enter(RunPhase.RUNNING, "running");
        WatchOptions options = WatchOptions.untilCompleted();
        if (deadlineMillis > 0) {
            options = options.timeout(Duration.ofMillis(Math.max(1, deadlineMillis - System.currentTimeMillis())), true);
        }
        Followed f = site.lifecycle().follow(lease.retain(), run(), options, site.pollSettings(), ledger);
        followed = f;
        f.onChange(o -> say("Run " + (o.getName() == null ? o.getArn() : "'" + o.getName() + "'") + ": " + o.getStatus() + " "
                + o.getCounters()));
        String reason = abortReason;
        if (reason != null) {
            f.stop(reason); // aborted meanwhile; a second stop request is harmless
        }
        return f;
    }

    // ---- results

    private CompletableFuture<Map<String, Object>> results(Outcome run) {
        checkAbort();
        enter(RunPhase.RESULTS, "reading results");
        ScheduledPages pages = new ScheduledPages(site.engine());
        CompletableFuture<RunResults> tree = new ResultTreeFetcher(client(), pages).fetch(run());
        CompletableFuture<List<ArtifactFile>> files = spec.artifacts.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : new ArtifactLister(client(), pages).list(run(), spec.artifacts, EnumSet.allOf(ArtifactLevel.class))
                        .exceptionally(e -> { // a failed listing must not hide the test results
                            warn("Could not list the artifacts: " + DeviceFarmLifecycle.unwrap(e).getMessage());
                            return List.of();
                        });
        return tree.thenCompose(t -> files.thenCombine(reportZips(pages, t), (f, z) -> new WorkspaceResults(t, f, z,
                spec.publishTests ? reportPath() : null)).thenApply(w -> Map.entry(t, w))).thenCompose(r -> {
            checkAbort();
            RunResults t = r.getKey();
            WorkspaceResults work = r.getValue();
            phase = spec.artifacts.isEmpty() ? "writing the test report" : "downloading the artifacts";
            return cancellable(site.collect(work)).<CompletableFuture<ResultsSummary>>handle((summary, e) -> {
                        if (e == null) {
                            return CompletableFuture.completedFuture(summary);
                        }
                        if (abortReason != null) {
                            return CompletableFuture.<ResultsSummary>failedFuture(e);
                        }
                        // The downloads failed as a whole: say so, and still publish the test results.
                        warn("Could not download the artifacts: " + DeviceFarmLifecycle.unwrap(e).getMessage());
                        return cancellable(site.collect(work.reportOnly()));
                    })
                    .thenCompose(f -> f)
                    .thenCompose(summary -> blocking(() -> publish(run, t, summary)));
        });
    }

    /**
     * Custom mode with a test report but without CUSTOMER_ARTIFACT in {@code artifacts}: the customer
     * artifacts anyway, for the test framework's own report only (not saved in the workspace).
     */
    private CompletableFuture<List<ArtifactFile>> reportZips(ScheduledPages pages, RunResults tree) {
        if (!spec.publishTests || spec.artifacts.contains(ArtifactType.CUSTOMER_ARTIFACT) || !tree.needsFrameworkReports()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return new ArtifactLister(client(), pages)
                .list(run(), EnumSet.of(ArtifactType.CUSTOMER_ARTIFACT), EnumSet.allOf(ArtifactLevel.class))
                .exceptionally(e -> { // then the report says which devices have only counters
                    warn("Could not list the customer artifacts for the test report: " + DeviceFarmLifecycle.unwrap(e).getMessage());
                    return List.of();
                });
    }

    /** Next to the run's artifacts: {@code devicefarm/<run>/TEST-devicefarm.xml}. */
    private String reportPath() {
        return WORKSPACE_DIR + "/" + ArtifactLister.runFolder(runName, run()) + "/" + REPORT_FILE;
    }

    /** Blocking: the test report, the archive, the build result, and the return value. */
    private Map<String, Object> publish(Outcome run, RunResults tree, ResultsSummary collected) throws Exception {
        LinkedHashMap<String, Object> value = new LinkedHashMap<>(run.toMap());
        value.put("webUrl", run.getConsoleUrl());
        value.put("jobs", jobs(tree));
        collected.notes.forEach(this::say);
        if (collected.downloads != null) {
            say(collected.downloads + " into " + WORKSPACE_DIR + "/");
            collected.failures.forEach(f -> warn("Not downloaded: " + f));
            Map<String, Object> artifacts = new LinkedHashMap<>();
            artifacts.put("dir", WORKSPACE_DIR);
            artifacts.put("saved", collected.saved);
            artifacts.put("bytes", collected.bytes);
            artifacts.put("failed", new ArrayList<>(collected.failures));
            value.put("artifacts", artifacts);
            if (spec.archive && !collected.savedPaths.isEmpty()) {
                site.archive(List.copyOf(collected.savedPaths));
                say("Archived " + collected.savedPaths.size() + " artifact(s) on the build");
            }
        }
        if (spec.publishTests) {
            int failed = site.publishTests(reportPath());
            if (failed > 0) {
                site.setResult(Verdict.UNSTABLE, failed + " tests failed");
            }
            value.put("testReport", reportPath());
        }
        Verdict v = spec.policy.verdictFor(run);
        if (spec.setBuildResult && v != Verdict.SUCCESS) {
            site.setResult(v, "Device Farm result " + run.getResult());
        }
        published = value;
        site.saveState();
        say("Published the results of run " + runArn);
        return value;
    }

    /** One entry per device: no URLs (artifact URLs are presigned secrets). */
    private static List<Map<String, Object>> jobs(RunResults tree) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (JobResults j : tree.jobs()) {
            Outcome o = j.job();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("arn", o.getArn());
            m.put("device", o.getDeviceName());
            m.put("os", j.deviceOs());
            m.put("status", o.getStatus());
            m.put("result", o.getResult());
            m.put("counters", o.getCounters().toMap());
            m.put("deviceMinutes", o.getDeviceMinutes().toMap());
            jobs.add(m);
        }
        return jobs;
    }

    // ---- the end

    private void finish(Map<String, Object> value, Throwable error, CompletableFuture<Map<String, Object>> result) {
        if (site.isClosing()) {
            // Shutting down under us: keep every upload and the run for the resume.
            closeLease();
            return;
        }
        Throwable e = error == null ? null : DeviceFarmLifecycle.unwrap(error);
        CompletableFuture<Void> cleanup;
        try {
            cleanup = deleteUploads();
        } catch (RuntimeException ex) {
            warn("Could not delete the uploads this flow created: " + ex.getMessage());
            cleanup = done();
        }
        cleanup.whenComplete((x, y) -> {
            closeLease();
            phase = "done";
            site.entered(RunPhase.DONE);
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(value);
            }
        });
    }

    private void closeLease() {
        ClientLease l = lease;
        lease = null;
        if (l != null) {
            l.close();
        }
    }

    /** Deletes what this flow uploaded, unless asked to keep it or a run it did not wait for still uses it. */
    private CompletableFuture<Void> deleteUploads() {
        List<String> mine = createdUploads();
        if (mine.isEmpty() || lease == null) {
            return done();
        }
        if (spec.keepUploads) {
            say("Kept " + mine.size() + " upload(s) (keepUploads: true): " + String.join(", ", mine));
            return done();
        }
        if (!spec.waitForRun && runArn != null && abortReason == null) {
            say("Kept " + mine.size() + " upload(s): the run still uses them");
            return done();
        }
        return uploader().deleteAll(progress, this::say, this::warn);
    }

    // ---- helpers

    /** Work that may block: on the site's blocking threads. */
    @FunctionalInterface
    private interface BlockingWork<T> {
        T call() throws Exception;
    }

    private <T> CompletableFuture<T> blocking(BlockingWork<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        site.blocking().execute(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private <T> CompletableFuture<T> cancellable(CompletableFuture<T> f) {
        cancellable = f;
        if (abortReason != null) {
            f.cancel(true);
        }
        return f;
    }

    private void checkAbort() {
        String reason = abortReason;
        if (reason != null) {
            throw new CancellationException("aborted: " + reason);
        }
    }

    private void enter(RunPhase p, String description) {
        phase = description;
        site.entered(p);
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private Duration remaining() {
        return deadlineMillis == 0 ? null : Duration.ofMillis(Math.max(1, deadlineMillis - System.currentTimeMillis()));
    }

    private DeviceFarmClient client() {
        return lease.client();
    }

    private Uploader uploader() {
        return new Uploader(client(), site.engine());
    }

    private DeviceFarmArn run() {
        return DeviceFarmArn.parse("arn", runArn, ArnKind.RUN);
    }

    private static DeviceFarmArn uploadArn(String arn) {
        return DeviceFarmArn.parse("arn", arn, ArnKind.UPLOAD);
    }

    private void say(String line) {
        site.log(line);
    }

    private void warn(String line) {
        site.warn(line);
    }
}
