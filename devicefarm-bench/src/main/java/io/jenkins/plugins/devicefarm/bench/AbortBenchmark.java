package io.jenkins.plugins.devicefarm.bench;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.client.ClientSettings;
import io.jenkins.plugins.devicefarm.core.client.SharedClients;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Ledger;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.run.LocalRunSite;
import io.jenkins.plugins.devicefarm.core.run.RunConnection;
import io.jenkins.plugins.devicefarm.core.run.RunFlow;
import io.jenkins.plugins.devicefarm.core.run.RunPhase;
import io.jenkins.plugins.devicefarm.core.run.RunSpec;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.simulator.Concurrency;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.JournalEntry;
import io.jenkins.plugins.devicefarm.simulator.RunScript;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import io.jenkins.plugins.devicefarm.simulator.ScaledSimClock;
import io.jenkins.plugins.devicefarm.simulator.Scenario;
import io.jenkins.plugins.devicefarm.simulator.TestCounts;
import io.jenkins.plugins.devicefarm.simulator.UploadScript;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Run;

/**
 * Aborts in each phase of a {@code deviceFarmRun} (the core's {@link RunFlow}, which the plugin's
 * Pipeline and freestyle steps run, here on a {@link LocalRunSite}) against the in-process simulator on a compressed clock: 100 aborts per phase at a
 * random moment within it, 10 flows at once. Measures, from the simulator's journal, the time from
 * the abort to the first and to the last request that stops (StopRun) or deletes (DeleteUpload)
 * what the flow made; then asks the simulator what is left: runs not COMPLETED (billing) and
 * uploads not deleted. Run: {@code java -cp devicefarm-bench/target/devicefarm-bench.jar
 * io.jenkins.plugins.devicefarm.bench.AbortBenchmark [--aborts 100] [--parallel 10] [--out docs/benchmarks.md]}
 */
public final class AbortBenchmark {
    static final double TIME_SCALE = 60;
    /** Simulated seconds Device Farm processes an upload: 0.5 s of real time. */
    static final long PROCESSING_SECONDS = 30;
    /** Real time ScheduleRun takes to answer in the scheduling phase (a slow network). */
    static final Duration SCHEDULE_LATENCY = Duration.ofMillis(200);
    /** The app's size and the pace it is sent at in the upload phase: 16 KB every 10 ms, about 0.3 s. */
    static final int APP_KB = 512;
    static final int SLOW_CHUNK = 16 * 1024;
    static final long SLOW_PAUSE_MILLIS = 10;
    /** The run: queue 20 s, setup 60 s, tests 300 s, teardown 30 s, simulated (about 7 s real). */
    static final RunScript RUN = new RunScript("^abort-bench", 20, 60, 300, 30, "PASSED", new TestCounts(10, 0, 0, 0, 0), null);

    private AbortBenchmark() {}

    /** Where in its phase the abort comes: a random moment within this window (real ms) after the flow enters it. */
    enum Target {
        UPLOADING(RunPhase.UPLOADING, 250),
        PROCESSING(RunPhase.PROCESSING, 400),
        SCHEDULING(RunPhase.SCHEDULING, 150),
        RUNNING(RunPhase.RUNNING, 6000);

        final RunPhase phase;
        final long windowMillis;

        Target(RunPhase phase, long windowMillis) {
            this.phase = phase;
            this.windowMillis = windowMillis;
        }
    }

    /** The figures of one phase. */
    record Result(Target target, int aborts, int landedInPhase, Percentiles toFirst, Percentiles toLast, int stopRequests,
                  int deleteRequests, int runsScheduled, int runsLeftBilling, int uploadsLeft, int stopFailures,
                  int flowsLost, double meteredMinutes, double wallSeconds) {}

    public static void main(String[] args) throws Exception {
        int aborts = BenchmarkPage.intOption(args, "--aborts", 100);
        int parallel = BenchmarkPage.intOption(args, "--parallel", 10);
        byte[] app = app(APP_KB);
        byte[] tests = SampleFiles.zip("tests/Smoke.class");
        System.out.printf(Locale.ROOT, "Aborts: %d per phase, %d flows at once, clock x%.0f%n", aborts, parallel, TIME_SCALE);
        run(Target.RUNNING, Math.min(20, aborts), parallel, app, tests, 7); // warm-up, not counted
        List<Result> results = new ArrayList<>();
        for (Target t : Target.values()) {
            Result r = run(t, aborts, parallel, app, tests, 42 + t.ordinal());
            System.out.println(t + " done: " + r);
            results.add(r);
        }
        String section = report(results, aborts, parallel, args);
        System.out.println(section);
        String out = BenchmarkPage.option(args, "--out");
        if (out != null) {
            BenchmarkPage.write(Path.of(out), section);
        }
    }

    private static Result run(Target target, int aborts, int parallel, byte[] app, byte[] tests, long seed) throws Exception {
        Scenario scenario = Scenario.demo()
                .concurrency(new Concurrency(1_000_000, Concurrency.DEFAULT.meteredRemoteAccess(), 1_000_000))
                .prependRunScript(RUN)
                .prependUploadScript(new UploadScript(".*", PROCESSING_SECONDS, "SUCCEEDED", null, null, null));
        Queue<JournalEntry> stopsAndDeletes = new ConcurrentLinkedQueue<>();
        AtomicInteger stopFailures = new AtomicInteger();
        Random random = new Random(seed);
        ExecutorService records = Executors.newFixedThreadPool(2, r -> new Thread(r, "bench-records"));
        EnginePhase.CancelTimer timer = new EnginePhase.CancelTimer();
        try (DeviceFarmSimulator sim = DeviceFarmSimulator.builder().port(0).clock(new ScaledSimClock(TIME_SCALE)).scenario(scenario).build();
             SharedClients clients = new SharedClients();
             DeviceFarmWatcher engine = new DeviceFarmWatcher(PollSettings.of(scaled(Duration.ofSeconds(5)), scaled(Duration.ofSeconds(60))))) {
            if (target == Target.SCHEDULING) {
                sim.faults().latency("ScheduleRun", SCHEDULE_LATENCY);
            }
            sim.journal().addListener(e -> {
                if ("StopRun".equals(e.operation()) || "DeleteUpload".equals(e.operation())) {
                    stopsAndDeletes.add(e);
                }
            });
            ClientLease lease = clients.lease("bench", ClientSettings.builder().endpointOverride(sim.endpoint().toString())
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIABENCHMARK", "bench"))).build());
            DeviceFarmArn project = DeviceFarmArn.parse("projectArn", sim.projectArns().get(0), ArnKind.PROJECT);
            DeviceFarmLifecycle lifecycle = new DeviceFarmLifecycle(engine, records);
            CountingLedger ledger = new CountingLedger(stopFailures);
            Path workspace = Files.createTempDirectory("abort-bench");
            Files.write(workspace.resolve("app.apk"), app);
            Files.write(workspace.resolve("tests.zip"), tests);
            int uploadsBefore = uploads(lease.client(), project);

            List<BenchSite> sites = new ArrayList<>();
            Map<BenchSite, Long> abortNanos = new ConcurrentHashMap<>();
            Set<BenchSite> landed = ConcurrentHashMap.newKeySet();
            Semaphore slots = new Semaphore(parallel);
            List<CompletableFuture<Map<String, Object>>> ends = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < aborts; i++) {
                slots.acquire();
                long delayNanos = (long) (random.nextDouble() * target.windowMillis * 1_000_000);
                RunSpec.Builder spec = RunSpec.builder();
                spec.projectArn = project.toString();
                spec.name = "abort-bench-" + i;
                spec.testType = "APPIUM_JAVA_TESTNG";
                spec.app = "app.apk";
                spec.testPackage = "tests.zip";
                spec.devicePool = sim.devicePoolArns().get(0);
                RunFlow flow = new RunFlow(spec.build());
                BenchSite site = new BenchSite(workspace, engine, lifecycle, () -> new RunConnection(lease.retain(), ledger),
                        target == Target.UPLOADING, flow);
                site.onPhase = phase -> {
                    if (phase == target.phase && !abortNanos.containsKey(site)) {
                        timer.at(System.nanoTime() + delayNanos, () -> {
                            if (abortNanos.putIfAbsent(site, System.nanoTime()) == null) {
                                if (site.current == target.phase) {
                                    landed.add(site);
                                }
                                flow.abort("benchmark abort");
                            }
                        });
                    }
                };
                sites.add(site);
                CompletableFuture<Map<String, Object>> end = flow.run(site);
                end.whenComplete((o, e) -> slots.release());
                ends.add(end);
            }
            int lost = 0;
            for (CompletableFuture<Map<String, Object>> end : ends) {
                try {
                    end.get(2, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    if (!(DeviceFarmLifecycle.unwrap(e) instanceof CancellationException)) {
                        System.err.println("flow failed: " + DeviceFarmLifecycle.unwrap(e));
                        lost++;
                    }
                } catch (CancellationException e) {
                    // aborted: expected
                } catch (TimeoutException e) {
                    lost++;
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            List<Long> toFirst = new ArrayList<>();
            List<Long> toLast = new ArrayList<>();
            for (BenchSite site : sites) {
                Long t0 = abortNanos.get(site);
                long[] span = t0 == null ? null : stopsAfter(site.made, t0, stopsAndDeletes);
                if (span != null) {
                    toFirst.add(span[0] - t0);
                    toLast.add(span[1] - t0);
                }
            }
            List<Run> runs = lease.client().listRunsPaginator(r -> r.arn(project.toString())).runs().stream().toList();
            int billing = (int) runs.stream().filter(r -> !"COMPLETED".equals(r.statusAsString())).count();
            double metered = runs.stream().mapToDouble(r -> r.deviceMinutes() == null || r.deviceMinutes().metered() == null
                    ? 0 : r.deviceMinutes().metered()).sum();
            int uploadsLeft = uploads(lease.client(), project) - uploadsBefore;
            int stops = (int) stopsAndDeletes.stream().filter(e -> "StopRun".equals(e.operation())).count();
            lease.close();
            sites.forEach(BenchSite::close);
            deleteTree(workspace);
            return new Result(target, abortNanos.size(), landed.size(), new Percentiles(toFirst), new Percentiles(toLast), stops,
                    stopsAndDeletes.size() - stops, runs.size(), billing, uploadsLeft, stopFailures.get(), lost, metered, wall);
        } finally {
            timer.close();
            records.shutdown();
        }
    }

    /** The first and last StopRun or DeleteUpload about the ARNs a flow made, from {@code t0} on; null if none. */
    private static long[] stopsAfter(Set<String> mine, long t0, Queue<JournalEntry> stopsAndDeletes) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JournalEntry e : stopsAndDeletes) {
            if (mine.contains(e.arn()) && e.receivedNanos() >= t0) {
                first = Math.min(first, e.receivedNanos());
                last = Math.max(last, e.receivedNanos());
            }
        }
        return last == Long.MIN_VALUE ? null : new long[] {first, last};
    }

    private static int uploads(DeviceFarmClient client, DeviceFarmArn project) {
        return (int) client.listUploadsPaginator(r -> r.arn(project.toString())).uploads().stream().count();
    }

    static Duration scaled(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() / TIME_SCALE));
    }

    /** The bytes, at full speed or at a slow network's pace. */
    private static InputStream stream(byte[] bytes, boolean slow) {
        if (!slow) {
            return new ByteArrayInputStream(bytes);
        }
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                try {
                    Thread.sleep(SLOW_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                return super.read(b, off, Math.min(len, SLOW_CHUNK));
            }
        };
    }

    /** An APK the simulator's processing accepts: a manifest and {@code kb} of uncompressed filler. */
    static byte[] app(int kb) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            zip.write("<manifest package=\"bench\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("assets/filler.bin"));
            zip.write(new byte[kb * 1024]);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * One flow's workspace: the app sent at a slow network's pace in the upload phase; hears the
     * phases; notes every upload and run the flow made (from the state it saves after each).
     */
    private static final class BenchSite extends LocalRunSite {
        private final boolean slow;
        private final RunFlow flow;
        final Set<String> made = ConcurrentHashMap.newKeySet();
        volatile RunPhase current = RunPhase.STARTING;
        volatile Consumer<RunPhase> onPhase = p -> {};

        BenchSite(Path workspace, DeviceFarmWatcher engine, DeviceFarmLifecycle lifecycle, Callable<RunConnection> connection,
                  boolean slow, RunFlow flow) {
            super(workspace, engine, lifecycle, connection);
            this.slow = slow;
            this.flow = flow;
        }

        @Override
        protected InputStream open(Path file) throws IOException {
            return stream(Files.readAllBytes(file), slow && file.getFileName().toString().equals("app.apk"));
        }

        @Override
        public void entered(RunPhase phase) {
            current = phase;
            onPhase.accept(phase);
        }

        @Override
        public void saveState() {
            made.addAll(flow.createdUploads());
            if (flow.runArn() != null) {
                made.add(flow.runArn());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The ledger of the benchmark's "build": counts stops Device Farm never accepted. */
    private static final class CountingLedger implements Ledger {
        private final AtomicInteger stopFailures;

        CountingLedger(AtomicInteger stopFailures) {
            this.stopFailures = stopFailures;
        }

        @Override
        public void track(DeviceFarmArn arn) {}

        @Override
        public void record(Outcome outcome) {}

        @Override
        public void stopFailed(DeviceFarmArn arn, String message) {
            stopFailures.incrementAndGet();
            System.err.println("stop failed: " + message);
        }
    }

    private static String report(List<Result> results, int aborts, int parallel, String[] args) {
        StringBuilder s = BenchmarkPage.header("Benchmark: aborting a run in each phase", AbortBenchmark.class, args);
        s.append(String.format(Locale.ROOT, "The core's `RunFlow`, the flow the plugin's `deviceFarmRun` and freestyle step run "
                + "(here on a `LocalRunSite`: a %d KB app and a test package sent from a local folder) against the in-process simulator on "
                + "loopback, clock compressed %.0f times. %d aborts per phase, %d flows at once, each at a random moment "
                + "after the flow entered the phase: uploading (the app sent at 16 KB per 10 ms, within %d ms), processing "
                + "(%d simulated seconds, within %d ms), scheduling (ScheduleRun answering after %d ms, within %d ms), "
                + "running (a run of %d simulated minutes on 2 devices, within %d ms, i.e. from queueing to the end of "
                + "the tests). Times are from the abort to the request's arrival in the simulator's journal: the "
                + "first and the last StopRun or DeleteUpload about what the flow made (a run is stopped first, then "
                + "followed to its end, then the uploads are deleted). Left billing: runs of the project not COMPLETED "
                + "once every flow had ended; uploads left: not deleted.%n%n",
                APP_KB, TIME_SCALE, aborts, parallel, Target.UPLOADING.windowMillis, PROCESSING_SECONDS,
                Target.PROCESSING.windowMillis, SCHEDULE_LATENCY.toMillis(), Target.SCHEDULING.windowMillis,
                (RUN.queueSeconds() + RUN.setupSeconds() + RUN.testSeconds() + RUN.teardownSeconds()) / 60,
                Target.RUNNING.windowMillis));
        s.append("| figure | uploading | processing | scheduling | running |\n|---|---:|---:|---:|---:|\n");
        row(s, "aborts", results, r -> String.valueOf(r.aborts()));
        row(s, "… that came while the flow was in that phase", results, r -> String.valueOf(r.landedInPhase()));
        row(s, "abort → first stop/delete request, p50 (ms)", results, r -> ms(r.toFirst().millis(50)));
        row(s, "abort → first stop/delete request, p99 (ms)", results, r -> ms(r.toFirst().millis(99)));
        row(s, "abort → last stop/delete request, p50 (ms)", results, r -> ms(r.toLast().millis(50)));
        row(s, "abort → last stop/delete request, p95 (ms)", results, r -> ms(r.toLast().millis(95)));
        row(s, "**abort → last stop/delete request, p99 (ms)**", results, r -> "**" + ms(r.toLast().millis(99)) + "**");
        row(s, "abort → last stop/delete request, max (ms)", results, r -> ms(r.toLast().maxMillis()));
        row(s, "StopRun requests", results, r -> String.valueOf(r.stopRequests()));
        row(s, "DeleteUpload requests", results, r -> String.valueOf(r.deleteRequests()));
        row(s, "runs scheduled", results, r -> String.valueOf(r.runsScheduled()));
        row(s, "metered device minutes billed (simulated)", results, r -> String.format(Locale.ROOT, "%.0f", r.meteredMinutes()));
        row(s, "**runs left billing**", results, r -> "**" + r.runsLeftBilling() + "**");
        row(s, "uploads left", results, r -> String.valueOf(r.uploadsLeft()));
        row(s, "stops Device Farm never accepted", results, r -> String.valueOf(r.stopFailures()));
        row(s, "flows failed otherwise or hung", results, r -> String.valueOf(r.flowsLost()));
        row(s, "wall time (s)", results, r -> String.format(Locale.ROOT, "%.1f", r.wallSeconds()));
        boolean clean = results.stream().allMatch(r -> r.runsLeftBilling() == 0 && r.uploadsLeft() == 0 && r.flowsLost() == 0);
        s.append(String.format(Locale.ROOT, "%nTarget: resources left billing 0 after every abort — %s%n",
                clean ? "met" : "**missed**"));
        return s.toString();
    }

    private static void row(StringBuilder s, String name, List<Result> results, Function<Result, String> f) {
        s.append("| ").append(name);
        for (Result r : results) {
            s.append(" | ").append(f.apply(r));
        }
        s.append(" |\n");
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
