package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import io.jenkins.plugins.devicefarm.core.watch.OutcomeMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.Suite;

/**
 * Reads a run's result tree (GetRun, ListJobs → ListSuites → ListTests, every page) into plain
 * {@link RunResults}. Each page is a task on the engine's scheduler; jobs and suites are read side by
 * side, so the whole tree takes about as long as its deepest chain of pages.
 */
public final class ResultTreeFetcher {
    private final ResultLists lists;

    public ResultTreeFetcher(DeviceFarmClient client, ScheduledPages pages) {
        this.lists = new ResultLists(client, pages);
    }

    public CompletableFuture<RunResults> fetch(DeviceFarmArn run) {
        if (run.kind() != ArnKind.RUN) {
            throw new io.jenkins.plugins.devicefarm.core.InvalidInputException("arn",
                    "is the ARN of " + run.kind().withArticle() + ", not a run", "Enter the ARN of a run");
        }
        String arn = run.toString();
        CompletableFuture<Run> getRun = lists.run(arn);
        CompletableFuture<List<JobResults>> jobs = lists.jobs(arn)
                .thenCompose(list -> ResultLists.all(list.stream().map(this::job).toList()));
        return getRun.thenCombine(jobs, (r, j) -> new RunResults(OutcomeMapper.of(r), j));
    }

    private CompletableFuture<JobResults> job(Job job) {
        Outcome outcome = OutcomeMapper.of(job);
        String os = job.device() == null ? null : job.device().os();
        return lists.suites(job.arn())
                .thenCompose(suites -> ResultLists.all(suites.stream().map(this::suite).toList()))
                .thenApply(suites -> JobResults.fromDeviceFarm(outcome, os, suites));
    }

    private CompletableFuture<SuiteResult> suite(Suite suite) {
        return lists.tests(suite.arn()).thenApply(tests -> new SuiteResult(suite.name(), suite.resultAsString(), suite.message(),
                duration(suite.started(), suite.stopped()), counters(suite.counters()),
                tests.stream().map(t -> new TestCaseResult(t.name(), t.resultAsString(), t.message(),
                        duration(t.started(), t.stopped()))).toList()));
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
