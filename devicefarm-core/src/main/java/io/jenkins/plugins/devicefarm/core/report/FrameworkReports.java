package io.jenkins.plugins.devicefarm.core.report;

import io.jenkins.plugins.devicefarm.core.model.Counters;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The test framework's own report in a custom-mode customer artifact zip: every JUnit XML
 * ({@code <testsuite>}/{@code <testsuites>}, as Surefire, Gradle, pytest and Mocha write it) and
 * TestNG XML ({@code <testng-results>}) entry becomes suites and tests. Other XML files are ignored.
 * The parser reads no DTDs and no external entities; entries over {@link #MAX_ENTRY_BYTES} are skipped.
 */
public final class FrameworkReports {
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    private FrameworkReports() {}

    /**
     * {@code results} with the per-test results of each custom-mode job taken from its customer
     * artifact zip ({@code zipsByJobArn}: job ARN to the downloaded zip). Jobs without a zip, or whose
     * zip holds no report, keep their wrapper suites, and {@link RunResults#notes()} names them.
     */
    public static RunResults applyTo(RunResults results, Map<String, Path> zipsByJobArn) throws IOException {
        RunResults applied = results;
        for (JobResults job : results.jobs()) {
            Path zip = zipsByJobArn.get(job.job().getArn());
            if (job.source() == JobResults.Source.WRAPPERS_ONLY && zip != null && Files.isRegularFile(zip)) {
                List<SuiteResult> suites = fromZip(zip);
                if (!suites.isEmpty()) {
                    applied = applied.withFrameworkReport(job.job().getArn(), suites);
                }
            }
        }
        return applied;
    }

    /** The suites of every JUnit or TestNG report in the zip; empty when it holds none. */
    public static List<SuiteResult> fromZip(Path zip) throws IOException {
        List<SuiteResult> suites = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    suites.addAll(fromXml(new Bounded(in, MAX_ENTRY_BYTES)));
                }
            }
        }
        return suites;
    }

    /** The suites of one XML report; empty for XML that is no JUnit or TestNG report, or not XML at all. */
    public static List<SuiteResult> fromXml(InputStream in) {
        try {
            XMLStreamReader xml = factory().createXMLStreamReader(in);
            try {
                while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                    // up to the root element
                }
                if (!xml.isStartElement()) {
                    return List.of();
                }
                return switch (xml.getLocalName()) {
                    case "testsuite", "testsuites" -> junit(xml);
                    case "testng-results" -> testng(xml);
                    default -> List.of();
                };
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | TooBig e) {
            return List.of(); // not a report we can read: the caller falls back to Device Farm's counters
        }
    }

    private static List<SuiteResult> junit(XMLStreamReader xml) throws XMLStreamException {
        List<SuiteResult> suites = new ArrayList<>();
        String suite = null;
        List<TestCaseResult> tests = new ArrayList<>();
        Duration suiteTime = Duration.ZERO;
        String name = null;
        String result = null;
        String message = null;
        Duration time = Duration.ZERO;
        for (int event = xml.getEventType(); ; event = xml.next()) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "testsuite" -> {
                        suite = attr(xml, "name");
                        suiteTime = seconds(attr(xml, "time"));
                        tests = new ArrayList<>();
                    }
                    case "testcase" -> {
                        name = attr(xml, "name");
                        result = "PASSED";
                        message = null;
                        time = seconds(attr(xml, "time"));
                        if (suite == null) {
                            suite = attr(xml, "classname");
                        }
                    }
                    case "failure", "error", "skipped" -> {
                        if (name != null && "PASSED".equals(result)) {
                            result = switch (xml.getLocalName()) {
                                case "failure" -> "FAILED";
                                case "error" -> "ERRORED";
                                default -> "SKIPPED";
                            };
                            message = attr(xml, "message");
                            String text = xml.getElementText();
                            if ((message == null || message.isBlank()) && !text.isBlank()) {
                                message = text.strip().lines().findFirst().orElse(null);
                            }
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("testcase".equals(xml.getLocalName()) && name != null) {
                    tests.add(new TestCaseResult(name, result, message, time));
                    name = null;
                } else if ("testsuite".equals(xml.getLocalName())) {
                    suites.add(suite(suite, suiteTime, tests));
                    suite = null;
                    tests = new ArrayList<>();
                }
            }
            if (!xml.hasNext()) {
                break;
            }
        }
        return suites;
    }

    private static List<SuiteResult> testng(XMLStreamReader xml) throws XMLStreamException {
        Map<String, List<TestCaseResult>> byClass = new LinkedHashMap<>();
        String className = null;
        String name = null;
        String result = null;
        String message = null;
        Duration time = Duration.ZERO;
        for (int event = xml.getEventType(); ; event = xml.next()) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "class" -> className = attr(xml, "name");
                    case "test-method" -> {
                        boolean config = "true".equals(attr(xml, "is-config"));
                        name = config ? null : attr(xml, "name");
                        result = switch (String.valueOf(attr(xml, "status"))) {
                            case "FAIL" -> "FAILED";
                            case "SKIP" -> "SKIPPED";
                            default -> "PASSED";
                        };
                        message = null;
                        time = millis(attr(xml, "duration-ms"));
                    }
                    case "message" -> {
                        if (name != null && message == null) {
                            message = xml.getElementText().strip();
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "test-method".equals(xml.getLocalName()) && name != null) {
                byClass.computeIfAbsent(className == null ? "TestNG" : className, k -> new ArrayList<>())
                        .add(new TestCaseResult(name, result, message, time));
                name = null;
            }
            if (!xml.hasNext()) {
                break;
            }
        }
        List<SuiteResult> suites = new ArrayList<>();
        byClass.forEach((cls, tests) -> suites.add(suite(cls, tests.stream().map(TestCaseResult::duration)
                .reduce(Duration.ZERO, Duration::plus), tests)));
        return suites;
    }

    private static SuiteResult suite(String name, Duration time, List<TestCaseResult> tests) {
        int[] c = new int[5];
        String worst = "PASSED";
        List<String> order = List.of("PASSED", "SKIPPED", "FAILED", "ERRORED");
        for (TestCaseResult t : tests) {
            c[order.indexOf(t.result())]++;
            worst = order.indexOf(t.result()) > order.indexOf(worst) ? t.result() : worst;
        }
        Counters counters = new Counters(tests.size(), c[0], c[2], 0, c[3], 0, c[1]);
        return new SuiteResult(name, worst, null, time, counters, tests);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static String attr(XMLStreamReader xml, String name) {
        return xml.getAttributeValue(null, name);
    }

    private static Duration seconds(String s) {
        try {
            return s == null ? Duration.ZERO : Duration.ofMillis(Math.round(Double.parseDouble(s.replace(",", "")) * 1000));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static Duration millis(String s) {
        try {
            return s == null ? Duration.ZERO : Duration.ofMillis(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** Too much data in one entry: treated like unreadable XML. */
    private static final class TooBig extends RuntimeException {
        TooBig() {
            super("entry too large", null, false, false);
        }
    }

    /** One zip entry, not closing the zip, failing past a size bound (a zip bomb stops here). */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            left -= n;
            if (left < 0) {
                throw new TooBig();
            }
        }

        @Override
        public void close() {
            // the zip stays open for its next entry
        }
    }
}
