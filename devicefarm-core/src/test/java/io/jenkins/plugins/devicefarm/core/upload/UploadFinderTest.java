package io.jenkins.plugins.devicefarm.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class UploadFinderTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final Uploader uploader = new Uploader(f.client, f.watcher);
    private final UploadFinder finder = new UploadFinder(f.client, f.watcher);
    private final DeviceFarmArn project = DeviceFarmArn.parse("projectArn", f.project(), ArnKind.PROJECT);

    @AfterEach
    void close() {
        f.close();
    }

    private String upload(String name, UploadType type, byte[] bytes) throws Exception {
        PendingUpload p = Await.result(uploader.create(project, name, type));
        PresignedPut.withDefaults().put(p.url(), () -> new ByteArrayInputStream(bytes), bytes.length, p.contentType());
        f.advance(Duration.ofSeconds(5));
        return p.arn().toString();
    }

    @Test
    void byNameTheNewestSucceededUploadOfThatTypeWins() throws Exception {
        upload("app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        String newest = upload("app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        upload("app.apk", UploadType.ANDROID_APP, "broken".getBytes()); // newer, but FAILED
        upload("app.apk", UploadType.INSTRUMENTATION_TEST_PACKAGE, SampleFiles.apk()); // newer, other type
        upload("other.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        assertThat(Await.result(finder.find("app", project, "app.apk", UploadType.ANDROID_APP)).arn()).isEqualTo(newest);
        assertThat(f.sim.journal().count("ListUploads")).as("every page is read (page size 1)").isGreaterThan(1);
    }

    @Test
    void byNameNothingProcessedIsAnInputError() throws Exception {
        upload("app.apk", UploadType.ANDROID_APP, "broken".getBytes());
        Throwable t = Await.failure(finder.find("app", project, "app.apk", UploadType.ANDROID_APP));
        assertThat(t).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("app: no processed ANDROID_APP upload named 'app.apk'");
    }

    @Test
    void byArnTheTypeAndStateAreChecked() throws Exception {
        String app = upload("app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        assertThat(Await.result(finder.find("app", project, app, UploadType.ANDROID_APP)).arn()).isEqualTo(app);
        assertThat(Await.failure(finder.find("testPackage", project, app, UploadType.APPIUM_PYTHON_TEST_PACKAGE)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("testPackage: upload 'app.apk' is a ANDROID_APP");
        String failed = upload("bad.apk", UploadType.ANDROID_APP, "broken".getBytes());
        assertThat(Await.failure(finder.find("app", project, failed, UploadType.ANDROID_APP)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is FAILED (The file is not a valid Android package");
        assertThatThrownBy(() -> finder.find("app", project, "arn:aws:devicefarm:us-west-2:123456789012:project:x", UploadType.ANDROID_APP))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("app: is the ARN of a project");
        assertThat(UploadFinder.isArn(" arn:aws:x")).isTrue();
        assertThat(UploadFinder.isArn("app/arn:x.apk")).isFalse();
    }
}
