package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.GetSuiteResponse;
import software.amazon.awssdk.services.devicefarm.model.GetTestResponse;
import software.amazon.awssdk.services.devicefarm.model.ListArtifactsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListSuitesResponse;
import software.amazon.awssdk.services.devicefarm.model.ListTestsResponse;
import software.amazon.awssdk.services.devicefarm.model.ListUniqueProblemsResponse;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.Counters;
import software.amazon.awssdk.services.devicefarm.model.ExecutionResult;
import software.amazon.awssdk.services.devicefarm.model.ExecutionStatus;
import software.amazon.awssdk.services.devicefarm.model.Job;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.Suite;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.UploadType;
import software.amazon.awssdk.services.devicefarm.model.UniqueProblem;

/**
 * Suites, tests and unique problems, through the SDK. The demo "fail" script: queue 20 s, setup 60 s,
 * tests 300 s (8 pass, 2 fail per device), teardown 30 s; two devices in the Android pool.
 */
class ResultTreeTest extends SimulatorFixture {

    @Override
    int pageSize() {
        return 3; // suites and tests cross page boundaries
    }

    @Test
    void standardModeTestsAddUpToTheJobCountersWhileTheyGrow() {
        Run run = schedule("nightly-fail");
        for (long step : new long[] {10, 70, 75, 150, 105}) { // queued, setup, a quarter of the tests, most, completed
            advance(step);
            for (Job job : jobs(run)) {
                List<Suite> suites = client.listSuitesPaginator(r -> r.arn(job.arn())).suites().stream().toList();
                List<software.amazon.awssdk.services.devicefarm.model.Test> tests = new ArrayList<>();
                for (Suite suite : suites) {
                    List<software.amazon.awssdk.services.devicefarm.model.Test> ofSuite =
                            client.listTestsPaginator(r -> r.arn(suite.arn())).tests().stream().toList();
                    assertThat(suite.counters()).isEqualTo(sum(ofSuite));
                    tests.addAll(ofSuite);
                }
                assertThat(tests).hasSize(job.started() == null ? 0 : 10); // suites come with the device
                assertThat(sum(tests)).as("tests at %s", clock.now()).isEqualTo(job.counters());
                long running = tests.stream().filter(t -> t.status() == ExecutionStatus.RUNNING).count();
                assertThat(running).isEqualTo(job.status() == ExecutionStatus.RUNNING && job.counters().passed() + job.counters().failed() < 10 ? 1 : 0);
            }
        }
        Job done = jobs(run).get(0);
        assertThat(done.status()).isEqualTo(ExecutionStatus.COMPLETED);
        List<Suite> suites = client.listSuitesPaginator(r -> r.arn(done.arn())).suites().stream().toList();
        assertThat(suites).extracting(Suite::name).containsExactly("com.example.app.LoginTest", "com.example.app.CheckoutTest");
        assertThat(suites).extracting(Suite::result).containsOnly(ExecutionResult.FAILED);
        software.amazon.awssdk.services.devicefarm.model.Test failed = client.listTestsPaginator(r -> r.arn(suites.get(0).arn()))
                .tests().stream().filter(t -> t.result() == ExecutionResult.FAILED).findFirst().orElseThrow();
        assertThat(failed.message()).startsWith("expected:<200> but was:<500> in ");
        assertThat(failed.started()).isBefore(failed.stopped());
        assertThat(failed.deviceMinutes().total()).isPositive();
        assertThat(client.getTest(r -> r.arn(failed.arn())).test()).isEqualTo(failed);
        assertThat(client.getSuite(r -> r.arn(suites.get(0).arn())).suite()).isEqualTo(suites.get(0));
    }

    @Test
    void testsNotRunWhenTheJobWasStoppedAreStopped() {
        Run run = schedule("nightly-fail");
        advance(80 + 150); // half the tests done
        client.stopRun(r -> r.arn(run.arn()));
        advance(60);
        for (Job job : jobs(run)) {
            assertThat(job.result()).isEqualTo(ExecutionResult.STOPPED);
            List<software.amazon.awssdk.services.devicefarm.model.Test> tests = allTests(job);
            assertThat(sum(tests)).isEqualTo(job.counters());
            assertThat(job.counters().stopped()).isEqualTo(5);
            assertThat(tests).allMatch(t -> t.status() == ExecutionStatus.COMPLETED);
        }
    }

    @Test
    void customModeHasOnlyTheWrapperSuites() {
        Run run = scheduleCustom("nightly-fail");
        advance(20 + 30);
        Job preparing = jobs(run).get(0);
        List<Suite> during = client.listSuitesPaginator(r -> r.arn(preparing.arn())).suites().stream().toList();
        assertThat(during).extracting(Suite::status)
                .containsExactly(ExecutionStatus.RUNNING, ExecutionStatus.PENDING, ExecutionStatus.PENDING);
        advance(400);
        Job job = jobs(run).get(0);
        List<Suite> suites = client.listSuitesPaginator(r -> r.arn(job.arn())).suites().stream().toList();
        assertThat(suites).extracting(Suite::name).containsExactly("Setup Suite", "Tests Suite", "Teardown Suite");
        assertThat(suites).extracting(Suite::result)
                .containsExactly(ExecutionResult.PASSED, ExecutionResult.FAILED, ExecutionResult.PASSED);
        assertThat(suites).allMatch(s -> s.counters().total() == 1);
        assertThat(allTests(job)).extracting(t -> t.name()).containsExactly("Setup Test", "Tests Test", "Teardown Test");
        assertThat(suites.get(1).message()).isEqualTo("2 tests failed");
    }

    @Test
    void uniqueProblemsGroupTheSameFailureAcrossDevices() {
        Run run = schedule("nightly-fail");
        advance(500);
        Map<ExecutionResult, List<UniqueProblem>> problems = client.listUniqueProblems(r -> r.arn(run.arn())).uniqueProblems();
        assertThat(problems).containsOnlyKeys(ExecutionResult.FAILED);
        List<UniqueProblem> failed = problems.get(ExecutionResult.FAILED);
        assertThat(failed).hasSize(2); // two failing tests, each failing on both devices with one message
        for (UniqueProblem p : failed) {
            assertThat(p.problems()).hasSize(2);
            assertThat(p.problems()).extracting(x -> x.device().name()).containsExactlyInAnyOrder("Google Pixel 8", "Samsung Galaxy S23");
            assertThat(p.problems()).allMatch(x -> x.message().equals(p.message()) && x.run().arn().equals(run.arn())
                    && x.test().name() != null && x.suite().arn() != null && x.job().arn() != null);
        }
        Run passing = schedule("smoke");
        advance(500);
        assertThat(client.listUniqueProblems(r -> r.arn(passing.arn())).uniqueProblems()).isEmpty();
    }

    @Test
    void unknownAndMalformedArnsAreRefusedAsOnDeviceFarm() {
        Run run = schedule("nightly-fail");
        advance(500);
        String suite = client.listSuites(r -> r.arn(jobs(run).get(0).arn())).suites().get(0).arn();
        assertThatThrownBy(() -> client.listTests(r -> r.arn(suite.substring(0, suite.length() - 1) + "9")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.listTests(r -> r.arn(run.arn()))).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> client.listSuites(r -> r.arn(suite))).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> client.getTest(r -> r.arn(suite.replace(":suite:", ":test:") + "/00042")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyResultResponseHasOnlyMembersOfTheCurrentModel() throws Exception {
        simulator.scenario().results().extraScreenshots(2);
        Run standard = schedule("nightly-fail");
        Run custom = scheduleCustom("nightly-error");
        advance(500);
        for (Run run : List.of(standard, custom)) {
            String job = jobs(run).get(0).arn();
            JsonNode suites = raw("ListSuites", "{\"arn\":\"" + job + "\"}");
            assertThat(ModelShape.unknownMembers(suites, ListSuitesResponse.builder())).isEmpty();
            String suite = suites.get("suites").get(0).get("arn").asText();
            JsonNode tests = raw("ListTests", "{\"arn\":\"" + suite + "\"}");
            assertThat(ModelShape.unknownMembers(tests, ListTestsResponse.builder())).isEmpty();
            assertThat(ModelShape.unknownMembers(raw("GetSuite", "{\"arn\":\"" + suite + "\"}"), GetSuiteResponse.builder())).isEmpty();
            String test = tests.get("tests").get(0).get("arn").asText();
            assertThat(ModelShape.unknownMembers(raw("GetTest", "{\"arn\":\"" + test + "\"}"), GetTestResponse.builder())).isEmpty();
            JsonNode problems = raw("ListUniqueProblems", "{\"arn\":\"" + run.arn() + "\"}");
            assertThat(problems.get("uniqueProblems").size()).isPositive();
            assertThat(ModelShape.unknownMembers(problems, ListUniqueProblemsResponse.builder())).isEmpty();
            for (String type : List.of("FILE", "LOG", "SCREENSHOT")) {
                JsonNode artifacts = raw("ListArtifacts", "{\"arn\":\"" + run.arn() + "\",\"type\":\"" + type + "\"}");
                assertThat(artifacts.get("artifacts").size()).isPositive();
                assertThat(ModelShape.unknownMembers(artifacts, ListArtifactsResponse.builder())).isEmpty();
            }
        }
    }

    private JsonNode raw(String operation, String body) throws Exception {
        var response = RawHttp.call(simulator.endpoint(), operation, body, RawHttp.FAKE_SIGV4);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RawHttp.json(response);
    }

    /** A run with a test spec: custom mode. */
    Run scheduleCustom(String name) {
        String spec = uploaded("spec.yml", UploadType.APPIUM_JAVA_TESTNG_TEST_SPEC, SampleFiles.testSpec());
        return client.scheduleRun(r -> r.projectArn(project).devicePoolArn(androidPool).name(name)
                .test(t -> t.type(TestType.APPIUM_JAVA_TESTNG).testSpecArn(spec))).run();
    }

    List<Job> jobs(Run run) {
        return client.listJobsPaginator(r -> r.arn(run.arn())).jobs().stream().toList();
    }

    List<software.amazon.awssdk.services.devicefarm.model.Test> allTests(Job job) {
        return client.listSuitesPaginator(r -> r.arn(job.arn())).suites().stream()
                .flatMap(s -> client.listTestsPaginator(r -> r.arn(s.arn())).tests().stream()).toList();
    }

    static Counters sum(List<software.amazon.awssdk.services.devicefarm.model.Test> tests) {
        int[] c = new int[7];
        for (var t : tests) {
            Counters x = t.counters();
            c[0] += x.total();
            c[1] += x.passed();
            c[2] += x.failed();
            c[3] += x.warned();
            c[4] += x.errored();
            c[5] += x.stopped();
            c[6] += x.skipped();
        }
        return Counters.builder().total(c[0]).passed(c[1]).failed(c[2]).warned(c[3]).errored(c[4]).stopped(c[5]).skipped(c[6]).build();
    }
}
