package io.jenkins.plugins.devicefarm.safety;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.DeviceFarmClients;
import io.jenkins.plugins.devicefarm.DeviceFarmEngine;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * Stops a run, job or session a build owns and records what became of it on the build's
 * {@link DeviceFarmBuildAction}, without blocking the caller. One stop per ARN at a time: the
 * freestyle steps, the disposer and the safety net may all ask, Device Farm is asked once.
 */
public final class ResourceStopper {
    private static final Logger LOGGER = Logger.getLogger(ResourceStopper.class.getName());
    private static final Map<String, CompletableFuture<Outcome>> IN_FLIGHT = new ConcurrentHashMap<>();

    private ResourceStopper() {}

    /**
     * Asks the engine to stop {@code arn} (unless a stop of it is already under way) and records
     * the final outcome, or the failure, on the build when Device Farm has answered.
     */
    @NonNull
    public static CompletableFuture<Outcome> stop(@NonNull Run<?, ?> run, @NonNull String arn, @CheckForNull String credentialsId,
                                                  @CheckForNull String region, @NonNull String reason) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> existing = IN_FLIGHT.putIfAbsent(arn, mine);
        if (existing != null) {
            return existing;
        }
        mine.whenComplete((o, e) -> IN_FLIGHT.remove(arn, mine));
        DeviceFarmClient client;
        CompletableFuture<Outcome> stopping;
        try {
            if (DeviceFarmEngine.isClosing()) {
                // Do not start a new engine while Jenkins shuts down; the restart sweep stops it.
                throw new IllegalStateException("Jenkins was shutting down before " + arn + " could be stopped;"
                        + " it is stopped when Jenkins starts again");
            }
            DeviceFarmArn parsed = DeviceFarmArn.parse("arn", arn, ArnKind.RUN, ArnKind.JOB, ArnKind.SESSION);
            client = DeviceFarmClients.forRun(run, credentialsId, region);
            try {
                stopping = DeviceFarmEngine.get().stop(client, parsed, reason);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        } catch (RuntimeException e) {
            recordFailure(run, arn, e);
            mine.completeExceptionally(e);
            return mine;
        }
        stopping.whenComplete((outcome, error) -> {
            client.close();
            if (error != null) {
                recordFailure(run, arn, unwrap(error));
                mine.completeExceptionally(unwrap(error));
            } else {
                DeviceFarmBuildAction.of(run).record(outcome);
                mine.complete(outcome);
            }
        });
        return mine;
    }

    /**
     * Registers a stop begun elsewhere (e.g. {@code Watch.cancel}) so the safety net does not ask
     * again, and records its outcome on the build when it ends.
     */
    @NonNull
    public static CompletableFuture<Outcome> adopt(@NonNull Run<?, ?> run, @NonNull String arn, @NonNull CompletableFuture<Outcome> stopping) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> existing = IN_FLIGHT.putIfAbsent(arn, mine);
        mine.whenComplete((o, e) -> IN_FLIGHT.remove(arn, mine));
        stopping.whenComplete((outcome, error) -> {
            if (error != null) {
                recordFailure(run, arn, unwrap(error));
                mine.completeExceptionally(unwrap(error));
            } else {
                DeviceFarmBuildAction.of(run).record(outcome);
                mine.complete(outcome);
            }
        });
        return existing != null ? existing : mine;
    }

    /** True while a stop of this ARN is under way. */
    public static boolean isStopping(@NonNull String arn) {
        return IN_FLIGHT.containsKey(arn);
    }

    /** The cause of a failed future, without the wrappers the JDK adds. */
    @NonNull
    public static Throwable unwrap(@NonNull Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static void recordFailure(Run<?, ?> run, String arn, Throwable error) {
        // The core's messages name the ARN and the console page, and never carry credentials or endpoints.
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        LOGGER.log(Level.WARNING, "Could not stop {0} of {1}: {2}", new Object[] {arn, run, message});
        DeviceFarmBuildAction.of(run).recordStopFailure(arn, message);
    }
}
