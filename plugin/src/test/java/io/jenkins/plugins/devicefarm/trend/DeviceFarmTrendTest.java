package io.jenkins.plugins.devicefarm.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleProject;
import hudson.model.ListView;
import hudson.model.Result;
import io.jenkins.plugins.devicefarm.DeviceFarmBuildAction;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.DeviceMinutes;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The job-page trend over several builds, failed ones included, and builds without Device Farm skipped. */
@WithJenkins
class DeviceFarmTrendTest {

    @Test
    void trendOverSeveralBuilds(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        assertNull(p.getAction(DeviceFarmJobAction.class), "no trend on jobs that never used Device Farm");

        record(p, 1.5, 0.5, new Counters(10, 9, 1, 0, 0, 0, 0), true);
        j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0)); // #1: failed, but ran tests
        p.getBuildersList().clear();
        j.buildAndAssertSuccess(p);                              // #2: no Device Farm at all
        record(p, 3.0, 0.0, new Counters(5, 5, 0, 0, 0, 0, 0), false);
        j.buildAndAssertSuccess(p);                              // #3
        p.getBuildersList().clear();
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
                return false;
            }
        });
        j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0)); // #4: failed before reaching Device Farm

        DeviceFarmJobAction action = p.getAction(DeviceFarmJobAction.class);
        assertNotNull(action, "shown although the last build failed");
        DeviceFarmTrendChart minutes = action.getMinutesTrend();
        assertTrue(minutes.isTrendVisible());
        Map<String, Object> m = minutes.model();
        assertEquals(List.of("#1", "#3"), m.get("domainAxisLabels"));
        assertEquals(List.of(1, 3), m.get("buildNumbers"));
        List<?> series = (List<?>) m.get("series");
        assertEquals("metered", ((Map<?, ?>) series.get(0)).get("name"));
        assertEquals(List.of(1.5, 3.0), ((Map<?, ?>) series.get(0)).get("data"));
        assertEquals(List.of(0.5, 0.0), ((Map<?, ?>) series.get(1)).get("data"));

        Map<String, Object> t = action.getTestsTrend().model();
        Map<?, ?> passed = (Map<?, ?>) ((List<?>) t.get("series")).get(0);
        assertEquals("passed", passed.get("name"));
        assertEquals(List.of(9.0, 5.0), passed.get("data"));
        assertTrue(action.getTestsTrend().getBuildTrendModel().contains("\"failed\""));

        // The job page renders the charts (floatingBox.jelly with echarts-api's trend-chart tag).
        String page = j.createWebClient().getPage(p).getWebResponse().getContentAsString();
        assertTrue(page.contains("AWS Device Farm device minutes"), page);
    }

    @Test
    void listViewColumnShowsTheNewestRecordedBuild(JenkinsRule j) throws Exception {
        FreeStyleProject used = j.createFreeStyleProject("used");
        record(used, 2.5, 1.0, new Counters(11, 7, 2, 1, 1, 0, 0), false);
        j.buildAndAssertSuccess(used);
        used.getBuildersList().clear();
        j.buildAndAssertSuccess(used); // newer build without Device Farm: the column still shows #1
        FreeStyleProject unused = j.createFreeStyleProject("unused");
        j.buildAndAssertSuccess(unused);

        ListView view = new ListView("devices", j.jenkins);
        view.getColumns().add(new DeviceFarmColumn());
        view.add(used);
        view.add(unused);
        j.jenkins.addView(view);

        String page = j.createWebClient().goTo("view/devices/").getWebResponse().getContentAsString();
        assertTrue(page.contains("7 passed, 1 warned, 3 failed \u00b7 2.5 metered min"), page); // warned: an UNSTABLE build shows it
        assertTrue(page.contains("job/used/1/devicefarm/"), page);
        assertTrue(page.contains("N/A"), page);
        assertNull(new DeviceFarmColumn().getLatestRecord(unused));
        assertFalse(j.jenkins.getDescriptorByType(DeviceFarmColumn.DescriptorImpl.class).shownByDefault());
    }

    @Test
    void jobActionComesFromTheNewestBuildsOnly(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        record(p, 1.0, 0.0, new Counters(1, 1, 0, 0, 0, 0, 0), false);
        j.buildAndAssertSuccess(p);                               // #1 used Device Farm
        assertNotNull(p.getAction(DeviceFarmJobAction.class));
        p.getBuildersList().clear();
        j.buildAndAssertSuccess(p);                               // #2 and #3 did not:
        j.buildAndAssertSuccess(p);
        // last, last completed and last successful build are #3: the job page no longer walks back to #1.
        assertNull(p.getAction(DeviceFarmJobAction.class));
        record(p, 1.0, 0.0, new Counters(1, 0, 1, 0, 0, 0, 0), true);
        j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0)); // #4 used it and failed: the last completed build
        DeviceFarmJobAction action = p.getAction(DeviceFarmJobAction.class);
        assertNotNull(action);
        assertEquals(List.of(4, 1), action.history().stream().map(b -> b.number()).toList());
    }

    @Test
    void everySeriesHasItsOwnColor() {
        List<String> names = List.of("passed", "failed", "warned", "errored", "skipped", "stopped", "metered", "unmetered");
        Set<String> colors = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            colors.add(DeviceFarmTrendChart.colorOf(names.get(i), i));
        }
        assertEquals(names.size(), colors.size(), "skipped and stopped, failed and metered must not share a color");
    }

    /** Makes the job's builds record one finished run with these totals; fail = the build then fails. */
    private static void record(FreeStyleProject p, double metered, double unmetered, Counters counters, boolean fail) {
        p.getBuildersList().clear();
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
                String arn = "arn:aws:devicefarm:us-west-2:123456789012:run:p/" + build.getNumber();
                DeviceFarmBuildAction.of(build).record(Outcome.builder(ArnKind.RUN, arn).status("COMPLETED")
                        .result(fail ? "FAILED" : "PASSED").counters(counters)
                        .deviceMinutes(new DeviceMinutes(metered + unmetered, metered, unmetered)).build());
                return !fail;
            }
        });
    }
}
