package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.ListRunsResponse;
import software.amazon.awssdk.services.devicefarm.model.Run;

class PaginationTest extends SimulatorFixture {

    @Override
    int pageSize() {
        return 2;
    }

    @Test
    void listRunsFollowsNextTokenAcrossPages() {
        List<String> scheduled = IntStream.range(0, 5).mapToObj(i -> schedule("run " + i).arn()).toList();

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListRunsResponse page = client.listRuns(r -> r.arn(project).nextToken(current));
            page.runs().forEach(run -> seen.add(run.arn()));
            pageSizes.add(page.runs().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(scheduled);
        assertThat(client.listRunsPaginator(r -> r.arn(project)).runs()).extracting(Run::arn)
                .containsExactlyElementsOf(scheduled);
        assertThat(client.listRuns(r -> r.arn(simulator.projectArns().get(1))).runs()).isEmpty();
    }

    @Test
    void listJobsPaginatesAJobPerDevice() {
        DeviceFarmSimulator onePerPage = DeviceFarmSimulator.builder().clock(clock).pageSize(1).build();
        try (var pagedClient = client(onePerPage, software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())) {
            Run run = pagedClient.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool).name("p")
                    .test(t -> t.type("INSTRUMENTATION"))).run();
            var first = pagedClient.listJobs(r -> r.arn(run.arn()));
            assertThat(first.jobs()).hasSize(1);
            assertThat(first.nextToken()).isNotNull();
            var second = pagedClient.listJobs(r -> r.arn(run.arn()).nextToken(first.nextToken()));
            assertThat(second.jobs()).hasSize(1);
            assertThat(second.nextToken()).isNull();
            assertThat(second.jobs().get(0).arn()).isNotEqualTo(first.jobs().get(0).arn());
            assertThat(pagedClient.listJobsPaginator(r -> r.arn(run.arn())).jobs()).extracting(Job::arn)
                    .containsExactly(first.jobs().get(0).arn(), second.jobs().get(0).arn());
            assertThat(onePerPage.journal().count("ListJobs", run.arn())).isEqualTo(4);
        } finally {
            onePerPage.close();
        }
    }

    @Test
    void aTokenFromAnotherListOrGarbageIsAnArgumentError() {
        IntStream.range(0, 3).forEach(i -> schedule("run " + i));
        String runsToken = client.listRuns(r -> r.arn(project)).nextToken();
        String runArn = client.listRuns(r -> r.arn(project)).runs().get(0).arn();
        assertThatThrownBy(() -> client.listJobs(r -> r.arn(runArn).nextToken(runsToken)))
                .isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> client.listRuns(r -> r.arn(project).nextToken("%%not-a-token")))
                .isInstanceOf(ArgumentException.class);
    }
}
