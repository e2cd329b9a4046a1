package io.jenkins.plugins.devicefarm.core.upload;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.watch.Await;
import io.jenkins.plugins.devicefarm.core.watch.SimulatorFixture;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

/** Uploads through the real client and URL, then lets the simulator's processing finish. */
public final class TestUploads {
    private TestUploads() {}

    /** The ARN of a processed upload of {@code bytes} (SUCCEEDED or FAILED, as the bytes deserve). */
    public static String upload(SimulatorFixture f, String name, UploadType type, byte[] bytes) throws Exception {
        Uploader uploader = new Uploader(f.client, f.watcher);
        PendingUpload p = Await.result(uploader.create(DeviceFarmArn.parse("projectArn", f.project(), ArnKind.PROJECT), name, type));
        PresignedPut.withDefaults().put(p.url(), () -> new ByteArrayInputStream(bytes), bytes.length, p.contentType());
        f.advance(Duration.ofSeconds(5));
        return p.arn().toString();
    }
}
