package io.jenkins.plugins.devicefarm;

import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvnet.hudson.test.JenkinsRule;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/**
 * A simulator on a manual clock per test (runs stay queued until the test moves time), the global
 * settings pointed at it, and a test-side client. Base of the Pipeline and freestyle tests.
 */
public abstract class SimulatorFixture {
    protected JenkinsRule j;
    protected ManualSimClock clock;
    protected DeviceFarmSimulator simulator;
    protected DeviceFarmClient client;

    @BeforeEach
    protected void startSimulator(JenkinsRule rule) throws Exception {
        j = rule;
        clock = new ManualSimClock();
        simulator = DeviceFarmSimulator.builder().clock(clock).build();
        TestSupport.configure(simulator);
        client = TestSupport.client(simulator);
    }

    @AfterEach
    protected void stopSimulator() {
        client.close();
        simulator.close();
    }
}
