package io.jenkins.plugins.devicefarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.model.Counters;
import io.jenkins.plugins.devicefarm.core.model.DeviceMinutes;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableCell;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build page's summary and the details page, rendered in HtmlUnit: what is counted, the columns, the links, the escaping. */
@WithJenkins
class BuildPagesTest {
    private static final String EVIL = "<img src=x onload=alert(1)>";
    private static final String ESCAPED = "&lt;img src=x onload=alert(1)&gt;";
    private static final String RUN = "arn:aws:devicefarm:us-west-2:123456789012:run:proj-1/run-1";
    private static final String JOB_1 = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-1/00000";
    private static final String JOB_2 = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-1/00001";
    private static final String LONE_JOB = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-9/00000";
    private static final String SESSION = "arn:aws:devicefarm:us-west-2:123456789012:session:proj-1/run-2/00000";
    private static final String WEB_URL = "https://us-west-2.console.aws.amazon.com/devicefarm/home#/mobile/projects/proj-1/runs/run-1";
    private static final long START = 1_764_000_000_000L;

    @Test
    void summaryNamesWhatItCountsAndTheDetailsHaveOneColumnPerFigure(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
                DeviceFarmBuildAction a = DeviceFarmBuildAction.of(build);
                a.record(outcome(ArnKind.RUN, RUN, EVIL, new Counters(20, 16, 4, 0, 0, 0, 0), 3.0, 1.0)
                        .consoleUrl(WEB_URL).message(EVIL).build());
                a.record(outcome(ArnKind.JOB, JOB_1, "Google Pixel 8", new Counters(10, 8, 2, 0, 0, 0, 0), 1.5, 0.5).build());
                a.record(outcome(ArnKind.JOB, JOB_2, "Samsung Galaxy S23", new Counters(10, 8, 2, 0, 0, 0, 0), 1.5, 0.5).build());
                a.record(outcome(ArnKind.JOB, LONE_JOB, "Apple iPhone 15", new Counters(5, 4, 0, 1, 0, 0, 0), 1.0, 0).build());
                a.track(SESSION, null, null); // never answered
                a.recordStopFailure(SESSION, "Device Farm said " + EVIL);
                a.leaveRunning(SESSION); // the safety net must not try it again when the build ends: no Device Farm here
                return true;
            }
        });
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        JenkinsRule.WebClient wc = j.createWebClient();

        HtmlPage build = wc.getPage(b);
        String summary = build.getBody().getTextContent().replaceAll("\\s+", " ");
        assertTrue(summary.contains("1 run, 3 jobs and 1 session, one row each in the details."), summary);
        assertTrue(summary.contains("The totals count the 2 jobs of listed runs once, in their runs."), summary);
        // The run (its jobs inside) and the lone job: 25 tests, not 45.
        assertTrue(summary.contains("Tests: 25 total, 20 passed, 4 failed, 1 warned"), summary);
        assertTrue(summary.contains("1 could not be stopped and may still be billing"), summary);
        assertFalse(build.getWebResponse().getContentAsString().contains(EVIL));

        HtmlPage details = wc.getPage(b, "devicefarm/");
        String html = details.getWebResponse().getContentAsString();
        assertFalse(html.contains(EVIL), "remote text is escaped");
        assertTrue(html.contains(ESCAPED), html);
        assertTrue(details.querySelectorAll("img[src=x]").isEmpty(), "no element made of remote text");

        HtmlTable table = details.getHtmlElementById("devicefarm-resources");
        List<String> header = texts(table.getHeader().getRows().get(0).getCells());
        assertEquals(List.of("Name", "Kind", "Device", "Status", "Result", "Passed", "Failed", "Warned", "Errored", "Stopped",
                "Skipped", "Tests", "Metered minutes", "Unmetered minutes", "Started", "Duration", "Stopped by Jenkins",
                "Device Farm console"), header);
        List<HtmlTableRow> rows = table.getBodies().get(0).getRows();
        assertEquals(6, rows.size(), "5 resources and the line about the session that could not be stopped");

        List<HtmlTableCell> run = rows.get(0).getCells();
        assertEquals(header.size(), run.size());
        assertEquals("run", text(run.get(1)));
        assertEquals("16", text(run.get(5)));
        assertEquals("4", text(run.get(6)));
        assertEquals("—", text(run.get(7)), "empty cells say so");
        assertEquals("20", text(run.get(11)));
        assertEquals("3.0", text(run.get(12)));
        assertEquals("10 min", text(run.get(15)));
        assertFalse(text(run.get(14)).equals("—"), "start time shown");
        HtmlAnchor console = run.get(17).getFirstByXPath(".//a");
        assertEquals(WEB_URL, console.getHrefAttribute(), "Device Farm's own console link");

        // A job row links to its run's row; a job whose run is not listed links to the run on the console.
        HtmlAnchor toRun = rows.get(1).getCell(0).getFirstByXPath(".//a");
        assertEquals("#" + rows.get(0).getId(), toRun.getHrefAttribute());
        assertEquals(EVIL, toRun.getTextContent().strip());
        assertEquals("Google Pixel 8", text(rows.get(1).getCell(2)));
        HtmlAnchor loneRun = rows.get(3).getCell(0).getFirstByXPath(".//a");
        assertNotNull(loneRun);
        assertTrue(loneRun.getHrefAttribute().startsWith("https://") && loneRun.getHrefAttribute().contains("run-9"),
                loneRun.getHrefAttribute());

        List<HtmlTableCell> session = rows.get(4).getCells();
        assertEquals("remote access session", text(session.get(1)));
        assertEquals("not seen yet", text(session.get(3)));
        assertEquals("—", text(session.get(17)));
        DomElement failure = rows.get(5).getCell(0);
        assertTrue(failure.getTextContent().contains("Device Farm said " + EVIL), failure.getTextContent());
    }

    private static Outcome.Builder outcome(ArnKind kind, String arn, String name, Counters counters, double metered, double unmetered) {
        Outcome.Builder o = Outcome.builder(kind, arn).status("COMPLETED").result("PASSED").counters(counters)
                .deviceMinutes(new DeviceMinutes(metered + unmetered, metered, unmetered))
                .startedMillis(START).stoppedMillis(START + 600_000);
        return kind == ArnKind.JOB ? o.name(name).deviceName(name) : o.name(name);
    }

    private static List<String> texts(List<HtmlTableCell> cells) {
        return cells.stream().map(BuildPagesTest::text).toList();
    }

    private static String text(DomElement cell) {
        // sortable.js wraps header captions in a link with an (empty or arrow) span: drop the arrows and non-breaking spaces.
        return cell.getTextContent().replaceAll("[\\s\\u00a0\\u2191\\u2193]+", " ").strip();
    }
}
