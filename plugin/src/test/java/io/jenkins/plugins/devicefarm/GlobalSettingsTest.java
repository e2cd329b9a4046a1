package io.jenkins.plugins.devicefarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A bad poll interval, as code or by hand, is refused naming its field and never breaks every step. */
@WithJenkins
class GlobalSettingsTest {

    @Test
    void aBadPollIntervalAsCodeIsRefusedNamingTheField(JenkinsRule j, @TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("jenkins.yaml");
        Files.writeString(yaml, "unclassified:\n  deviceFarm:\n    minPollSeconds: 0\n");
        Exception e = assertThrows(Exception.class, () -> ConfigurationAsCode.get().configure(yaml.toString()));
        String said = messages(e);
        assertTrue(said.contains("minPollSeconds: must be between 1 and 3600 seconds, was 0"), said);
        assertEquals(5, DeviceFarmGlobalConfiguration.get().getMinPollSeconds()); // unchanged
    }

    @Test
    void aBadPollIntervalFromTheFormIsRefusedBeforeAnyFieldIsSaved(JenkinsRule j) throws Exception {
        HtmlForm form = j.createWebClient().goTo("configure").getFormByName("config");
        // Bound before the poll intervals: must not be saved when they are refused.
        form.getInputByName("_.defaultProjectArn").setValue("arn:aws:devicefarm:us-west-2:123456789012:project:5e01a8c7");
        HtmlInput min = form.getInputByName("_.minPollSeconds");
        min.removeAttribute("min"); // the browser's own check is no guard; the server must refuse
        min.setValue("0");
        FailingHttpStatusCodeException e = assertThrows(FailingHttpStatusCodeException.class, () -> j.submit(form));
        String page = e.getResponse().getContentAsString();
        assertTrue(page.contains("minPollSeconds: must be more than 0"), page);
        DeviceFarmGlobalConfiguration c = DeviceFarmGlobalConfiguration.get();
        assertNull(c.getDefaultProjectArn());
        assertEquals(5, c.getMinPollSeconds());
    }

    @Test
    void theSettersRefuseValuesOutOfRange(JenkinsRule j) {
        DeviceFarmGlobalConfiguration c = DeviceFarmGlobalConfiguration.get();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.setMaxPollSeconds(7200));
        assertTrue(e.getMessage().startsWith("maxPollSeconds: must be between 1 and 3600 seconds, was 7200"), e.getMessage());
        assertEquals(60, c.getMaxPollSeconds());
    }

    @Test
    void aMaximumBelowTheMinimumPollsAtTheMinimumInsteadOfBreakingEveryStep(JenkinsRule j) {
        DeviceFarmGlobalConfiguration c = DeviceFarmGlobalConfiguration.get();
        c.setMinPollSeconds(30); // set one at a time, as configuration as code does
        c.setMaxPollSeconds(10);
        PollSettings p = DeviceFarmEngine.pollSettings();
        assertEquals(Duration.ofSeconds(30), p.minInterval());
        assertEquals(Duration.ofSeconds(30), p.maxInterval());
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }
}
