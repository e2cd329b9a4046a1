package io.jenkins.plugins.devicefarm;

import hudson.model.Computer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Calls that wait on an agent ({@code FilePath.act}: a file streamed to Device Farm, artifacts
 * downloaded) run on Jenkins' remoting pool, never on the engine's scheduler nor the CPS VM thread.
 * Cancelling the future interrupts the call, which ends the work on the agent.
 */
@Restricted(NoExternalUse.class)
public final class RemotingCalls {
    /** Work that may throw, as {@code FilePath.act} does. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private RemotingCalls() {}

    public static <T> CompletableFuture<T> onRemotingThread(Call<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Future<?> task = Computer.threadPoolForRemoting.submit(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        f.whenComplete((v, e) -> {
            if (f.isCancelled()) {
                task.cancel(true);
            }
        });
        return f;
    }
}
