package io.jenkins.plugins.devicefarm.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import io.jenkins.plugins.devicefarm.simulator.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class UploadFinderTest {
    private final SimulatorFixture f = new SimulatorFixture();
    private final UploadFinder finder = new UploadFinder(f.client, f.watcher);
    private final DeviceFarmArn project = DeviceFarmArn.parse("projectArn", f.project(), ArnKind.PROJECT);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void byNameTheNewestSucceededUploadOfThatTypeWins() throws Exception {
        TestUploads.upload(f, "app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        String newest = TestUploads.upload(f, "app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        TestUploads.upload(f, "app.apk", UploadType.ANDROID_APP, "broken".getBytes()); // newer, but FAILED
        TestUploads.upload(f, "app.apk", UploadType.INSTRUMENTATION_TEST_PACKAGE, SampleFiles.apk()); // newer, other type
        TestUploads.upload(f, "other.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        assertThat(Await.result(finder.find("app", project, "app.apk", UploadType.ANDROID_APP)).arn()).isEqualTo(newest);
        assertThat(f.sim.journal().count("ListUploads")).as("every page is read (page size 1)").isGreaterThan(1);
    }

    @Test
    void byNameNothingProcessedIsAnInputError() throws Exception {
        TestUploads.upload(f, "app.apk", UploadType.ANDROID_APP, "broken".getBytes());
        Throwable t = Await.failure(finder.find("app", project, "app.apk", UploadType.ANDROID_APP));
        assertThat(t).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("app: no processed ANDROID_APP upload named 'app.apk'");
    }

    @Test
    void byArnTheTypeAndStateAreChecked() throws Exception {
        String app = TestUploads.upload(f, "app.apk", UploadType.ANDROID_APP, SampleFiles.apk());
        assertThat(Await.result(finder.find("app", project, app, UploadType.ANDROID_APP)).arn()).isEqualTo(app);
        assertThat(Await.failure(finder.find("testPackage", project, app, UploadType.APPIUM_PYTHON_TEST_PACKAGE)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("testPackage: upload 'app.apk' is a ANDROID_APP");
        String failed = TestUploads.upload(f, "bad.apk", UploadType.ANDROID_APP, "broken".getBytes());
        assertThat(Await.failure(finder.find("app", project, failed, UploadType.ANDROID_APP)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is FAILED (The file is not a valid Android package");
        assertThatThrownBy(() -> finder.find("app", project, "arn:aws:devicefarm:us-west-2:123456789012:project:x", UploadType.ANDROID_APP))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("app: is the ARN of a project");
        assertThatThrownBy(() -> finder.find("app", project, app.replace("5e01a8c7", "00000000"), UploadType.ANDROID_APP))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("belongs to another project");
        assertThat(UploadFinder.isArn(" arn:aws:x")).isTrue();
        assertThat(UploadFinder.isArn("app/arn:x.apk")).isFalse();
    }
}
