package io.jenkins.plugins.devicefarm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.devicefarm.model.ArgumentException;
import software.amazon.awssdk.services.devicefarm.model.NotFoundException;
import software.amazon.awssdk.services.devicefarm.model.Upload;
import software.amazon.awssdk.services.devicefarm.model.UploadCategory;
import software.amazon.awssdk.services.devicefarm.model.UploadStatus;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class UploadTest extends SimulatorFixture {

    @Test
    void createUploadAnswersInitializedWithASecretPutUrlOnTheSimulator() {
        Upload u = create("app-debug.apk", UploadType.ANDROID_APP);
        assertThat(u.status()).isEqualTo(UploadStatus.INITIALIZED);
        assertThat(u.category()).isEqualTo(UploadCategory.PRIVATE);
        assertThat(u.arn()).startsWith("arn:aws:devicefarm:us-west-2:123456789012:upload:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10/");
        assertThat(u.url()).startsWith(simulator.endpoint() + "/_uploads/").contains("app-debug.apk");
        assertThat(u.url()).matches(".*/_uploads/[0-9a-f]{64}/.*");
        assertThat(create("app-debug.apk", UploadType.ANDROID_APP).url()).isNotEqualTo(u.url());
        assertThat(get(u.arn()).message()).isNull();
    }

    @Test
    void bytesArriveThenProcessingThenSucceeded() throws Exception {
        Upload u = create("app-debug.apk", UploadType.ANDROID_APP);
        advance(60);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.INITIALIZED); // nothing happens without the bytes
        assertThat(put(u.url(), SampleFiles.apk(), null).statusCode()).isEqualTo(200);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.PROCESSING);
        advance(4);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.PROCESSING);
        advance(1);
        Upload done = get(u.arn());
        assertThat(done.status()).isEqualTo(UploadStatus.SUCCEEDED);
        assertThat(done.message()).isNull();
        assertThat(simulator.journal().count(UploadEndpoint.OPERATION, u.arn())).isEqualTo(1);
        assertThat(simulator.journal().entries(UploadEndpoint.OPERATION).get(0).arn()).doesNotContain("_uploads");
    }

    @ParameterizedTest
    @CsvSource({
        "app.apk, ANDROID_APP, zip, The Android package has no AndroidManifest.xml.",
        "app.apk, ANDROID_APP, text, The file is not a valid Android package (APK).",
        "app.ipa, IOS_APP, apk, The iOS application archive has no Payload/<name>.app folder.",
        "app.ipa, IOS_APP, text, The file is not a valid iOS application archive (IPA).",
        "tests.zip, APPIUM_JAVA_TESTNG_TEST_PACKAGE, text, The file is not a valid zip archive.",
        "tests.apk, INSTRUMENTATION_TEST_PACKAGE, zip, The Android package has no AndroidManifest.xml.",
        "spec.yml, APPIUM_PYTHON_TEST_SPEC, zip, The test spec is not a YAML text file.",
        "data.zip, EXTERNAL_DATA, empty, The file is empty.",
    })
    void bytesThatDoNotFitTheTypeFailWithAMessage(String name, String type, String content, String message)
            throws Exception {
        Upload u = create(name, UploadType.fromValue(type));
        byte[] bytes = switch (content) {
            case "zip" -> SampleFiles.zip("readme.txt");
            case "apk" -> SampleFiles.apk();
            case "empty" -> new byte[0];
            default -> "just some text".getBytes();
        };
        assertThat(put(u.url(), bytes, null).statusCode()).isEqualTo(200);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.PROCESSING);
        advance(5);
        Upload failed = get(u.arn());
        assertThat(failed.status()).isEqualTo(UploadStatus.FAILED);
        assertThat(failed.message()).isEqualTo(message);
        assertThat(failed.metadata()).contains(message);
    }

    @ParameterizedTest
    @CsvSource({
        "app.ipa, IOS_APP, ipa", "tests.zip, APPIUM_NODE_TEST_PACKAGE, zip", "spec.yaml, XCTEST_UI_TEST_SPEC, spec",
        "runner.ipa, XCTEST_UI_TEST_PACKAGE, ipa", "web.zip, WEB_APP, zip", "tests.apk, INSTRUMENTATION_TEST_PACKAGE, apk",
    })
    void bytesThatFitTheTypeSucceed(String name, String type, String content) throws Exception {
        Upload u = create(name, UploadType.fromValue(type));
        byte[] bytes = switch (content) {
            case "ipa" -> SampleFiles.ipa();
            case "apk" -> SampleFiles.apk();
            case "spec" -> SampleFiles.testSpec();
            default -> SampleFiles.zip("tests/Test.class");
        };
        put(u.url(), bytes, null);
        advance(5);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.SUCCEEDED);
    }

    @Test
    void theScenarioMarksFilesBadByName() throws Exception {
        simulator.scenario().prependUploadScript(new UploadScript("(?i)broken", 30, "FAILED",
                "The APK is signed with a debug key that expired.", "{\"errorCode\":\"SIGNATURE\"}", null));
        Upload u = create("Broken-App.apk", UploadType.ANDROID_APP);
        put(u.url(), SampleFiles.apk(), null);
        advance(29);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.PROCESSING);
        advance(1);
        Upload failed = get(u.arn());
        assertThat(failed.status()).isEqualTo(UploadStatus.FAILED);
        assertThat(failed.message()).isEqualTo("The APK is signed with a debug key that expired.");
        assertThat(failed.metadata()).isEqualTo("{\"errorCode\":\"SIGNATURE\"}");
    }

    @Test
    void theDemoScenarioFailsCorruptFiles() throws Exception {
        Upload u = create("corrupt-build.apk", UploadType.ANDROID_APP);
        put(u.url(), SampleFiles.apk(), null);
        advance(5);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.FAILED);
        assertThat(get(u.arn()).message()).contains("corrupt");
    }

    @Test
    void badRequestsAreRefusedAsDeviceFarmRefusesThem() {
        assertThatThrownBy(() -> create("app.ipa", UploadType.ANDROID_APP)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining(".apk");
        assertThatThrownBy(() -> create("app.apk", UploadType.IOS_APP)).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> create("tests.apk", UploadType.APPIUM_JAVA_JUNIT_TEST_PACKAGE)).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> create("spec.zip", UploadType.APPIUM_JAVA_JUNIT_TEST_SPEC)).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> create("dir/app.apk", UploadType.ANDROID_APP)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("slash");
        assertThatThrownBy(() -> create("x".repeat(253) + ".apk", UploadType.ANDROID_APP)).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> client.createUpload(r -> r.projectArn(project).name("a.apk").type("CALABASH_APP")))
                .isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> client.createUpload(r -> r.projectArn(project).type(UploadType.ANDROID_APP)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> client.createUpload(r -> r.projectArn(project).name("a.apk")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> client.createUpload(r -> r.projectArn(project.replace("4d10", "4d11")).name("a.apk")
                .type(UploadType.ANDROID_APP))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> get(project.replace(":project:", ":upload:") + "/00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> get(project)).isInstanceOf(ArgumentException.class);
    }

    @Test
    void thePutUrlIsRefusedWhenWrongExpiredRepeatedChunkedOrOfAnotherContentType() throws Exception {
        Upload u = create("app.apk", UploadType.ANDROID_APP);
        String forged = u.url().replaceFirst("/_uploads/[0-9a-f]{8}", "/_uploads/00000000");
        assertThat(put(forged, SampleFiles.apk(), null).statusCode()).isEqualTo(403);
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(u.url()))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> InputStream.nullInputStream())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.INITIALIZED);
        assertThat(put(u.url(), SampleFiles.apk(), null).statusCode()).isEqualTo(200);
        assertThat(put(u.url(), SampleFiles.apk(), null).statusCode()).isEqualTo(403);

        Upload typed = client.createUpload(r -> r.projectArn(project).name("b.apk").type(UploadType.ANDROID_APP)
                .contentType("application/vnd.android.package-archive")).upload();
        HttpResponse<String> wrongType = put(typed.url(), SampleFiles.apk(), "application/octet-stream");
        assertThat(wrongType.statusCode()).isEqualTo(403);
        assertThat(wrongType.body()).contains("SignatureDoesNotMatch").doesNotContain(typed.url());
        assertThat(put(typed.url(), SampleFiles.apk(), "application/vnd.android.package-archive").statusCode()).isEqualTo(200);

        Upload late = create("c.apk", UploadType.ANDROID_APP);
        advance(Uploads.URL_VALIDITY.toSeconds() + 1);
        assertThat(put(late.url(), SampleFiles.apk(), null).statusCode()).isEqualTo(403);
        assertThat(get(late.arn()).url()).isNull();
        assertThat(get(late.arn()).status()).isEqualTo(UploadStatus.INITIALIZED);
    }

    @Test
    void deleteUploadForgetsItAndItsUrl() throws Exception {
        Upload u = create("app.apk", UploadType.ANDROID_APP);
        client.deleteUpload(r -> r.arn(u.arn()));
        assertThatThrownBy(() -> get(u.arn())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.deleteUpload(r -> r.arn(u.arn()))).isInstanceOf(NotFoundException.class);
        assertThat(put(u.url(), SampleFiles.apk(), null).statusCode()).isEqualTo(403);
    }

    @Test
    void listUploadsPagesNewestFirstAndFiltersByType() {
        Upload first = create("one.apk", UploadType.ANDROID_APP);
        advance(1);
        Upload spec = create("spec.yml", UploadType.APPIUM_JAVA_TESTNG_TEST_SPEC);
        advance(1);
        Upload second = create("two.apk", UploadType.ANDROID_APP);
        List<String> all = client.listUploadsPaginator(r -> r.arn(project)).uploads().stream().map(Upload::arn).toList();
        assertThat(all).containsExactly(second.arn(), spec.arn(), first.arn());
        List<String> apps = client.listUploadsPaginator(r -> r.arn(project).type(UploadType.ANDROID_APP)).uploads()
                .stream().map(Upload::arn).toList();
        assertThat(apps).containsExactly(second.arn(), first.arn());
        assertThat(client.listUploads(r -> r.arn(simulator.projectArns().get(1))).uploads()).isEmpty();
        assertThatThrownBy(() -> client.listUploads(r -> r.arn(project).type("APK"))).isInstanceOf(ArgumentException.class);
    }

    @Test
    void fiveHundredMegabytesStreamThrough() throws Exception {
        long size = 500L * 1024 * 1024;
        Upload u = create("big.zip", UploadType.EXTERNAL_DATA);
        HttpRequest request = HttpRequest.newBuilder(URI.create(u.url()))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> SampleFiles.zipLike(size)), size))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        advance(5);
        assertThat(get(u.arn()).status()).isEqualTo(UploadStatus.SUCCEEDED);
    }
    private Upload create(String name, UploadType type) {
        return client.createUpload(r -> r.projectArn(project).name(name).type(type)).upload();
    }

    private Upload get(String arn) {
        return client.getUpload(r -> r.arn(arn)).upload();
    }
}
