package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README says exactly which operations the simulator implements, and how its demo starts. */
class ReadmeTest {
    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theOperationsSectionListsExactlyTheImplementedOperations() throws Exception {
        String text = readme();
        String section = text.substring(text.indexOf("## Operations"), text.indexOf("## What it does"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Za-z]+)`").matcher(section);
        while (m.find()) {
            if (!m.group(1).endsWith("Exception")) {
                listed.add(m.group(1));
            }
        }
        Set<String> implemented = new TreeSet<>(new Operations(new DeviceFarmState(Scenario.demo()), 25).names());
        assertThat(listed).isEqualTo(implemented);
        assertThat(section).contains("Exactly these " + implemented.size());
    }

    @Test
    void theFirstCommandSetsTheDemoTimeScaleAndTheReadmeSaysHowToStop() throws Exception {
        String text = readme();
        String firstBlock = text.substring(text.indexOf("```sh") + 5, text.indexOf("```", text.indexOf("```sh") + 5));
        assertThat(firstBlock.strip()).startsWith("java -jar").contains("--time-scale 10");
        assertThat(text).contains("Ctrl-C stops it");
    }
}
