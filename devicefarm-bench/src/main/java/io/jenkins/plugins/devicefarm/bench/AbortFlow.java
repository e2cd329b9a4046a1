package io.jenkins.plugins.devicefarm.bench;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.client.ClientLease;
import io.jenkins.plugins.devicefarm.core.lifecycle.DeviceFarmLifecycle;
import io.jenkins.plugins.devicefarm.core.lifecycle.Followed;
import io.jenkins.plugins.devicefarm.core.lifecycle.Ledger;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.schedule.RunRequest;
import io.jenkins.plugins.devicefarm.core.schedule.RunScheduler;
import io.jenkins.plugins.devicefarm.core.upload.PendingUpload;
import io.jenkins.plugins.devicefarm.core.upload.PresignedPut;
import io.jenkins.plugins.devicefarm.core.upload.Uploader;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmWatcher;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import io.jenkins.plugins.devicefarm.core.watch.WatchOptions;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/**
 * One {@code deviceFarmRun} on the core's APIs, in the order and with the abort handling of the
 * plugin's RunFlow (which needs Jenkins to run): the app and the test package each created
 * ({@link Uploader}), sent ({@link PresignedPut#send}) and awaited while Device Farm processes
 * them; the run scheduled under a unique name ({@link RunScheduler}) and followed through the
 * {@link DeviceFarmLifecycle}. {@link #abort} cancels the transfer or processing wait under way,
 * stops a run being scheduled as soon as Device Farm answers, or stops the followed run; the
 * uploads this flow created are deleted at the end.
 */
final class AbortFlow {
    /** The phases an abort can land in, as RunFlow names them. */
    enum Phase { STARTING, UPLOADING, PROCESSING, SCHEDULING, RUNNING, DONE }

    /** What the flow needs from the benchmark's world. */
    record Setup(ClientLease lease, DeviceFarmWatcher engine, DeviceFarmLifecycle lifecycle, PollSettings polls,
                 DeviceFarmArn project, DeviceFarmArn pool, Ledger ledger) {}

    /** One file to upload: its name, type and a fresh stream of its bytes (slowed in the upload phase). */
    record Input(String fileName, UploadType type, long length, Supplier<InputStream> bytes) {}

    private final Setup setup;
    private final Consumer<Phase> phases;
    /** The uploads this flow created, and the run it scheduled: the ARNs its stops and deletes are about. */
    final List<String> created = new CopyOnWriteArrayList<>();
    volatile String runArn;
    private volatile Phase phase = Phase.STARTING;
    private volatile String abortReason;
    private volatile CompletableFuture<?> cancellable;
    private volatile Followed followed;

    /** {@code phases} hears each phase as the flow enters it. */
    AbortFlow(Setup setup, Consumer<Phase> phases) {
        this.setup = setup;
        this.phases = phases;
    }

    Phase phase() {
        return phase;
    }

    /** Uploads, schedules and follows; completes (normally or not) once the uploads it created are deleted. */
    CompletableFuture<Outcome> run(Input app, Input testPackage, String runName) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        upload(app).thenCompose(appArn -> upload(testPackage).thenCompose(testArn -> schedule(appArn, testArn, runName)))
                .thenCompose(this::afterScheduling)
                .whenComplete((o, e) -> deleteUploads().whenComplete((x, y) -> {
                    enter(Phase.DONE);
                    if (e != null) {
                        result.completeExceptionally(DeviceFarmLifecycle.unwrap(e));
                    } else {
                        result.complete(o);
                    }
                }));
        return result;
    }

    /** As RunFlow.abort: cancel the transfer or wait under way, stop the followed run. */
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

    private CompletableFuture<String> upload(Input input) {
        checkAbort();
        Uploader uploader = uploader();
        return uploader.create(setup.project(), input.fileName(), input.type()).thenCompose(pending -> {
            created.add(pending.arn().toString());
            checkAbort();
            enter(Phase.UPLOADING);
            return cancellable(PresignedPut.withDefaults().send(pending.url(), input.bytes(), input.length(), PendingUpload.CONTENT_TYPE))
                    .thenCompose(sent -> {
                        checkAbort();
                        enter(Phase.PROCESSING);
                        return cancellable(uploader.awaitProcessed(pending.arn(), null));
                    })
                    .thenApply(u -> u.arn());
        });
    }

    private CompletableFuture<String> schedule(String appArn, String testArn, String runName) {
        checkAbort();
        enter(Phase.SCHEDULING);
        RunRequest request = new RunRequest(setup.project().toString(), "APPIUM_JAVA_TESTNG").name(runName)
                .app(appArn).testPackage(testArn).devicePool(setup.pool().toString());
        return new RunScheduler(setup.lease().client(), setup.engine())
                .schedule(request, setup.pool(), RunScheduler.uniqueName(runName))
                .thenApply(run -> {
                    runArn = run.arn();
                    setup.ledger().track(run());
                    return run.arn();
                });
    }

    private CompletableFuture<Outcome> afterScheduling(String arn) {
        String reason = abortReason;
        if (reason != null) { // aborted while ScheduleRun was under way: stop what it made
            return setup.lifecycle().stop(setup.lease().retain(), run(), reason, setup.ledger())
                    .handle((o, e) -> {
                        throw new CancellationException("aborted: " + reason);
                    });
        }
        enter(Phase.RUNNING);
        Followed f = setup.lifecycle().follow(setup.lease().retain(), run(), WatchOptions.untilCompleted(), setup.polls(),
                setup.ledger());
        followed = f;
        if (abortReason != null) {
            f.stop(abortReason); // aborted meanwhile; a second stop request is harmless
        }
        return f.outcome();
    }

    private CompletableFuture<Void> deleteUploads() {
        Uploader uploader = uploader();
        List<CompletableFuture<Void>> deletes = new ArrayList<>();
        for (String arn : created) {
            deletes.add(uploader.delete(DeviceFarmArn.parse("arn", arn, ArnKind.UPLOAD)));
        }
        return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
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

    private void enter(Phase p) {
        phase = p;
        phases.accept(p);
    }

    private Uploader uploader() {
        return new Uploader(setup.lease().client(), setup.engine());
    }

    private DeviceFarmArn run() {
        return DeviceFarmArn.parse("arn", runArn, ArnKind.RUN);
    }
}
