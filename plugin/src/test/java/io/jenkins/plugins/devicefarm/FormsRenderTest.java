package io.jenkins.plugins.devicefarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.RootAction;
import io.jenkins.plugins.devicefarm.freestyle.DeviceFarmResultsRecorder;
import io.jenkins.plugins.devicefarm.freestyle.DeviceFarmSessionWrapper;
import io.jenkins.plugins.devicefarm.freestyle.DeviceFarmStopBuilder;
import io.jenkins.plugins.devicefarm.run.DeviceFarmRunBuilder;
import io.jenkins.plugins.devicefarm.run.RunStep;
import io.jenkins.plugins.devicefarm.steps.StopJobStep;
import io.jenkins.plugins.devicefarm.steps.StopRunStep;
import io.jenkins.plugins.devicefarm.steps.WaitForJobStep;
import io.jenkins.plugins.devicefarm.steps.WaitForRunStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Renders every form of the plugin in HtmlUnit (Manage Jenkins > System, each Pipeline step as
 * the Snippet Generator shows it, each freestyle step in a job's configure page): no error page,
 * and every label whole (Stapler drops what follows "(" inside ${%...}).
 */
@WithJenkins
class FormsRenderTest {
    private static final String RUN = "arn:aws:devicefarm:us-west-2:123456789012:run:proj-1/run-1";
    private static final String JOB = "arn:aws:devicefarm:us-west-2:123456789012:job:proj-1/run-1/00000";

    private static final List<String> GLOBAL = List.of("AWS Device Farm", "Default AWS credentials", "Region",
            "Default project ARN", "Endpoint override", "Minimum poll interval in seconds",
            "Maximum poll interval in seconds", "Test connection");
    private static final List<String> WAIT = List.of("ARN", "Stop it on Device Farm when the build is aborted",
            "Timeout in minutes", "Set the build result from the Device Farm result",
            "Build result when PASSED", "Build result when WARNED", "Build result when FAILED",
            "Build result when ERRORED", "Build result when STOPPED", "Build result when SKIPPED",
            "Minimum poll interval in seconds", "Maximum poll interval in seconds", "AWS credentials", "Region");
    private static final List<String> STOP = List.of("ARN", "AWS credentials", "Region");
    private static final List<String> RECORDER = List.of("Run or job ARNs, one per line", "AWS credentials",
            "Timeout in minutes, 0 for none", "Result policy and region",
            "Build result when PASSED", "Build result when WARNED", "Build result when FAILED",
            "Build result when ERRORED", "Build result when STOPPED", "Build result when SKIPPED", "Region");
    private static final List<String> RUN_FORM = List.of("App", "Test type", "Test package", "Test spec", "Device pool",
            "Device filters, one a line", "Maximum devices, with device filters", "Environment variables",
            "Artifacts to download", "Publish the results as Jenkins test results", "Wait for the run to complete",
            "Job timeout per device in minutes", "Extra data, a zip", "Auxiliary apps, one a line",
            "Skip app re-signing, iOS", "Check device compatibility before scheduling",
            "Keep the uploads this step creates", "Set the build result from the Device Farm result",
            "Build result when PASSED", "Build result when WARNED", "Build result when FAILED",
            "Build result when ERRORED", "Build result when STOPPED", "Build result when SKIPPED", "AWS credentials", "Region");
    private static final List<String> STOP_BUILDER = List.of("Run, job or session ARN", "AWS credentials", "Region");

    /** What the wait steps do with each Device Farm result unless told otherwise (README, result policy). */
    private static final Map<String, String> DEFAULT_RESULTS = new LinkedHashMap<>();

    static {
        DEFAULT_RESULTS.put("passed", "SUCCESS");
        DEFAULT_RESULTS.put("warned", "UNSTABLE");
        DEFAULT_RESULTS.put("failed", "FAILURE");
        DEFAULT_RESULTS.put("errored", "FAILURE");
        DEFAULT_RESULTS.put("stopped", "ABORTED");
        DEFAULT_RESULTS.put("skipped", "SUCCESS");
    }

    @Test
    void globalConfigurationShowsEveryLabel(JenkinsRule j) throws Exception {
        assertLabels(j.createWebClient().goTo("configure"), GLOBAL);
    }

    @Test
    void everyStepFormRendersAsInTheSnippetGenerator(JenkinsRule j) throws Exception {
        assertLabels(stepForm(j, WaitForRunStep.class), WAIT);
        assertLabels(stepForm(j, WaitForJobStep.class), WAIT);
        assertLabels(stepForm(j, StopRunStep.class), STOP);
        assertLabels(stepForm(j, StopJobStep.class), STOP);
        assertLabels(stepForm(j, RunStep.class), RUN_FORM);
        // Every other step of the plugin (the session step's labels are checked by its own tests): no error page.
        for (StepDescriptor d : StepDescriptor.all()) {
            if (d.getId().startsWith("io.jenkins.plugins.devicefarm.")) {
                stepForm(j, d.getId());
            }
        }
    }

    @Test
    void freestyleStepsShowEveryLabel(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new DeviceFarmStopBuilder(RUN));
        p.getPublishersList().add(new DeviceFarmResultsRecorder(RUN));
        p.getBuildWrappersList().add(new DeviceFarmSessionWrapper(null, TestSupport.PIXEL));
        p.getBuildersList().add(new DeviceFarmRunBuilder(new RunStep()));
        HtmlPage page = j.createWebClient().getPage(p, "configure");
        assertLabels(page, STOP_BUILDER);
        assertLabels(page, RECORDER);
        assertLabels(page, RUN_FORM); // the freestyle twin shows the step's own form
    }

    /** The result menus of an untouched wait or run form show the step's defaults and add nothing to the snippet. */
    @Test
    void untouchedWaitFormGeneratesOnlyTheArn(JenkinsRule j) throws Exception {
        SnippetizerTester st = new SnippetizerTester(j);
        Map<Class<?>, String> steps = new LinkedHashMap<>();
        steps.put(WaitForRunStep.class, "deviceFarmWaitForRun '" + RUN + "'");
        steps.put(WaitForJobStep.class, "deviceFarmWaitForJob '" + JOB + "'");
        steps.put(RunStep.class, "deviceFarmRun()");
        for (Map.Entry<Class<?>, String> step : steps.entrySet()) {
            HtmlPage form = stepForm(j, step.getKey());
            // What the browser posts for the form as rendered, with only the ARN typed in.
            JSONObject json = new JSONObject();
            json.put("stapler-class", step.getKey().getName());
            if (step.getKey() != RunStep.class) {
                json.put("arn", step.getKey() == WaitForRunStep.class ? RUN : JOB);
            }
            for (Map.Entry<String, String> result : DEFAULT_RESULTS.entrySet()) {
                HtmlSelect menu = form.getElementByName("_." + result.getKey()); // f:select names its field "_.<field>"
                String shown = menu.getSelectedOptions().get(0).getValueAttribute();
                assertEquals(result.getValue(), shown, step.getKey().getSimpleName() + " " + result.getKey());
                json.put(result.getKey(), shown);
            }
            for (String box : step.getKey() == RunStep.class ? List.of("setBuildResult") : List.of("stopOnAbort", "setBuildResult")) {
                HtmlCheckBoxInput checkbox = form.getElementByName("_." + box);
                assertTrue(checkbox.isChecked(), box);
                json.put(box, checkbox.isChecked());
            }
            st.assertGenerateSnippet(json.toString(), step.getValue(), null);
        }
    }

    private static HtmlPage stepForm(JenkinsRule j, Class<?> step) throws Exception {
        return stepForm(j, step.getName());
    }

    /** Fails on an error page (goTo throws on any status but 200). */
    private static HtmlPage stepForm(JenkinsRule j, String descriptorId) throws Exception {
        return j.createWebClient().goTo(StepForm.URL + "/?step=" + descriptorId);
    }

    private static void assertLabels(HtmlPage page, List<String> labels) {
        // textContent includes the folded "Advanced" parts of the form.
        String text = page.getBody().getTextContent().replaceAll("\\s+", " ");
        for (String label : labels) {
            assertTrue(text.contains(label), "label \"" + label + "\" is not whole on " + page.getUrl());
        }
        assertFalse(text.contains("Unable to create expression"), page.getUrl().toString());
    }

    /** Renders one step's form with no job and no instance, as the Snippet Generator does (index.jelly). */
    @TestExtension
    public static class StepForm implements RootAction {
        static final String URL = "devicefarm-step-form";

        public StepDescriptor pick(String id) {
            return StepDescriptor.all().stream().filter(d -> d.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No step " + id));
        }

        @Override
        public String getIconFileName() {
            return null;
        }

        @Override
        public String getDisplayName() {
            return null;
        }

        @Override
        public String getUrlName() {
            return URL;
        }
    }
}
