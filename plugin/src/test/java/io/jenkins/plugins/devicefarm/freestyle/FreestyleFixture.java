package io.jenkins.plugins.devicefarm.freestyle;

import io.jenkins.plugins.devicefarm.TestSupport;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import io.jenkins.plugins.devicefarm.simulator.ManualSimClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jvnet.hudson.test.JenkinsRule;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;

/** A simulator on a manual clock per test (runs stay queued until the test moves time), Jenkins pointed at it. */
abstract class FreestyleFixture {
    JenkinsRule j;
    ManualSimClock clock;
    DeviceFarmSimulator simulator;
    DeviceFarmClient client;

    @BeforeEach
    void startSimulator(JenkinsRule rule) throws Exception {
        j = rule;
        clock = new ManualSimClock();
        simulator = DeviceFarmSimulator.builder().clock(clock).build();
        TestSupport.configure(simulator);
        client = TestSupport.client(simulator);
    }

    @AfterEach
    void stopSimulator() {
        client.close();
        simulator.close();
    }
}
