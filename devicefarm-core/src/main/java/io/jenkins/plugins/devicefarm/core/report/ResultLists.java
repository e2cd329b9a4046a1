package io.jenkins.plugins.devicefarm.core.report;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.Artifact;
import software.amazon.awssdk.services.devicefarm.model.ArtifactCategory;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.Suite;
import software.amazon.awssdk.services.devicefarm.model.Test;

/** The result-tree calls, every page, each page a task on the engine's scheduler ({@link ScheduledPages}). */
public final class ResultLists {
    private final DeviceFarmClient client;
    private final ScheduledPages pages;

    public ResultLists(DeviceFarmClient client, ScheduledPages pages) {
        this.client = client;
        this.pages = pages;
    }

    public CompletableFuture<Run> run(String runArn) {
        return pages.one("GetRun", runArn,
                () -> client.getRun(r -> r.arn(runArn).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT)).run());
    }

    public CompletableFuture<List<Job>> jobs(String runArn) {
        return pages.all("ListJobs", runArn, token -> {
            var page = client.listJobs(r -> r.arn(runArn).nextToken(token).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT));
            return new ScheduledPages.Page<>(page.jobs(), page.nextToken());
        });
    }

    public CompletableFuture<List<Suite>> suites(String jobArn) {
        return pages.all("ListSuites", jobArn, token -> {
            var page = client.listSuites(r -> r.arn(jobArn).nextToken(token).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT));
            return new ScheduledPages.Page<>(page.suites(), page.nextToken());
        });
    }

    public CompletableFuture<List<Test>> tests(String suiteArn) {
        return pages.all("ListTests", suiteArn, token -> {
            var page = client.listTests(r -> r.arn(suiteArn).nextToken(token).overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT));
            return new ScheduledPages.Page<>(page.tests(), page.nextToken());
        });
    }

    public CompletableFuture<List<Artifact>> artifacts(String arn, ArtifactCategory category) {
        return pages.all("ListArtifacts", arn, token -> {
            var page = client.listArtifacts(r -> r.arn(arn).type(category).nextToken(token)
                    .overrideConfiguration(ScheduledPages.SINGLE_ATTEMPT));
            return new ScheduledPages.Page<>(page.artifacts(), page.nextToken());
        });
    }

    /** All futures' values in order, once every one has completed. */
    public static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }
}
