package io.jenkins.plugins.devicefarm.core.report;

import static io.jenkins.plugins.devicefarm.core.watch.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactDownloader;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactFile;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLevel;
import io.jenkins.plugins.devicefarm.core.artifact.ArtifactLister;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadListener;
import io.jenkins.plugins.devicefarm.core.artifact.DownloadSettings;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.DeviceFarmCallException;
import io.jenkins.plugins.devicefarm.simulator.Faults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.devicefarm.model.ArtifactType;

/** The result tree through the real SDK against the simulator (pages of 2), and its JUnit XML. */
class ResultTreeFetcherTest {

    @Test
    void readsEveryPageOfJobsSuitesAndTestsIntoCountersThatAddUp() throws Exception {
        try (ResultsFixture f = new ResultsFixture(2)) {
            DeviceFarmArn run = f.completedRun("nightly-fail", false);
            RunResults results = result(new ResultTreeFetcher(f.client, f.pages).fetch(run));

            assertThat(results.run().getResult()).isEqualTo("FAILED");
            assertThat(results.jobs()).hasSize(2);
            assertThat(results.needsFrameworkReports()).isFalse();
            assertThat(results.notes()).isEmpty();
            for (JobResults job : results.jobs()) {
                assertThat(job.source()).isEqualTo(JobResults.Source.DEVICE_FARM);
                assertThat(job.suites()).hasSize(2); // 10 tests, five to a suite: every suite page and test page was read
                List<TestCaseResult> tests = job.suites().stream().flatMap(s -> s.tests().stream()).toList();
                assertThat(tests).hasSize(job.job().getCounters().getTotal());
                assertThat(tests.stream().filter(t -> t.result().equals("FAILED")).count()).isEqualTo(job.job().getCounters().getFailed());
                assertThat(tests).allMatch(t -> t.duration().compareTo(Duration.ZERO) > 0);
                Counters suiteSum = job.suites().stream().map(SuiteResult::counters).reduce(Counters.ZERO, Counters::plus);
                assertThat(suiteSum).isEqualTo(job.job().getCounters());
            }
            assertThat(results.jobs()).extracting(JobResults::deviceLabel).containsExactly("Google Pixel 8 (14)", "Samsung Galaxy S23 (13)");
            // GetRun, 1 ListJobs page, per job 1 ListSuites page, per suite 3 ListTests pages (5 tests, 2 a page)
            assertThat(f.pages.calls()).isEqualTo(1 + 1 + 2 * (1 + 2 * 3));
        }
    }

    @Test
    void junitXmlHasOneSuitePerDeviceAndSuiteWithEscapedMessages() throws Exception {
        try (ResultsFixture f = new ResultsFixture(25)) {
            RunResults results = result(new ResultTreeFetcher(f.client, f.pages).fetch(f.completedRun("nightly-fail", false)));
            Document xml = parse(results);
            NodeList suites = xml.getElementsByTagName("testsuite");
            assertThat(suites.getLength()).isEqualTo(4);
            assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("Google Pixel 8 (14).com.example.app.LoginTest");
            assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(20);
            NodeList failures = xml.getElementsByTagName("failure");
            assertThat(failures.getLength()).isEqualTo(4);
            Element failure = (Element) failures.item(0);
            // The simulator's message holds <, >, & and quotes: they survive the round trip intact.
            assertThat(failure.getAttribute("message")).matches("expected:<200> but was:<500> in test\\w+ & \"checkout\"");
            assertThat(failure.getTextContent()).isEqualTo(failure.getAttribute("message"));
            Element testcase = (Element) failure.getParentNode();
            assertThat(Double.parseDouble(testcase.getAttribute("time"))).isGreaterThan(0);
        }
    }

    @Test
    void retriesThrottledPagesOnTheScheduler() {
        try (ResultsFixture f = new ResultsFixture(2)) {
            DeviceFarmArn run = f.completedRun("nightly-fail", false);
            f.sim.faults().seed(7).throttle("ListTests", 0.5).serverErrors("ListSuites", 0.3);
            RunResults results = result(new ResultTreeFetcher(f.client, f.pages).fetch(run));
            assertThat(results.jobs()).allMatch(j -> j.suites().stream().mapToInt(s -> s.tests().size()).sum() == 10);
            assertThat(f.sim.journal().entries("ListTests")).anyMatch(e -> "ThrottlingException".equals(e.errorCode()));
            assertThat(f.pages.calls()).isGreaterThan(1 + 1 + 2 * (1 + 2 * 3));
        }
    }

    @Test
    void anUnknownRunFailsWithDeviceFarmsMessageNamingTheRun() {
        try (ResultsFixture f = new ResultsFixture(2)) {
            DeviceFarmArn missing = DeviceFarmArn.parse("arn", f.sim.projectArns().get(0).replace(":project:", ":run:")
                    + "/00000000-0000-0000-0000-000000000000", ArnKind.RUN);
            Throwable t = Await.failure(new ResultTreeFetcher(f.client, f.pages).fetch(missing));
            assertThat(t).isInstanceOf(DeviceFarmCallException.class).hasMessageContaining(missing.toString())
                    .hasMessageContaining("NotFoundException");
            f.sim.faults().throttle(Faults.ALL, 1.0);
            DeviceFarmArn run = DeviceFarmArn.parse("arn", missing.toString(), ArnKind.RUN);
            assertThat(Await.failure(new ResultTreeFetcher(f.client, f.pages).fetch(run)))
                    .hasMessageContaining("ThrottlingException"); // gave up after a bounded number of attempts
        }
    }

    @Test
    void customModeUsesTheFrameworksJUnitReportFromTheCustomerArtifact(@TempDir Path dir) throws Exception {
        try (ResultsFixture f = new ResultsFixture(25)) {
            DeviceFarmArn run = f.completedRun("nightly-fail", true);
            RunResults results = result(new ResultTreeFetcher(f.client, f.pages).fetch(run));
            assertThat(results.needsFrameworkReports()).isTrue();
            assertThat(results.jobs()).allMatch(j -> j.source() == JobResults.Source.WRAPPERS_ONLY);
            assertThat(results.notes()).hasSize(2).allMatch(n -> n.contains("only its counters"));
            assertThat(parse(results).getElementsByTagName("testcase").getLength()).isZero();

            // The customer artifacts of the first device only, listed and downloaded as the step does.
            JobResults first = results.jobs().get(0);
            List<ArtifactFile> zips = result(new ArtifactLister(f.client, f.pages).list(run, Set.of(ArtifactType.CUSTOMER_ARTIFACT),
                    EnumSet.of(ArtifactLevel.JOB)));
            assertThat(zips).hasSize(2).allMatch(z -> z.getJobArn() != null);
            try (ArtifactDownloader downloader = new ArtifactDownloader(DownloadSettings.defaults())) {
                assertThat(downloader.download(zips, dir, DownloadListener.NONE).failed()).isEmpty();
            }
            Map<String, Path> firstOnly = Map.of(first.job().getArn(), dir.resolve(zips.stream()
                    .filter(z -> z.getJobArn().equals(first.job().getArn())).findFirst().orElseThrow().getRelativePath()));
            RunResults merged = FrameworkReports.applyTo(results, firstOnly);

            assertThat(merged.jobs().get(0).source()).isEqualTo(JobResults.Source.FRAMEWORK_REPORT);
            assertThat(merged.notes()).hasSize(1).allMatch(n -> n.contains("Samsung Galaxy S23"));
            Document xml = parse(merged);
            assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(first.job().getCounters().getTotal());
            assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(first.job().getCounters().getFailed());
            assertThat(((Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
                    .startsWith("Google Pixel 8 (14).com.example.app.");
        }
    }

    static Document parse(RunResults results) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlWriter.write(results, out);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }
}
