package io.jenkins.plugins.devicefarm.run;

import hudson.FilePath;
import hudson.model.Result;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.TestResultSummary;
import io.jenkins.plugins.devicefarm.BuildLedger;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.RemotingCalls;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactFile;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLevel;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLister;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.report.JobResults;
import io.jenkins.plugins.devicefarm.core.report.ResultTreeFetcher;
import io.jenkins.plugins.devicefarm.core.report.RunResults;
import io.jenkins.plugins.devicefarm.core.report.ScheduledPages;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import io.jenkins.plugins.devicefarm.core.schedule.DevicePools;
import io.jenkins.plugins.devicefarm.core.schedule.RunRequest;
import io.jenkins.plugins.devicefarm.core.schedule.RunScheduler;
import io.jenkins.plugins.devicefarm.core.upload.UploadFinder;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jenkins.util.BuildListenerAdapter;
import jenkins.util.Timer;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * One {@code deviceFarmRun}, for the Pipeline step and the freestyle step alike: uploads (from the
 * agent that holds the workspace), processing, scheduling, following the run through the one
 * lifecycle (tracked on the build, stopped once, recorded), then the test report and cleanup.
 * No thread waits: Device Farm calls run on the engine's scheduler, Jenkins work (workspace,
 * build.xml, the test report) on Jenkins' timer pool, and only a file's transfer occupies a
 * remoting thread, on the controller's side of the channel, for as long as the bytes flow.
 * <p>
 * Serializable state, saved with the Pipeline program: the uploads resolved, created and sent,
 * the run's unique name and ARN, the deadline. After a restart {@link #run} goes on from there;
 * clients, futures and the upload URL are transient (the URL never leaves {@link WorkspaceUpload}).
 * An abort in any phase leaves nothing billing, and the uploads this flow created are deleted
 * at the end unless {@code keepUploads}.
 */
final class RunFlow implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String LOG = "[Device Farm] ";
    /** The workspace folder the step writes to: {@code devicefarm/<run id>/...}. */
    static final String WORKSPACE_DIR = "devicefarm";
    static final String REPORT_FILE = "TEST-devicefarm.xml";

    private final RunSpec spec;
    private final String credentialsId;
    private final String region;
    /** The upload ARN of each input, by field, once found or created. */
    private final Map<String, String> uploads = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The uploads this flow created: deleted at the end unless keepUploads. */
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    /** Created uploads whose bytes arrived: after a restart only their processing is awaited. */
    private final Set<String> sent = Collections.synchronizedSet(new HashSet<>());
    private volatile String runName;
    /** The device pool, once resolved (by name or ARN); null with device filters. */
    private volatile String poolArn;
    private volatile String runArn;
    /** Epoch millis; 0 = none. Set once, so a restart does not extend it. */
    private volatile long deadlineMillis;
    private volatile String phase = "starting";
    /** The step's return value once the results are published: a restart after that publishes nothing twice. */
    private volatile LinkedHashMap<String, Object> published;
    private volatile String abortReason;

    private transient volatile RunHost host;
    private transient volatile ClientLease lease;
    private transient volatile BuildLedger ledger;
    /** The phase's future that an abort may cancel (a transfer, a processing wait); never a ScheduleRun. */
    private transient volatile CompletableFuture<?> cancellable;
    private transient volatile Followed followed;
    private transient volatile Outcome scheduled;

    RunFlow(RunSpec spec, String credentialsId, String region) {
        this.spec = spec;
        this.credentialsId = credentialsId;
        this.region = region;
    }

    /** Runs the flow, or goes on with it after a restart; completes with the step's return value. */
    CompletableFuture<Map<String, Object>> run(RunHost h) {
        this.host = h;
        if (deadlineMillis == 0 && spec.timeout != null) {
            deadlineMillis = System.currentTimeMillis() + spec.timeout.toMillis();
        }
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        onJenkins(() -> {
            lease = DeviceFarmClients.lease(h.build(), credentialsId, region);
            ledger = new BuildLedger(h.build(), credentialsId, region, h.listener());
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
    void abort(String reason) {
        abortReason = reason;
        Followed f = followed;
        if (f != null) {
            f.stop(reason);
        }
        CompletableFuture<?> c = cancellable;
        if (c != null) {
            c.cancel(true);
        }
    }

    String phase() {
        return phase;
    }

    /** For a build that cannot resume, as Jenkins shuts down: what it leaves, and who ends it. */
    String leftAtShutdown() {
        List<String> mine;
        synchronized (created) {
            mine = List.copyOf(created);
        }
        return (runArn == null ? "nothing was scheduled" : "run " + runArn + ", if still running, is stopped by the safety net"
                + " when Jenkins starts again") + (mine.isEmpty() ? "" : "; the uploads it created stay (they bill nothing): "
                + String.join(", ", mine));
    }

    String status() {
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
        phase = "checking the inputs";
        CompletableFuture<Void> pool = spec.devicePool == null || poolArn != null ? done()
                : new DevicePools(client(), DeviceFarmEngine.get()).resolve(spec.project, spec.devicePool)
                        .thenAccept(p -> poolArn = p.toString());
        return pool.thenCompose(x -> onJenkins(this::workspaceFiles)).thenCompose(files -> {
            CompletableFuture<Void> chain = done();
            for (RunSpec.Input input : spec.inputs) {
                if (!files.containsKey(input.field()) && !uploads.containsKey(input.field())) {
                    chain = chain.thenCompose(x -> existing(input));
                }
            }
            for (RunSpec.Input input : spec.inputs) {
                FilePath file = files.get(input.field());
                if (file != null) {
                    chain = chain.thenCompose(x -> upload(input, file));
                }
            }
            return chain;
        });
    }

    /**
     * The workspace file of each input that names one, by field. A value with a folder that is no
     * file fails naming its field; a bare name that is no file names an upload instead.
     */
    private Map<String, FilePath> workspaceFiles() throws Exception {
        Map<String, FilePath> files = new LinkedHashMap<>();
        FilePath workspace = host.workspace();
        for (RunSpec.Input input : spec.inputs) {
            String known = uploads.get(input.field());
            if (input.isArn() || (known != null && !created.contains(known))) {
                continue; // an upload, not a file (found before a restart, if known)
            }
            FilePath file = workspace.child(input.value());
            if (file.exists() && !file.isDirectory()) {
                files.put(input.field(), file);
            } else if (input.isPath() || known != null) {
                throw new InvalidInputException(input.field(), "no file '" + input.value() + "' in the workspace "
                        + workspace.getRemote(), "Give a path relative to the workspace, an upload ARN, or the name of an upload");
            }
        }
        return files;
    }

    /** One workspace file: uploaded, or after a restart, awaited or sent again. */
    private CompletableFuture<Void> upload(RunSpec.Input input, FilePath file) {
        checkAbort();
        String known = uploads.get(input.field());
        if (known == null) {
            return fresh(input, file);
        }
        if (sent.contains(known)) {
            return processed(input, known); // the bytes arrived before a restart
        }
        // Created, but Jenkins restarted before the bytes arrived: start that file again.
        uploads.remove(input.field());
        return uploader().delete(uploadArn(known)).thenCompose(x -> {
            created.remove(known);
            host.saveState();
            return fresh(input, file);
        });
    }

    /** CreateUpload, the bytes from the agent, then processing. */
    private CompletableFuture<Void> fresh(RunSpec.Input input, FilePath file) {
        phase = "uploading " + input.field();
        say("Creating the upload of " + input.field() + " '" + input.value() + "'");
        return uploader().create(spec.project, input.value(), input.type()).thenCompose(pending -> {
            String arn = pending.arn().toString();
            created.add(arn);
            uploads.put(input.field(), arn);
            host.saveState();
            checkAbort();
            say("Sending " + input.field() + " '" + input.value() + "' as " + pending);
            CompletableFuture<Long> transfer = cancellable(RemotingCalls.onRemotingThread(() -> file.act(new WorkspaceUpload(pending.url(),
                    pending.contentType()))));
            return byDeadline(transfer, "sending " + input.field())
                    .thenCompose(bytes -> {
                        sent.add(arn);
                        host.saveState();
                        say("Sent " + bytes + " bytes of '" + input.value() + "'; Device Farm is processing it");
                        return processed(input, arn);
                    });
        });
    }

    /**
     * {@code timeoutMinutes} bounds a transfer too: at the deadline it is cancelled (the agent
     * closes the connection, see {@link WorkspaceUpload}) and the flow fails saying what ran out.
     */
    private <T> CompletableFuture<T> byDeadline(CompletableFuture<T> transfer, String what) {
        Duration left = remaining();
        if (left == null) {
            return transfer;
        }
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> timer = Timer.get().schedule(() -> {
            late.set(true);
            transfer.cancel(true);
        }, left.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<T> bounded = new CompletableFuture<>();
        transfer.whenComplete((value, error) -> {
            timer.cancel(false);
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

    /** GetUpload with backoff until SUCCEEDED; FAILED fails with Device Farm's message. */
    private CompletableFuture<Void> processed(RunSpec.Input input, String arn) {
        checkAbort();
        phase = "processing " + input.field();
        return cancellable(uploader().awaitProcessed(uploadArn(arn), remaining()))
                .thenAccept(u -> say(input.field() + ": upload '" + u.name() + "' " + u.statusAsString()));
    }

    /** An upload given by ARN or by name (the newest processed one of that name and type in the project). */
    private CompletableFuture<Void> existing(RunSpec.Input input) {
        phase = "finding " + input.field();
        UploadFinder finder = new UploadFinder(client(), DeviceFarmEngine.get());
        CompletableFuture<Upload> found;
        if (input.type() != null) {
            found = finder.find(input.field(), spec.project, input.value(), input.type());
        } else { // an app by ARN: its type is Device Farm's to say
            found = DeviceFarmEngine.get().call("GetUpload", "upload " + input.value(),
                            () -> client().getUpload(r -> r.arn(input.value())).upload())
                    .thenCompose(u -> finder.find(input.field(), spec.project, input.value(), appType(input.field(), u)));
        }
        return found.thenAccept(u -> {
            uploads.put(input.field(), u.arn());
            host.saveState();
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
        phase = "scheduling";
        RunScheduler scheduler = new RunScheduler(client(), DeviceFarmEngine.get());
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
            runName = RunScheduler.uniqueName(spec.name != null ? spec.name : defaultName());
            host.saveState();
        }
        return preflight
                .thenCompose(x -> resumed ? scheduler.find(spec.project, runName)
                        : CompletableFuture.completedFuture(Optional.<software.amazon.awssdk.services.devicefarm.model.Run>empty()))
                .thenCompose(found -> {
                    if (found.isPresent()) {
                        say("Found run '" + runName + "', scheduled before the restart");
                        return CompletableFuture.completedFuture(found.get()); // stopped next if aborted
                    }
                    checkAbort(); // aborted during the preflight or the search: schedule nothing
                    say("Scheduling run '" + runName + "'");
                    return scheduler.schedule(request, pool, runName);
                })
                .thenCompose(run -> onJenkins(() -> {
                    Outcome o = OutcomeMapper.of(run);
                    runArn = run.arn();
                    scheduled = o;
                    host.saveState();
                    ledger.track(runArn());
                    ledger.record(o);
                    say("Scheduled run '" + run.name() + "': " + run.arn());
                    return run.arn();
                }));
    }

    private CompletableFuture<Map<String, Object>> afterScheduling(String arn) {
        String reason = abortReason;
        if (reason != null) { // aborted while ScheduleRun was under way: stop what it made
            return DeviceFarmEngine.lifecycle().stop(lease.retain(), runArn(), reason, ledger)
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
        return onJenkins(this::follow).thenCompose(Followed::outcome).thenCompose(this::results);
    }

    private Followed follow() {
        phase = "running";
        WatchOptions options = WatchOptions.untilCompleted();
        if (deadlineMillis > 0) {
            options = options.timeout(Duration.ofMillis(Math.max(1, deadlineMillis - System.currentTimeMillis())), true);
        }
        Followed f = DeviceFarmEngine.lifecycle().follow(lease.retain(), runArn(), options, DeviceFarmEngine.pollSettings(), ledger);
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
        phase = "reading results";
        ScheduledPages pages = new ScheduledPages(DeviceFarmEngine.get());
        CompletableFuture<RunResults> tree = new ResultTreeFetcher(client(), pages).fetch(runArn());
        CompletableFuture<List<ArtifactFile>> files = spec.artifacts.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : new ArtifactLister(client(), pages).list(runArn(), spec.artifacts, EnumSet.allOf(ArtifactLevel.class))
                        .exceptionally(e -> { // a failed listing must not hide the test results
                            warn("Could not list the artifacts: " + DeviceFarmLifecycle.unwrap(e).getMessage());
                            return List.of();
                        });
        return tree.thenCompose(t -> files.thenCombine(reportZips(pages, t), (f, z) -> new Results(t, f, z))).thenCompose(r -> {
            checkAbort();
            phase = r.files().isEmpty() ? "writing the test report" : "downloading " + r.files().size() + " artifact(s)";
            String report = spec.publishTests ? reportPath() : null;
            CompletableFuture<AgentResults.Summary> agent = onAgent(new AgentResults(r.tree(), r.files(), r.reportZips(), report, host.listener()));
            return agent.<CompletableFuture<AgentResults.Summary>>handle((summary, e) -> {
                        if (e == null) {
                            return CompletableFuture.completedFuture(summary);
                        }
                        if (abortReason != null) {
                            return CompletableFuture.<AgentResults.Summary>failedFuture(e);
                        }
                        // The downloads failed as a whole: say so, and still publish the test results.
                        warn("Could not download the artifacts: " + DeviceFarmLifecycle.unwrap(e).getMessage());
                        return onAgent(new AgentResults(r.tree(), List.of(), List.of(), report, host.listener()));
                    })
                    .thenCompose(f -> f)
                    .thenCompose(summary -> onJenkins(() -> publish(run, r.tree(), summary)));
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
                .list(runArn(), EnumSet.of(ArtifactType.CUSTOMER_ARTIFACT), EnumSet.allOf(ArtifactLevel.class))
                .exceptionally(e -> { // then the report says which devices have only counters
                    warn("Could not list the customer artifacts for the test report: " + DeviceFarmLifecycle.unwrap(e).getMessage());
                    return List.of();
                });
    }

    /** The result tree and the artifact files to fetch (their URLs are secrets: they go to the agent only). */
    private record Results(RunResults tree, List<ArtifactFile> files, List<ArtifactFile> reportZips) {}

    /** Runs {@code callable} on the workspace's machine; an abort interrupts it. */
    private <T> CompletableFuture<T> onAgent(jenkins.MasterToSlaveFileCallable<T> callable) {
        return cancellable(RemotingCalls.onRemotingThread(() -> host.workspace().act(callable)));
    }

    private String reportPath() {
        return WORKSPACE_DIR + "/" + runId() + "/" + REPORT_FILE;
    }

    /** On a Jenkins thread: the test report, the archive, the build result, and the step's return value. */
    private Map<String, Object> publish(Outcome run, RunResults tree, AgentResults.Summary agent) throws Exception {
        LinkedHashMap<String, Object> value = new LinkedHashMap<>(run.toMap());
        value.put("webUrl", run.getConsoleUrl());
        value.put("jobs", jobs(tree));
        agent.notes.forEach(this::say);
        if (agent.downloads != null) {
            say(agent.downloads + " into " + WORKSPACE_DIR + "/");
            agent.failures.forEach(f -> warn("Not downloaded: " + f));
            Map<String, Object> artifacts = new LinkedHashMap<>();
            artifacts.put("dir", WORKSPACE_DIR);
            artifacts.put("saved", agent.saved);
            artifacts.put("bytes", agent.bytes);
            artifacts.put("failed", new ArrayList<>(agent.failures));
            value.put("artifacts", artifacts);
            if (spec.archive && !agent.savedPaths.isEmpty()) {
                Map<String, String> archived = new LinkedHashMap<>();
                agent.savedPaths.forEach(p -> archived.put(p, p));
                host.build().pickArtifactManager().archive(host.workspace(), host.launcher(),
                        BuildListenerAdapter.wrap(host.listener()), archived);
                say("Archived " + archived.size() + " artifact(s) on the build");
            }
        }
        if (spec.publishTests) {
            JUnitResultArchiver archiver = new JUnitResultArchiver(reportPath());
            archiver.setAllowEmptyResults(true); // a run without per-test results says so above
            TestResultSummary summary = JUnitResultArchiver.parseAndSummarize(archiver, host.testDetails(), host.build(),
                    host.workspace(), host.launcher(), host.listener());
            if (summary.getFailCount() > 0) {
                host.setResult(Result.UNSTABLE, summary.getFailCount() + " tests failed");
            }
            value.put("testReport", reportPath());
        }
        Verdict v = spec.policy.verdictFor(run);
        if (spec.setBuildResult && v != Verdict.SUCCESS) {
            host.setResult(Result.fromString(v.name()), "Device Farm result " + run.getResult());
        }
        published = value;
        host.saveState();
        say("Published the results of run " + runId());
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
        if (DeviceFarmEngine.isClosing()) {
            // Jenkins is shutting down under us: keep every upload and the run for the step's onResume().
            ClientLease l = lease;
            lease = null;
            if (l != null) {
                l.close();
            }
            return;
        }
        Throwable e = error == null ? null : DeviceFarmLifecycle.unwrap(error);
        CompletableFuture<Void> cleanup;
        try {
            cleanup = deleteUploads();
        } catch (RuntimeException ex) {
            warn("Could not delete the uploads this step created: " + ex.getMessage());
            cleanup = done();
        }
        cleanup.whenComplete((x, y) -> {
            ClientLease l = lease;
            lease = null;
            if (l != null) {
                l.close();
            }
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(value);
            }
        });
    }

    /** Deletes what this flow uploaded, unless asked to keep it or a run it did not wait for still uses it. */
    private CompletableFuture<Void> deleteUploads() {
        List<String> mine;
        synchronized (created) {
            mine = List.copyOf(created);
        }
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
        Uploader uploader = uploader();
        List<CompletableFuture<Void>> deletes = new ArrayList<>();
        for (String arn : mine) {
            deletes.add(uploader.delete(uploadArn(arn)).handle((x, e) -> {
                if (e == null) {
                    created.remove(arn);
                } else {
                    warn("Could not delete upload " + arn + ": " + DeviceFarmLifecycle.unwrap(e).getMessage());
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new))
                .thenRun(() -> say("Deleted the upload(s) this step created: " + String.join(", ", mine)));
    }

    // ---- helpers

    /** Work for a Jenkins thread (workspace, build.xml, the test report). */
    @FunctionalInterface
    interface JenkinsWork<T> {
        T call() throws Exception;
    }

    private static <T> CompletableFuture<T> onJenkins(JenkinsWork<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Timer.get().execute(() -> {
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

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private Duration remaining() {
        return deadlineMillis == 0 ? null : Duration.ofMillis(Math.max(1, deadlineMillis - System.currentTimeMillis()));
    }

    private software.amazon.awssdk.services.devicefarm.DeviceFarmClient client() {
        return lease.client();
    }

    private Uploader uploader() {
        return new Uploader(client(), DeviceFarmEngine.get());
    }

    private DeviceFarmArn runArn() {
        return DeviceFarmArn.parse("arn", runArn, ArnKind.RUN);
    }

    /** The run's id, the last segment of its ARN: the workspace folder of its files. */
    private String runId() {
        return runArn.substring(runArn.lastIndexOf('/') + 1);
    }

    private static DeviceFarmArn uploadArn(String arn) {
        return DeviceFarmArn.parse("arn", arn, ArnKind.UPLOAD);
    }

    private String defaultName() {
        try {
            return host.build().getFullDisplayName();
        } catch (Exception e) {
            return "jenkins";
        }
    }

    private void say(String line) {
        host.listener().getLogger().println(LOG + line);
    }

    private void warn(String line) {
        host.listener().error(LOG + line);
    }
}
