package io.jenkins.plugins.devicefarm.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.model.Outcome;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reading framework reports (JUnit, TestNG, hostile XML) and writing remote strings into JUnit XML. */
class FrameworkReportsTest {

    @Test
    void readsTestNgResultsWithoutConfigurationMethods() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <testng-results skipped="1" failed="1" total="3" passed="1">
                  <suite name="Suite"><test name="Android"><class name="com.example.CartTest">
                    <test-method status="PASS" is-config="true" name="setUp" duration-ms="5"/>
                    <test-method status="PASS" name="addsItem" duration-ms="1200"/>
                    <test-method status="FAIL" name="paysWithCard" duration-ms="3400">
                      <exception class="java.lang.AssertionError"><message><![CDATA[expected [paid] but found [declined]]]></message></exception>
                    </test-method>
                    <test-method status="SKIP" name="refunds" duration-ms="0"/>
                  </class></test></suite>
                </testng-results>""";
        List<SuiteResult> suites = FrameworkReports.fromXml(stream(xml));
        assertThat(suites).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("com.example.CartTest");
            assertThat(s.result()).isEqualTo("FAILED");
            assertThat(s.counters().getTotal()).isEqualTo(3);
            assertThat(s.tests()).extracting(TestCaseResult::name).containsExactly("addsItem", "paysWithCard", "refunds");
            assertThat(s.tests()).extracting(TestCaseResult::result).containsExactly("PASSED", "FAILED", "SKIPPED");
            assertThat(s.tests().get(1).message()).isEqualTo("expected [paid] but found [declined]");
            assertThat(s.tests().get(1).duration()).isEqualTo(Duration.ofMillis(3400));
        });
    }

    @Test
    void readsJUnitSuitesFromAZipAndIgnoresOtherXml(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("artifacts.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "reports/TEST-Login.xml", """
                    <testsuites><testsuite name="Login" time="2.5">
                      <testcase classname="Login" name="ok" time="1.25"/>
                      <testcase classname="Login" name="bad" time="1"><error type="NPE">java.lang.NullPointerException
                        at Login.bad</error></testcase>
                    </testsuite></testsuites>""");
            entry(out, "AndroidManifest.xml", "<manifest package=\"x\"/>");
            entry(out, "broken.xml", "<testsuite name=");
        }
        List<SuiteResult> suites = FrameworkReports.fromZip(zip);
        assertThat(suites).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Login");
            assertThat(s.tests()).extracting(TestCaseResult::result).containsExactly("PASSED", "ERRORED");
            assertThat(s.tests().get(1).message()).isEqualTo("java.lang.NullPointerException");
            assertThat(s.tests().get(0).duration()).isEqualTo(Duration.ofMillis(1250));
        });
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<testsuite name=\"s\"><testcase name=\"t\"><failure message=\"&x;\"/></testcase></testsuite>";
        List<SuiteResult> suites = FrameworkReports.fromXml(stream(xml));
        assertThat(suites.toString()).doesNotContain("TOP-SECRET");
    }

    @Test
    void remoteStringsAreEscapedAndStrippedOfWhatXmlCannotHold() throws Exception {
        String nasty = "a\u0000b\u001Bc <]]> & \"d\" \uD800 é";
        SuiteResult suite = new SuiteResult("S <&>", "FAILED", null, Duration.ofSeconds(3), null, List.of(
                new TestCaseResult("t1 <x>", "FAILED", nasty, Duration.ofMillis(1500)),
                new TestCaseResult("t2", "WARNED", "slow", Duration.ZERO),
                new TestCaseResult("t3", "STOPPED", null, Duration.ZERO)));
        Outcome job = Outcome.builder(ArnKind.JOB, "arn:aws:devicefarm:us-west-2:123456789012:job:p/r/00000")
                .deviceName("Pixel \"8\" <beta>").build();
        RunResults results = new RunResults(Outcome.builder(ArnKind.RUN, "arn:aws:devicefarm:us-west-2:123456789012:run:p/r")
                .name("run & co").build(), List.of(new JobResults(job, "14", List.of(suite), JobResults.Source.DEVICE_FARM)));
        Document xml = ResultTreeFetcherTest.parse(results);
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("abc <]]> & \"d\"  é");
        assertThat(failure.getTextContent()).isEqualTo("abc <]]> & \"d\"  é");
        Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("classname")).isEqualTo("Pixel \"8\" <beta> (14).S <&>");
        assertThat(testcase.getAttribute("time")).isEqualTo("1.500");
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("Device Farm: WARNED: slow");
        assertThat(((Element) xml.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("Stopped on Device Farm");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
