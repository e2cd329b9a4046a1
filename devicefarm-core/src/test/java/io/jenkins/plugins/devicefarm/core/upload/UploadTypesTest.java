package io.jenkins.plugins.devicefarm.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.devicefarm.model.TestType;
import software.amazon.awssdk.services.devicefarm.model.UploadType;

class UploadTypesTest {
    @ParameterizedTest
    @CsvSource({"app/build/app-debug.apk, ANDROID_APP", "Demo.IPA, IOS_APP", "site.zip, WEB_APP", "C:\\\\out\\\\a.apk, ANDROID_APP"})
    void theAppTypeComesFromTheFileName(String file, UploadType type) {
        assertThat(UploadTypes.forApp("app", file)).isEqualTo(type);
    }

    @Test
    void anythingElseIsNotAnApp() {
        assertThatThrownBy(() -> UploadTypes.forApp("app", "app.aab")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("app: 'app.aab' is not an app file");
    }

    @ParameterizedTest
    @EnumSource(value = TestType.class, names = {"UNKNOWN_TO_SDK_VERSION", "BUILTIN_FUZZ"}, mode = EnumSource.Mode.EXCLUDE)
    void everyTestTypeButFuzzHasATestPackageType(TestType testType) {
        UploadType t = UploadTypes.testPackage("testPackage", testType);
        assertThat(t).isNotEqualTo(UploadType.UNKNOWN_TO_SDK_VERSION);
        assertThat(t.toString()).isEqualTo(testType + "_TEST_PACKAGE");
    }

    @Test
    void fuzzTakesNoPackageAndSomeTypesNoSpec() {
        assertThatThrownBy(() -> UploadTypes.testPackage("testPackage", TestType.BUILTIN_FUZZ))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("testPackage: ");
        assertThatThrownBy(() -> UploadTypes.testSpec("testSpec", TestType.XCTEST))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("testSpec: XCTEST takes no test spec");
        assertThat(UploadTypes.testSpec("testSpec", TestType.APPIUM_WEB_RUBY)).isEqualTo(UploadType.APPIUM_WEB_RUBY_TEST_SPEC);
        assertThat(UploadTypes.testSpec("testSpec", TestType.XCTEST_UI)).isEqualTo(UploadType.XCTEST_UI_TEST_SPEC);
        assertThat(UploadTypes.extraData()).isEqualTo(UploadType.EXTERNAL_DATA);
    }

    @ParameterizedTest
    @CsvSource({
        "tests.zip, APPIUM_PYTHON_TEST_PACKAGE, ", "spec.yaml, APPIUM_PYTHON_TEST_SPEC, ", "spec.YML, XCTEST_UI_TEST_SPEC, ",
        "tests.apk, INSTRUMENTATION_TEST_PACKAGE, ", "runner.ipa, XCTEST_UI_TEST_PACKAGE, ",
        "tests.jar, APPIUM_JAVA_JUNIT_TEST_PACKAGE, .zip", "spec.json, APPIUM_NODE_TEST_SPEC, .yml",
        "tests.zip, INSTRUMENTATION_TEST_PACKAGE, .apk", "data.tar, EXTERNAL_DATA, .zip",
    })
    void namesMustEndAsTheTypeRequires(String name, UploadType type, String missing) {
        if (missing == null) {
            UploadTypes.requireName("testPackage", name, type);
        } else {
            assertThatThrownBy(() -> UploadTypes.requireName("testPackage", name, type)).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("testPackage: '" + name + "' does not end in " + missing);
        }
    }
}
