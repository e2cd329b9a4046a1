package io.jenkins.plugins.devicefarm;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import io.jenkins.plugins.devicefarm.simulator.DeviceFarmSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.TestType;

/** Dummy AWS credentials, the global settings pointed at a simulator, and a test-side SDK client. */
public final class TestSupport {
    public static final String CREDENTIALS_ID = "aws";
    public static final String ACCESS_KEY = "AKIATESTACCESSKEY777";
    public static final String SECRET_KEY = "secretKeyThatMustNeverReachTheLog0123456789";
    /** A demo device that allows remote access (see the simulator's demo scenario). */
    public static final String PIXEL = "arn:aws:devicefarm:us-west-2::device:4F1E3D2C1B0A99887766554433221100";

    private TestSupport() {}

    public static void configure(DeviceFarmSimulator simulator) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new AWSCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID, ACCESS_KEY, SECRET_KEY, "simulator"));
        SystemCredentialsProvider.getInstance().save();
        DeviceFarmGlobalConfiguration c = DeviceFarmGlobalConfiguration.get();
        c.setCredentialsId(CREDENTIALS_ID);
        c.setEndpointOverride(simulator.endpoint().toString());
        c.setMinPollSeconds(1);
        c.setMaxPollSeconds(1);
        c.setDefaultProjectArn(simulator.projectArns().get(0));
    }

    /** The test's own client, to schedule runs and look at sessions as a user would. */
    public static DeviceFarmClient client(DeviceFarmSimulator simulator) {
        return DeviceFarmClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    public static String scheduleRun(DeviceFarmClient client, DeviceFarmSimulator simulator, String name) {
        return client.scheduleRun(r -> r.projectArn(simulator.projectArns().get(0))
                        .devicePoolArn(simulator.devicePoolArns().get(0))
                        .name(name)
                        .test(t -> t.type(TestType.APPIUM_JAVA_JUNIT)))
                .run().arn();
    }

    public static WorkflowJob pipeline(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    /** Test-side wait for something the simulator or Jenkins does on other threads. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
