package io.jenkins.plugins.devicefarm.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a run's results as one JUnit XML document ({@code <testsuites>}), the shape the junit
 * plugin and most CI tools read: one {@code <testsuite>} per device and suite, one
 * {@code <testcase>} per test. The class name is {@code <device>.<suite>}, so each device and suite package is
 * a package in Jenkins' test report and a test keeps its history across builds. FAILED becomes
 * {@code <failure>}, ERRORED {@code <error>}, SKIPPED, STOPPED and PENDING {@code <skipped>}; WARNED
 * passes with the warning in {@code <system-out>}. Every remote string is escaped by StAX and
 * stripped of characters XML 1.0 cannot carry.
 */
public final class JUnitXmlWriter {
    private JUnitXmlWriter() {}

    public static void write(RunResults results, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", results.run().getName());
            Set<String> devices = new HashSet<>();
            for (JobResults job : results.jobs()) {
                if (job.source() == JobResults.Source.WRAPPERS_ONLY) {
                    continue; // no per-test results: RunResults.notes() says so in the log
                }
                String device = unique(devices, job.deviceLabel());
                Map<String, Integer> suiteNames = new HashMap<>();
                for (SuiteResult suite : job.suites()) {
                    writeSuite(xml, device, suite, suiteNames);
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, String device, SuiteResult suite, Map<String, Integer> names)
            throws XMLStreamException {
        int seen = names.merge(suite.name(), 1, Integer::sum);
        String className = device + "." + suite.name() + (seen > 1 ? " (" + seen + ")" : "");
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (TestCaseResult t : suite.tests()) {
            switch (t.result()) {
                case "FAILED" -> failures++;
                case "ERRORED" -> errors++;
                case "SKIPPED", "STOPPED", "PENDING" -> skipped++;
                default -> { }
            }
        }
        xml.writeStartElement("testsuite");
        attribute(xml, "name", className);
        xml.writeAttribute("tests", String.valueOf(suite.tests().size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", seconds(suite.duration()));
        for (TestCaseResult test : suite.tests()) {
            xml.writeStartElement("testcase");
            attribute(xml, "classname", className);
            attribute(xml, "name", test.name());
            xml.writeAttribute("time", seconds(test.duration()));
            writeOutcome(xml, test);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void writeOutcome(XMLStreamWriter xml, TestCaseResult test) throws XMLStreamException {
        String message = test.message();
        switch (test.result()) {
            case "FAILED", "ERRORED" -> {
                xml.writeStartElement("FAILED".equals(test.result()) ? "failure" : "error");
                attribute(xml, "message", message == null ? test.result().toLowerCase(Locale.ROOT) : message);
                xml.writeAttribute("type", test.result());
                if (message != null) {
                    xml.writeCharacters(clean(message));
                }
                xml.writeEndElement();
            }
            case "SKIPPED", "STOPPED", "PENDING" -> {
                xml.writeStartElement("skipped");
                String why = switch (test.result()) {
                    case "STOPPED" -> "Stopped on Device Farm" + (message == null ? "" : ": " + message);
                    case "PENDING" -> "Did not finish on Device Farm";
                    default -> message;
                };
                if (why != null) {
                    attribute(xml, "message", why);
                }
                xml.writeEndElement();
            }
            case "WARNED" -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean("Device Farm: WARNED" + (message == null ? "" : ": " + message)));
                xml.writeEndElement();
            }
            default -> { }
        }
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, clean(value == null ? "" : value));
    }

    /** Drops what XML 1.0 cannot hold at all (most control characters, lone surrogates); StAX escapes the rest. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (ok) {
                b.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return b.toString();
    }

    private static String unique(Set<String> used, String name) {
        String candidate = name;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
