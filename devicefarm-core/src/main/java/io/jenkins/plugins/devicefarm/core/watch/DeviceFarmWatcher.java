package io.jenkins.plugins.devicefarm.core.watch;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.session.PreparedSession;
import io.jenkins.plugins.devicefarm.core.session.SessionNames;
import io.jenkins.plugins.devicefarm.core.session.SessionRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/**
 * The engine: one small scheduler (a fixed handful of threads, never one per watch) that
 * follows any number of runs, jobs and sessions, stops them on request and creates sessions.
 * Threads only make calls; every wait between calls is a scheduled task, not a sleeping thread.
 */
public final class DeviceFarmWatcher implements AutoCloseable {
    /** Poll threads; a few more make stops and creates. */
    public static final int DEFAULT_THREADS = 2;
    /** ListRemoteAccessSessions attempts when looking for a session after a restart. */
    private static final int FIND_ATTEMPTS = 20;

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
        return new SessionPreparer(client, request, SessionNames.unique(request.name()), settings, lanes).start();
    }

    /** As {@link #prepareSession(DeviceFarmClient, SessionRequest)} with a unique name made (and recorded) beforehand. */
    public CompletableFuture<PreparedSession> prepareSession(DeviceFarmClient client, SessionRequest request, String uniqueName) {
        return new SessionPreparer(client, request, uniqueName, settings, lanes).start();
    }

    /**
     * Creates a prepared session and completes with it as first seen (usually PENDING). A create
     * whose answer is lost is never repeated blindly: the session is looked for by its unique name
     * and adopted. Record the ARN, then {@link #watch} it until RUNNING.
     */
    public CompletableFuture<Outcome> createSession(DeviceFarmClient client, PreparedSession prepared) {
        return new SessionCreator(client, prepared, settings, lanes).start();
    }

    /** Prepares, then creates: for callers with nothing to record in between. */
    public CompletableFuture<Outcome> createSession(DeviceFarmClient client, SessionRequest request) {
        return prepareSession(client, request).thenCompose(p -> createSession(client, p));
    }

    /**
     * The newest session of the project with this unique name, or empty when Device Farm has none:
     * after Jenkins stopped while a create was under way, this tells whether it made the session.
     * Throttling and server errors are tried again later (for a few minutes at most).
     */
    public CompletableFuture<Optional<Outcome>> findSession(DeviceFarmClient client, DeviceFarmArn project, String uniqueName) {
        CompletableFuture<Optional<Outcome>> found = new CompletableFuture<>();
        Backoff backoff = new Backoff(settings);
        findSession(client, project, uniqueName, found, backoff, 1, java.time.Duration.ZERO);
        return found;
    }

    private void findSession(DeviceFarmClient client, DeviceFarmArn project, String uniqueName,
                             CompletableFuture<Optional<Outcome>> found, Backoff backoff, int attempt, java.time.Duration delay) {
        try {
            lanes.poll(delay, () -> {
                try {
                    List<RemoteAccessSession> ours = SessionCreator.named(SessionCreator.listSessions(client, project), uniqueName);
                    found.complete(ours.isEmpty() ? Optional.empty() : Optional.of(OutcomeMapper.of(ours.get(ours.size() - 1))));
                } catch (RuntimeException e) {
                    if (DeviceFarmErrors.isRetryable(e) && attempt < FIND_ATTEMPTS) {
                        findSession(client, project, uniqueName, found, backoff, attempt + 1, backoff.nextAfterThrottle());
                    } else {
                        found.completeExceptionally(new DeviceFarmCallException(DeviceFarmErrors.describe(
                                "ListRemoteAccessSessions", "project " + project, e), DeviceFarmErrors.code(e), e));
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            found.completeExceptionally(new IllegalStateException("The Device Farm watcher was shut down", e));
        }
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
