package io.jenkins.plugins.devicefarm.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.Run;

/** The console link of an outcome: Device Farm's own webUrl for runs, never a non-https link. */
class OutcomeMapperTest {

    @Test
    void runLinksToDeviceFarmsOwnConsoleUrl() {
        try (SimulatorFixture f = new SimulatorFixture()) {
            DeviceFarmArn arn = f.scheduleRun("console link");
            Run run = f.client.getRun(r -> r.arn(arn.toString())).run();
            assertThat(run.webUrl()).startsWith("https://");
            assertThat(OutcomeMapper.of(run).getConsoleUrl()).isEqualTo(run.webUrl());
        }
    }

    @Test
    void aLinkThatIsNotHttpsIsNotShown() {
        String arn = "arn:aws:devicefarm:us-west-2:123456789012:run:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10/0b6d6f86-7d0e-4c0b-9b57-6a1b2c3d4e5f";
        Outcome o = OutcomeMapper.of(Run.builder().arn(arn).webUrl("javascript:alert(1)").build());
        assertThat(o.getConsoleUrl()).isEqualTo(DeviceFarmArn.parse("arn", arn).consoleUrl());
        assertThat(OutcomeMapper.of(Run.builder().arn(arn).build()).getConsoleUrl()).startsWith("https://");
    }
}
