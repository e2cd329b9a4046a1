package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * The engine: one small scheduler (a fixed handful of threads, never one per watch) that
 * follows any number of runs, jobs and sessions, stops them on request and creates sessions.
 * Threads only make calls; every wait between calls is a scheduled task, not a sleeping thread.
 */
public final class DeviceFarmWatcher implements AutoCloseable {
    /** Poll threads; a few more make stops and creates. */
    public static final int DEFAULT_THREADS = 2;

    private final PollSettings settings;
    private final Lanes lanes;

    public DeviceFarmWatcher(PollSettings settings) {
        this(settings, DEFAULT_THREADS);
    }

    public DeviceFarmWatcher(PollSettings settings, int threads) {
        this.settings = settings;
        this.lanes = new Lanes(threads);
    }

    public PollSettings settings() {
        return settings;
    }

    /** Follows a run, job or session (from its ARN alone, e.g. after a restart) with the default poll settings. */
    public Watch watch(DeviceFarmClient client, DeviceFarmArn arn, WatchOptions options) {
        return watch(client, arn, options, settings);
    }

    /** As {@link #watch(DeviceFarmClient, DeviceFarmArn, WatchOptions)} with poll settings of its own. */
    public Watch watch(DeviceFarmClient client, DeviceFarmArn arn, WatchOptions options, PollSettings pollSettings) {
        DeviceFarmCalls.requireWatchable(arn);
        PolledWatch w = new PolledWatch(client, arn, options, pollSettings, lanes);
        w.start();
        return w;
    }

    /**
     * Stops a run, job or session now, retrying until Device Farm accepts the stop, and follows
     * it to its final state. Fails with {@link StopFailedException} naming the ARN when it cannot.
     */
    public CompletableFuture<Outcome> stop(DeviceFarmClient client, DeviceFarmArn arn, String reason) {
        DeviceFarmCalls.requireWatchable(arn);
        PolledWatch w = new PolledWatch(client, arn, WatchOptions.untilCompleted(), settings, lanes);
        return w.cancel(reason);
    }

    /**
     * Checks a session request against Device Farm without creating anything: every field's text
     * at once (bad input throws {@link io.jenkins.plugins.devicefarm.core.InvalidInputException}
     * before any request), then the project, the device and the apps, which must exist (a
     * missing one fails with an InvalidInputException naming its field). App names become upload
     * ARNs. The result carries the unique name the session will be created with: record it.
     */
    public CompletableFuture<PreparedSession> prepareSession(DeviceFarmClient client, SessionRequest request) {
        return prepareSession(client, request, uniqueName(request.name() == null ? null : request.name().strip(),
                SessionRequest.MAX_NAME_LENGTH));
    }

    /** As {@link #prepareSession(DeviceFarmClient, SessionRequest)} with a unique name made (and recorded) beforehand. */
    public CompletableFuture<PreparedSession> prepareSession(DeviceFarmClient client, SessionRequest request, String uniqueName) {
        return new SessionPreparer(this, client, request, uniqueName).start();
    }

    /**
     * Creates a prepared session and completes with it as first seen (usually PENDING). A create
     * whose answer is lost is never repeated blindly: the session is looked for by its unique name
     * and adopted. Record the ARN, then {@link #watch} it until RUNNING.
     */
    public CompletableFuture<Outcome> createSession(DeviceFarmClient client, PreparedSession prepared) {
        return new CreateOrAdopt<>(new SessionCreator(client, prepared), settings, lanes).start();
    }

    /** Prepares, then creates: for callers with nothing to record in between. */
    public CompletableFuture<Outcome> createSession(DeviceFarmClient client, SessionRequest request) {
        return prepareSession(client, request).thenCompose(p -> createSession(client, p));
    }

    /**
     * The newest session of the project with this unique name, or empty when Device Farm has none:
     * after Jenkins stopped while a create was under way, this tells whether it made the session.
     * Throttling and server errors are tried again later.
     */
    public CompletableFuture<Optional<Outcome>> findSession(DeviceFarmClient client, DeviceFarmArn project, String uniqueName) {
        return call("ListRemoteAccessSessions", "sessions of project " + project,
                () -> SessionCreator.newestNamed(SessionCreator.listSessions(client, project), uniqueName));
    }

    /**
     * Runs a create that has no idempotency token on the stop thread: retried when throttled, and
     * after a lost answer the resource is looked for by its unique name and adopted if it exists.
     */
    public <T> CompletableFuture<T> createOrAdopt(AdoptableCreate<T> create) {
        return new CreateOrAdopt<>(create, settings, lanes).start();
    }

    /** {@code name} with a random tag appended, within {@code maxLength}: the unique name for {@link #createOrAdopt}. */
    public static String uniqueName(String name, int maxLength) {
        return CreateOrAdopt.uniqueName(name, maxLength);
    }

    /**
     * Asks {@code ask} on the poll threads with backoff (these poll settings) until it answers a
     * value; faults are retried, other errors fail the future with a message naming
     * {@code operation} and {@code subject}; after {@code timeout} (null: never) it fails with a
     * {@link WatchTimeoutException}. Cancelling the future stops the asking.
     */
    public <T> CompletableFuture<T> pollUntil(String operation, String subject, Supplier<Optional<T>> ask,
                                              PollSettings pollSettings, Duration timeout) {
        return new Probe<>(operation, subject, ask, pollSettings, timeout, lanes).start();
    }

    /**
     * One call on the poll threads, retried with backoff on throttling and faults (a
     * {@link #pollUntil} that answers at once); {@code call} must not answer null.
     */
    public <T> CompletableFuture<T> call(String operation, String subject, Supplier<T> call) {
        return pollUntil(operation, subject, () -> Optional.of(call.get()), settings, null);
    }

    /** Every job of a run, all pages, fetched on the scheduler. */
    public CompletableFuture<List<Outcome>> listJobs(DeviceFarmClient client, DeviceFarmArn run) {
        CompletableFuture<List<Outcome>> jobs = new CompletableFuture<>();
        lanes.poll(java.time.Duration.ZERO, () -> {
            try {
                jobs.complete(DeviceFarmCalls.listJobs(client, run));
            } catch (RuntimeException e) {
                jobs.completeExceptionally(e);
            }
        });
        return jobs;
    }

    /**
     * Runs one short call on a poll thread after {@code delay}: for callers that chain calls (pages,
     * retries) as scheduled tasks instead of holding a thread while they wait.
     */
    public <T> CompletableFuture<T> call(java.time.Duration delay, java.util.function.Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            lanes.poll(delay, () -> {
                try {
                    result.complete(call.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("The Device Farm watcher was shut down", e));
        }
        return result;
    }

    /** Threads the engine owns (poll threads plus the stop threads), whatever the number of watches. */
    public int threadCount() {
        return lanes.threadCount();
    }

    /** Tasks waiting for their time: roughly one per live watch. */
    public int pendingTasks() {
        return lanes.pendingTasks();
    }

    @Override
    public void close() {
        lanes.shutdown();
    }

}
