package io.jenkins.plugins.devicefarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.watch.PollSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
