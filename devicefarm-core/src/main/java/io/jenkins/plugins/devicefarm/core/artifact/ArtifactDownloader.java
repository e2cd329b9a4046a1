package io.jenkins.plugins.devicefarm.core.artifact;

import io.jenkins.plugins.devicefarm.core.DaemonThreads;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Downloads artifact files from their presigned URLs into a folder: plain Java (no SDK, no Jenkins),
 * so it runs on the agent that holds the workspace. At most {@link DownloadSettings#parallel()} files
 * at once (the JDK HTTP client on a bounded pool; waiting files hold no thread); each file streams
 * to a {@code .part} file ({@link PartFile}) that is moved into place when complete (a length mismatch counts as a
 * failure); failures that may pass (network, HTTP 5xx, 408, 429, timeouts, cut-off bodies) are
 * retried after a jittered, growing backoff that waits on a timer, not on a thread. A file that still fails is reported and the others go on. Messages never
 * contain the URL.
 */
public final class ArtifactDownloader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ArtifactDownloader.class.getName());
    private static final Pattern URLS = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+|X-Amz-[A-Za-z-]+=\\S+");

    private final DownloadSettings settings;
    private final ExecutorService pool;
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<Batch> batches = ConcurrentHashMap.newKeySet();
    private final Deque<Runnable> waiting = new ArrayDeque<>(); // guarded by this
    private int running; // guarded by this

    public ArtifactDownloader(DownloadSettings settings) {
        this.settings = settings;
        this.pool = new ThreadPoolExecutor(settings.parallel(), settings.parallel(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("devicefarm-download-"));
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        this.http = HttpClient.newBuilder()
                .executor(pool)
                .version(HttpClient.Version.HTTP_1_1) // what S3 serves presigned GETs over; no h2c upgrade on http
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault()) // the agent's -Dhttps.proxyHost and friends
                .build();
        this.timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("devicefarm-download-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** Downloads every file below {@code dir}; completes when each is saved or has failed for good. */
    public CompletableFuture<DownloadReport> start(List<ArtifactFile> files, Path dir, DownloadListener listener) {
        Batch batch = new Batch(files, dir.toAbsolutePath().normalize(), listener == null ? DownloadListener.NONE : listener);
        batches.add(batch);
        batch.result.whenComplete((r, t) -> batches.remove(batch));
        if (files.isEmpty()) {
            batch.complete();
            return batch.result;
        }
        batch.deadline = timer.schedule(() -> batch.close("the overall download timeout of "
                + describe(settings.overallTimeout()) + " was reached"), settings.overallTimeout().toNanos(), TimeUnit.NANOSECONDS);
        Set<String> paths = new HashSet<>();
        for (ArtifactFile file : files) {
            if (paths.add(file.getRelativePath().toLowerCase(Locale.ROOT))) {
                enqueue(() -> attempt(batch, file, 1));
            } else {
                batch.fail(file, "another file of this download has the same path"); // never two writers on one file
            }
        }
        return batch.result;
    }

    /** As {@link #start}, waiting for the report; an interrupt stops the batch (files not done are reported failed). */
    public DownloadReport download(List<ArtifactFile> files, Path dir, DownloadListener listener) throws InterruptedException {
        CompletableFuture<DownloadReport> result = start(files, dir, listener);
        try {
            return result.get();
        } catch (InterruptedException e) {
            batches.forEach(b -> {
                if (b.result == result) {
                    b.close("the download was interrupted");
                }
            });
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("artifact download failed unexpectedly", e.getCause());
        }
    }

    /**
     * Stops every batch: in-flight downloads are cut and files waiting for a retry or a slot fail at
     * once, so every file reports and every batch completes. The pool's idle threads end on their own.
     * Not usable afterwards.
     */
    @Override
    public void close() {
        batches.forEach(b -> b.close("the download was stopped")); // runs their retries now: each fails at once
        timer.shutdownNow(); // so nothing it still holds is needed
        pool.shutdown();
    }

    /** At most {@code parallel} attempts run at once; the rest wait here, holding no thread. */
    private void enqueue(Runnable attempt) {
        synchronized (this) {
            if (running >= settings.parallel()) {
                waiting.add(attempt);
                return;
            }
            running++;
        }
        run(attempt);
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        run(next);
    }

    private void run(Runnable attempt) {
        try {
            pool.execute(attempt);
        } catch (RejectedExecutionException e) {
            // Closed: the attempt sees its batch closed and reports the file failed. On a fresh thread,
            // so a long queue of such attempts never nests on one stack.
            Thread t = new Thread(attempt, "devicefarm-download-closing");
            t.setDaemon(true);
            t.start();
        }
    }

    private void attempt(Batch batch, ArtifactFile file, int attempt) {
        if (batch.closed != null) {
            batch.fail(file, batch.closed);
            release();
            return;
        }
        Path target;
        Path part;
        try {
            target = SafePaths.resolve(batch.dir, file.getRelativePath());
            part = target.resolveSibling(target.getFileName() + "." + attempt + ".part");
            Files.createDirectories(target.getParent());
        } catch (SafePaths.UnsafePathException | IOException e) {
            batch.fail(file, e instanceof IOException ? "cannot create the folder: " + e.getClass().getSimpleName() : e.getMessage());
            release();
            return;
        }
        safely(() -> batch.listener.started(file, attempt));
        batch.requests.incrementAndGet();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(file.getUrl())).timeout(settings.readTimeout()).GET().build();
        } catch (IllegalArgumentException e) {
            batch.fail(file, "not a valid download link");
            release();
            return;
        }
        PartFile partFile = new PartFile(part);
        CompletableFuture<HttpResponse<Long>> call;
        try {
            call = http.sendAsync(request, info -> info.statusCode() == 200 ? partFile : BodySubscribers.replacing(-1L));
        } catch (RejectedExecutionException e) { // close shut the pool the client runs on meanwhile
            partFile.abort();
            batch.fail(file, batch.closed != null ? batch.closed : "the download was stopped");
            release();
            return;
        }
        boolean[] timedOut = {false};
        batch.active.add(call);
        ScheduledFuture<?> watchdog;
        try {
            watchdog = timer.schedule(() -> {
                timedOut[0] = true;
                call.cancel(true); // aborts the exchange
            }, settings.perFileTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) { // closed meanwhile
            call.cancel(true);
            batch.active.remove(call);
            batch.fail(file, "the download was stopped");
            release();
            return;
        }
        call.whenComplete((response, error) -> {
            watchdog.cancel(false);
            batch.active.remove(call);
            try {
                long bytes = check(response, error, timedOut[0], batch, part, target);
                batch.save(file, bytes, attempt);
            } catch (Failure f) {
                partFile.abort();
                retryOrFail(batch, file, attempt, f);
            } catch (RuntimeException e) {
                partFile.abort();
                LOG.log(Level.WARNING, "Unexpected failure downloading " + file, e);
                batch.fail(file, "unexpected error: " + e.getClass().getSimpleName());
            } finally {
                release();
            }
        });
        if (batch.closed != null) {
            // Closed after the check above but maybe before the call was in active, where close looks:
            // cut it here, or it runs on unwatched (the timer may be gone) and its answer may never come.
            call.cancel(true);
        }
    }

    /** The outcome of one attempt: bytes saved, or why not. */
    private long check(HttpResponse<Long> response, Throwable error, boolean timedOut, Batch batch, Path part, Path target)
            throws Failure {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (timedOut) {
                throw new Failure(true, "not complete within the per-file timeout of " + describe(settings.perFileTimeout()));
            }
            if (batch.closed != null) {
                throw new Failure(false, "cut off");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new Failure(true, "no answer within " + describe(settings.readTimeout()));
            }
            throw new Failure(true, "network error: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + scrub(cause.getMessage())));
        }
        if (response.statusCode() != 200) {
            throw httpFailure(response.statusCode());
        }
        try {
            long size = response.body();
            OptionalLong expected = response.headers().firstValueAsLong("Content-Length");
            if (expected.isPresent() && expected.getAsLong() != size) {
                throw new Failure(true, "incomplete: " + size + " of " + expected.getAsLong() + " bytes arrived");
            }
            move(part, target);
            return size;
        } catch (IOException e) {
            throw new Failure(true, "cannot save the file: " + e.getClass().getSimpleName());
        }
    }

    private void retryOrFail(Batch batch, ArtifactFile file, int attempt, Failure f) {
        if (f.retryable && attempt < settings.attempts() && batch.closed == null) {
            safely(() -> batch.listener.retrying(file, attempt, f.getMessage()));
            Runnable retry = () -> enqueue(() -> attempt(batch, file, attempt + 1));
            batch.retries.add(retry);
            if (batch.closed != null) {
                // Closed since the check above, maybe after close ran the batch's retries: run it now
                // (the attempt fails at once) rather than leave it to wait out its backoff.
                batch.runRetry(retry);
                return;
            }
            try {
                timer.schedule(() -> batch.runRetry(retry), backoff(attempt).toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                if (batch.retries.remove(retry)) { // else close already ran it and the file reports from there
                    batch.fail(file, "the download was stopped (" + f.getMessage() + ")");
                }
            }
        } else {
            String why = batch.closed != null ? batch.closed + " (" + f.getMessage() + ")"
                    : f.getMessage() + (f.retryable ? " (after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + ")" : "");
            batch.fail(file, why);
        }
    }

    private static Failure httpFailure(int status) {
        return switch (status) {
            case 403 -> new Failure(false, "HTTP 403: the link was refused or has expired; list the artifacts again for fresh links");
            case 404 -> new Failure(false, "HTTP 404: the file no longer exists on Device Farm");
            case 408, 429 -> new Failure(true, "HTTP " + status + ": the server asked to try again later");
            default -> new Failure(status >= 500, "HTTP " + status + (status >= 500 ? ": server error" : ""));
        };
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Duration backoff(int failedAttempts) {
        long first = settings.firstBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long base = Math.min(max, first << Math.min(failedAttempts - 1, 20));
        return Duration.ofMillis(Math.max(1, Math.round(base * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5))));
    }

    /** Removes anything that looks like a URL or a presigned query parameter. */
    static String scrub(String message) {
        return message == null ? "" : URLS.matcher(message).replaceAll("<URL>");
    }

    private static String describe(Duration d) {
        long s = d.getSeconds();
        return s >= 60 && s % 60 == 0 ? (s / 60) + " min" : d.toMillis() / 1000.0 + " s";
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A download listener failed", e);
        }
    }


    /** Why one attempt failed, and whether another may succeed. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean retryable;

        Failure(boolean retryable, String message) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }

    /** One call to {@link #start}: its files, results, live connections and whether it was stopped. */
    private static final class Batch {
        final List<ArtifactFile> files;
        final Path dir;
        final DownloadListener listener;
        final CompletableFuture<DownloadReport> result = new CompletableFuture<>();
        final Set<CompletableFuture<?>> active = ConcurrentHashMap.newKeySet();
        final Set<Runnable> retries = ConcurrentHashMap.newKeySet(); // files waiting on the timer for their next attempt
        final long startNanos = System.nanoTime();
        final List<DownloadReport.Saved> saved = new ArrayList<>(); // guarded by this
        final List<DownloadReport.Failed> failed = new ArrayList<>(); // guarded by this
        final AtomicInteger requests = new AtomicInteger();
        volatile String closed;
        volatile ScheduledFuture<?> deadline;

        Batch(List<ArtifactFile> files, Path dir, DownloadListener listener) {
            this.files = List.copyOf(files);
            this.dir = dir;
            this.listener = listener;
        }

        void save(ArtifactFile file, long bytes, int attempts) {
            safely(() -> listener.finished(file, bytes, attempts));
            synchronized (this) {
                saved.add(new DownloadReport.Saved(file.getRelativePath(), file.getType(), bytes, attempts));
            }
            completeIfDone();
        }

        void fail(ArtifactFile file, String reason) {
            safely(() -> listener.failed(file, reason));
            synchronized (this) {
                failed.add(new DownloadReport.Failed(file.getRelativePath(), file.getType(), reason));
            }
            completeIfDone();
        }

        /**
         * Stops taking new attempts, cuts the ones in flight and runs the retries waiting on the timer
         * now (each attempt sees the batch closed and fails), so each file reports without waiting out
         * a backoff, whoever closes: the downloader, the overall timeout or an interrupt.
         */
        void close(String reason) {
            if (closed == null) {
                closed = reason;
                active.forEach(call -> call.cancel(true));
                List.copyOf(retries).forEach(this::runRetry);
            }
        }

        /** Runs a waiting retry once, whether its time came or the batch closed. */
        void runRetry(Runnable retry) {
            if (retries.remove(retry)) {
                retry.run();
            }
        }

        private void completeIfDone() {
            boolean done;
            synchronized (this) {
                done = saved.size() + failed.size() == files.size();
            }
            if (done) {
                complete();
            }
        }

        void complete() {
            ScheduledFuture<?> d = deadline;
            if (d != null) {
                d.cancel(false);
            }
            DownloadReport report;
            synchronized (this) {
                report = new DownloadReport(saved, failed, requests.get(),
                        Duration.ofNanos(System.nanoTime() - startNanos));
            }
            result.complete(report);
        }
    }
}
