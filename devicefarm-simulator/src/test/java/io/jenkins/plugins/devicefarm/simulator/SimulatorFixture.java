package io.jenkins.plugins.devicefarm.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.devicefarm.DeviceFarmClient;
import software.amazon.awssdk.services.devicefarm.model.BillingMethod;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;
import software.amazon.awssdk.services.devicefarm.model.Run;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/** A fresh simulator on a manual clock and a real SDK v2 client pointed at it, per test. */
abstract class SimulatorFixture {
    /** Demo device ids (see demo-scenario.json). */
    static final String PIXEL = "arn:aws:devicefarm:us-west-2::device:4F1E3D2C1B0A99887766554433221100";
    static final String IPHONE = "arn:aws:devicefarm:us-west-2::device:0123456789ABCDEF0123456789ABCDEF";
    static final String IPAD_NO_REMOTE_ACCESS = "arn:aws:devicefarm:us-west-2::device:FEDCBA9876543210FEDCBA9876543210";
    static final String PRIVATE_IPHONE = "arn:aws:devicefarm:us-west-2::device:5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A";
    static final String BUSY_TABLET = "arn:aws:devicefarm:us-west-2::device:B5B5B5B5B5B5B5B5B5B5B5B5B5B5B5B5";
    static final String INSTANCE =
            "arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:1c0ffee0-0000-4000-8000-000000000001";
    static final String VPCE =
            "arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:7f7e7d7c-0000-4000-8000-000000000001";

    static final HttpClient HTTP = HttpClient.newHttpClient();

    ManualSimClock clock;
    DeviceFarmSimulator simulator;
    DeviceFarmClient client;
    String project;
    String androidPool;

    /** Page size of List operations; subclasses that test paging make it small. */
    int pageSize() {
        return DeviceFarmSimulator.DEFAULT_PAGE_SIZE;
    }

    /** Further options of the simulator under test. */
    void configure(DeviceFarmSimulator.Builder builder) {}

    @BeforeEach
    void startSimulator() {
        clock = new ManualSimClock();
        DeviceFarmSimulator.Builder builder = DeviceFarmSimulator.builder().clock(clock).pageSize(pageSize());
        configure(builder);
        simulator = builder.build();
        client = client(simulator, AwsRetryStrategy.doNotRetry());
        project = simulator.projectArns().get(0);
        androidPool = simulator.devicePoolArns().get(0);
    }

    @AfterEach
    void stopSimulator() {
        client.close();
        simulator.close();
    }

    static DeviceFarmClient client(DeviceFarmSimulator simulator, RetryStrategy retries) {
        return DeviceFarmClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(retries))
                .build();
    }

    void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    Run schedule(String name) {
        return schedule(name, BillingMethod.METERED);
    }

    Run schedule(String name, BillingMethod billing) {
        return client.scheduleRun(r -> r.projectArn(project)
                        .devicePoolArn(androidPool)
                        .name(name)
                        .test(t -> t.type(TestType.APPIUM_JAVA_JUNIT))
                        .configuration(c -> c.billingMethod(billing)))
                .run();
    }

    /** Creates an upload, PUTs {@code bytes} to its URL and lets processing finish; answers its ARN. */
    String uploaded(String name, UploadType type, byte[] bytes) {
        return uploaded(project, name, type, bytes);
    }

    /** {@link #uploaded(String, UploadType, byte[])} into another project. */
    String uploaded(String projectArn, String name, UploadType type, byte[] bytes) {
        Upload upload = client.createUpload(r -> r.projectArn(projectArn).name(name).type(type)).upload();
        try {
            int status = put(upload.url(), bytes, null).statusCode();
            if (status != 200) {
                throw new AssertionError("PUT of " + name + " answered " + status);
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        advance(UploadScript.DEFAULT.processingSeconds());
        return upload.arn();
    }

    /** PUTs {@code bytes} to a presigned upload URL, as a client of S3 would. */
    static HttpResponse<String> put(String url, byte[] bytes, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    Run getRun(String arn) {
        return client.getRun(r -> r.arn(arn)).run();
    }

    RemoteAccessSession createSession(String device) {
        return client.createRemoteAccessSession(r -> r.projectArn(project).deviceArn(device).name("debug"))
                .remoteAccessSession();
    }

    RemoteAccessSession getSession(String arn) {
        return client.getRemoteAccessSession(r -> r.arn(arn)).remoteAccessSession();
    }
}
