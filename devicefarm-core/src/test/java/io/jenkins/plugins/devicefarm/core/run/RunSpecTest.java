package io.jenkins.plugins.devicefarm.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.devicefarm.model.ScheduleRunRequest;

/** The step's values checked before anything is uploaded: one line naming the field, for each kind of mistake. */
class RunSpecTest {
    private static final String PROJECT = "arn:aws:devicefarm:us-west-2:123456789012:project:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10";
    private static final String UPLOAD = "arn:aws:devicefarm:us-west-2:123456789012:upload:5e01a8c7-c861-4c0a-b1d5-6f2a9c3e4d10/abc";

    private static RunSpec spec(Consumer<RunSpec.Builder> change) {
        RunSpec.Builder b = RunSpec.builder();
        b.projectArn = PROJECT;
        b.testType = "APPIUM_JAVA_TESTNG";
        b.app = "app/build/app-debug.apk";
        b.testPackage = "tests/target/tests.zip";
        b.devicePool = "Top Android Devices";
        change.accept(b);
        return b.build();
    }

    private static String problem(Consumer<RunSpec.Builder> change) {
        String message = assertThrows(InvalidInputException.class, () -> spec(change)).getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    @Test
    void filesGetTheirUploadTypesFromTheirEndingAndTheTestType() {
        RunSpec s = spec(b -> b.auxiliaryApps = "helper.apk");
        assertEquals("ANDROID_APP", s.input("app").uploadType());
        assertEquals("APPIUM_JAVA_TESTNG_TEST_PACKAGE", s.input("testPackage").uploadType());
        assertEquals("ANDROID_APP", s.auxiliaryApps().get(0).uploadType());
        assertNull(spec(b -> b.app = UPLOAD).input("app").uploadType()); // an ARN's type is Device Farm's to say
    }

    @Test
    void theRequestCarriesEveryFieldWithTheUploadArns() {
        RunSpec s = spec(b -> {
            b.environmentVariables = "API_URL=https://staging.example.com";
            b.radiosOff = "nfc";
            b.deviceProxy = "proxy.example.com:8080";
            b.jobTimeoutMinutes = 30;
            b.locale = "de_DE";
        });
        ScheduleRunRequest r = s.request(input -> UPLOAD).toSdkRequest(null, "n [tag]");
        assertEquals(UPLOAD, r.appArn());
        assertEquals(UPLOAD, r.test().testPackageArn());
        assertEquals("API_URL", r.configuration().environmentVariables().get(0).name());
        assertFalse(r.configuration().radios().nfc());
        assertTrue(r.configuration().radios().wifi());
        assertEquals(8080, r.configuration().deviceProxy().port());
        assertEquals(30, r.executionConfiguration().jobTimeoutMinutes());
        assertEquals("de_DE", r.configuration().locale());
    }

    @Test
    void filtersWithSeveralValues() {
        RunSpec s = spec(b -> {
            b.devicePool = null;
            b.deviceFilters = "PLATFORM EQUALS ANDROID\nOS_VERSION IN 13, 14";
            b.maxDevices = 5;
        });
        ScheduleRunRequest r = s.request(input -> UPLOAD).toSdkRequest(null, "n");
        assertEquals(List.of("13", "14"), r.deviceSelectionConfiguration().filters().get(1).values());
        assertEquals(5, r.deviceSelectionConfiguration().maxDevices());
    }

    @Test
    void eachMistakeNamesItsField() {
        assertTrue(problem(b -> b.testPackage = "tests/tests.apk").startsWith("testPackage: 'tests/tests.apk' does not end in .zip"));
        assertTrue(problem(b -> b.app = "app.exe").startsWith("app: 'app.exe' is not an app file"));
        assertTrue(problem(b -> b.testType = "FOO").startsWith("testType: 'FOO' is not a test type"));
        assertTrue(problem(b -> b.testPackage = null).startsWith("testPackage: is required"));
        assertTrue(problem(b -> b.deviceFilters = "PLATFORM EQUALS ANDROID").startsWith("devicePool: and deviceFilters are both given"));
        assertTrue(problem(b -> b.deviceFilters = "PLATFORM").startsWith("deviceFilters: 'PLATFORM' is not ATTRIBUTE OPERATOR VALUES"));
        assertTrue(problem(b -> b.environmentVariables = "1BAD=x").startsWith("environmentVariables:"));
        assertTrue(problem(b -> b.environmentVariables = "no equals sign").startsWith("environmentVariables: 'no equals sign' is not NAME=VALUE"));
        assertTrue(problem(b -> b.jobTimeoutMinutes = 500).startsWith("jobTimeoutMinutes: must be from 1 to 150"));
        assertTrue(problem(b -> b.timeoutMinutes = 0).startsWith("timeoutMinutes: must be at least 1"));
        assertTrue(problem(b -> b.artifacts = "VIDEOS").startsWith("artifacts: 'VIDEOS' is not a Device Farm artifact type"));
        assertTrue(problem(b -> b.locale = "english").startsWith("locale:"));
        assertTrue(problem(b -> b.latitude = "north").startsWith("latitude: 'north' is not a number"));
        assertTrue(problem(b -> b.latitude = "47.6").startsWith("longitude: is missing"));
        assertTrue(problem(b -> b.radiosOff = "fm").startsWith("radiosOff: 'fm' is not a radio"));
        assertTrue(problem(b -> b.deviceProxy = "host").startsWith("deviceProxy: 'host' is not HOST:PORT"));
        assertTrue(problem(b -> b.archive = true).startsWith("archive: there is nothing to archive"));
        assertTrue(problem(b -> b.projectArn = null).startsWith("projectArn: is empty"));
        assertTrue(problem(b -> {
            b.testType = "BUILTIN_FUZZ";
            b.testPackage = null;
            b.testSpec = "spec.yml";
        }).startsWith("testSpec: BUILTIN_FUZZ takes no test spec"));
    }

    @Test
    void groovyListsAndMapsBecomeOneValueALine() {
        Map<String, Object> flat = RunArguments.flatten(Map.of(
                "environmentVariables", Map.of("API_URL", "https://x"),
                "artifacts", List.of("VIDEO", "CUSTOMER_ARTIFACT"),
                "latitude", 47.6,
                "deviceFilters", List.of(Map.of("attribute", "OS_VERSION", "operator", "IN", "values", List.of("13", "14")))));
        assertEquals("API_URL=https://x", flat.get("environmentVariables"));
        assertEquals("VIDEO\nCUSTOMER_ARTIFACT", flat.get("artifacts"));
        assertEquals("OS_VERSION IN 13,14", flat.get("deviceFilters"));
        assertEquals("47.6", flat.get("latitude"));
    }
}
