package io.jenkins.plugins.devicefarm.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.simulator.Faults;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's promises under each fault, through the real SDK client: two runs watched to the
 * end, one cancelled while queued, one cancelled while running. Whatever the fault, every watch
 * ends with the right outcome, each cancelled run is stopped exactly once, and the engine never
 * polls faster than its minimum interval (no retry storm). Summarised in docs/reliability.md.
 */
class FaultMatrixTest {
    /** Stops are retried for 15 s here: a stop whose every attempt times out needs a few. */
    private final SimulatorFixture f = new SimulatorFixture(
            SimulatorFixture.fastPolls().withStopLimits(Duration.ofSeconds(15), Duration.ofSeconds(15)));

    @AfterEach
    void close() {
        f.close();
    }

    /** A fault that lasts the whole test, or only for a while (then cleared). */
    record Fault(String name, Consumer<Faults> apply, boolean forAWhile, boolean restartServer) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                new Fault("throttling 10%", x -> x.throttle(Faults.ALL, 0.1), false, false),
                new Fault("throttling 50%", x -> x.throttle(Faults.ALL, 0.5), false, false),
                new Fault("throttling 100% for a while", x -> x.throttle(Faults.ALL, 1.0), true, false),
                new Fault("server errors 5%", x -> x.serverErrors(Faults.ALL, 0.05), false, false),
                new Fault("server errors 30%", x -> x.serverErrors(Faults.ALL, 0.3), false, false),
                new Fault("latency 1.5 s (read timeout 2 s)", x -> x.latency(Faults.ALL, Duration.ofMillis(1500)), false, false),
                new Fault("latency past the read timeout, for a while", x -> x.latency(Faults.ALL, Duration.ofMillis(2500)), true, false),
                new Fault("dropped connections 30%", x -> x.dropConnections(Faults.ALL, 0.3), false, false),
                new Fault("lost responses 30%", x -> x.loseResponses(Faults.ALL, 0.3), false, false),
                new Fault("simulator restarts mid-watch", x -> { }, false, true)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyWatchEndsRightAndEveryCancelledRunIsStopped(Fault fault) throws Exception {
        DeviceFarmArn pass = f.scheduleRun("nightly");
        DeviceFarmArn fail = f.scheduleRun("will-fail");
        DeviceFarmArn queued = f.scheduleRun("cancel-queued");
        DeviceFarmArn running = f.scheduleRun("cancel-running");
        f.sim.faults().seed(11);
        fault.apply().accept(f.sim.faults());
        long start = System.nanoTime();

        List<Watch> watches = Stream.of(pass, fail, queued, running)
                .map(arn -> f.watcher.watch(f.client, arn, WatchOptions.untilCompleted())).toList();
        watches.get(2).cancel("build aborted");
        if (fault.forAWhile()) {
            Thread.sleep(1500);
            f.sim.faults().clear();
        }
        Await.until("the queued run's stop is accepted", () -> accepted("StopRun", queued) >= 1);
        f.advance(Duration.ofSeconds(200)); // the other runs are now running tests
        if (fault.restartServer()) {
            f.sim.stopServer();
            Thread.sleep(300); // polls meet a refused connection meanwhile
            f.sim.startServer();
        }
        watches.get(3).cancel("build aborted");
        Await.until("the running run's stop is accepted", () -> accepted("StopRun", running) >= 1);
        f.advance(Duration.ofHours(1));

        Outcome p = Await.result(watches.get(0).outcome());
        Outcome x = Await.result(watches.get(1).outcome());
        Outcome q = Await.result(watches.get(2).outcome());
        Outcome r = Await.result(watches.get(3).outcome());
        assertThat(p.getResult()).isEqualTo("PASSED");
        assertThat(x.getResult()).isEqualTo("FAILED");
        assertThat(x.getCounters().getFailed()).isEqualTo(4);
        assertThat(q.getResult()).isEqualTo("STOPPED");
        assertThat(q.isStoppedByUs()).isTrue();
        assertThat(q.getDeviceMinutes().getTotal()).isZero();
        assertThat(r.getResult()).isEqualTo("STOPPED");
        assertThat(r.isStoppedByUs()).isTrue();
        assertThat(r.getDeviceMinutes().getMetered()).isPositive();
        assertThat(accepted("StopRun", pass) + accepted("StopRun", fail)).isZero();

        // No storm: per watch, never more than one call per minimum interval (less its jitter).
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = f.sim.journal().entries().stream().filter(e -> e.operation().startsWith("GetRun")
                || e.operation().startsWith("StopRun")).count();
        double ceiling = 4 * seconds * 1000 / (SimulatorFixture.fastPolls().minInterval().toMillis() * 0.8) + 20;
        assertThat((double) calls).as("calls in %.1f s", seconds).isLessThan(ceiling);
    }

    @org.junit.jupiter.api.Test
    void noWatchOutlivesItsDeadlineWhenDeviceFarmHangs() {
        DeviceFarmArn run = f.scheduleRun("nightly");
        f.sim.faults().latency(Faults.ALL, Duration.ofSeconds(5)); // every call outlives the 2 s read timeout
        long start = System.nanoTime();
        Watch w = f.watcher.watch(f.client, run, WatchOptions.untilCompleted().timeout(Duration.ofMillis(500), false));
        Throwable t = Await.failure(w.outcome());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(t).isInstanceOf(WatchTimeoutException.class);
        // The deadline is checked when the call in flight gives up: at most one read timeout late.
        assertThat(seconds).isLessThan(0.5 + 2.0 + 1.0);
    }

    private long accepted(String operation, DeviceFarmArn arn) {
        return f.sim.journal().entries(operation).stream()
                .filter(e -> arn.toString().equals(e.arn()))
                .filter(e -> e.succeeded() || "ResponseLost".equals(e.errorCode()))
                .count();
    }
}
