package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.watch.OutcomeMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.Suite;
import software.amazon.awssdk.services.devicefarm.model.Test;

/**
 * Reads a run's result tree (GetRun, ListJobs → ListSuites → ListTests, every page) into plain
 * {@link RunResults}. Each page is a task on the engine's scheduler; jobs and suites are read side by
 * side, so the whole tree takes about as long as its deepest chain of pages.
 */
public final class ResultTreeFetcher {
    private final DeviceFarmClient client;
    private final ScheduledPages pages;

    public ResultTreeFetcher(DeviceFarmClient client, ScheduledPages pages) {
        this.client = client;
        this.pages = pages;
    }

    public CompletableFuture<RunResults> fetch(DeviceFarmArn run) {
        if (run.kind() != ArnKind.RUN) {
            throw new io.jenkins.plugins.devicefarm.core.InvalidInputException("arn",
                    "is the ARN of " + run.kind().withArticle() + ", not a run", "Enter the ARN of a run");
        }
        String arn = run.toString();
        CompletableFuture<Run> getRun = pages.one("GetRun", arn,
                () -> client.getRun(r -> r.arn(arn).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT)).run());
        CompletableFuture<List<JobResults>> jobs = pages.<Job>all("ListJobs", arn, token -> {
            var page = client.listJobs(r -> r.arn(arn).nextToken(token).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT));
            return new ScheduledPages.Page<>(page.jobs(), page.nextToken());
        }).thenCompose(list -> all(list.stream().map(this::job).toList()));
        return getRun.thenCombine(jobs, (r, j) -> new RunResults(OutcomeMapper.of(r), j));
    }

    private CompletableFuture<JobResults> job(Job job) {
        Outcome outcome = OutcomeMapper.of(job);
        String os = job.device() == null ? null : job.device().os();
        return pages.<Suite>all("ListSuites", job.arn(), token -> {
            var page = client.listSuites(r -> r.arn(job.arn()).nextToken(token).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT));
            return new ScheduledPages.Page<>(page.suites(), page.nextToken());
        }).thenCompose(suites -> all(suites.stream().map(this::suite).toList()))
                .thenApply(suites -> JobResults.fromDeviceFarm(outcome, os, suites));
    }

    private CompletableFuture<SuiteResult> suite(Suite suite) {
        return pages.<Test>all("ListTests", suite.arn(), token -> {
            var page = client.listTests(r -> r.arn(suite.arn()).nextToken(token).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT));
            return new ScheduledPages.Page<>(page.tests(), page.nextToken());
        }).thenApply(tests -> new SuiteResult(suite.name(), suite.resultAsString(), suite.message(),
                duration(suite.started(), suite.stopped()), counters(suite.counters()),
                tests.stream().map(t -> new TestCaseResult(t.name(), t.resultAsString(), t.message(),
                        duration(t.started(), t.stopped()))).toList()));
    }

    private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> {
                    List<T> list = new ArrayList<>();
                    futures.forEach(f -> list.add(f.join()));
                    return list;
                });
    }

    static Duration duration(Instant started, Instant stopped) {
        return started == null || stopped == null || stopped.isBefore(started) ? Duration.ZERO : Duration.between(started, stopped);
    }

    private static Counters counters(software.amazon.awssdk.services.devicefarm.model.Counters c) {
        if (c == null) {
            return Counters.ZERO;
        }
        return new Counters(i(c.total()), i(c.passed()), i(c.failed()), i(c.warned()), i(c.errored()), i(c.stopped()), i(c.skipped()));
    }

    private static int i(Integer v) {
        return v == null ? 0 : v;
    }
}
