package io.jenkins.plugins.devicefarm.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The bytes of an artifact file. The customer artifact zip holds what a JUnit-style framework writes
 * on the host in custom mode: one {@code TEST-<suite>.xml} per suite of the job's tests (the same
 * tests, results and messages the job's counters count) and a host log.
 */
final class ArtifactContent {
    static final String REPORT_DIR = "Host_Machine_Files/$DEVICEFARM_LOG_DIR/test-reports/";

    private ArtifactContent() {}

    static byte[] bytes(SimArtifact artifact, SimJob job, Instant now) {
        return switch (artifact.content()) {
            case VIDEO -> TinyMedia.MP4;
            case SCREENSHOT -> TinyMedia.PNG;
            case CUSTOMER_ZIP -> customerZip(job, now);
            case TEXT -> text(artifact, job);
        };
    }

    static String contentType(SimArtifact artifact) {
        return switch (artifact.content()) {
            case VIDEO -> "video/mp4";
            case SCREENSHOT -> "image/png";
            case CUSTOMER_ZIP -> "application/zip";
            case TEXT -> "text/plain; charset=utf-8";
        };
    }

    private static byte[] text(SimArtifact artifact, SimJob job) {
        String body = "[" + artifact.type() + "] " + artifact.name() + "\n"
                + "device: " + job.device().name() + " (" + job.device().platform() + " " + job.device().os() + ")\n"
                + "job: " + job.arn() + "\n"
                + "simulated output line 1\nsimulated output line 2\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] customerZip(SimJob job, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (ResultState suite : JobResults.frameworkSuites(job, now)) {
                zip.putNextEntry(new ZipEntry(REPORT_DIR + "TEST-" + suite.name() + ".xml"));
                writeJUnit(suite, zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("Host_Machine_Files/$DEVICEFARM_LOG_DIR/host.log"));
            zip.write(("tests ran on " + job.device().name() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Surefire's shape: failures and errors with a message attribute, skipped (and stopped) as skipped. */
    private static void writeJUnit(ResultState suite, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            Counters c = suite.counters();
            xml.writeAttribute("name", suite.name());
            xml.writeAttribute("tests", String.valueOf(c.total()));
            xml.writeAttribute("failures", String.valueOf(c.failed()));
            xml.writeAttribute("errors", String.valueOf(c.errored()));
            xml.writeAttribute("skipped", String.valueOf(c.skipped() + c.stopped()));
            xml.writeAttribute("time", seconds(suite.started(), suite.stopped()));
            for (ResultState test : suite.tests()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", suite.name());
                xml.writeAttribute("name", test.name());
                xml.writeAttribute("time", seconds(test.started(), test.stopped()));
                writeOutcome(xml, test);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeOutcome(XMLStreamWriter xml, ResultState test) throws XMLStreamException {
        String element = switch (test.result()) {
            case "FAILED" -> "failure";
            case "ERRORED" -> "error";
            case "SKIPPED", "STOPPED", "PENDING" -> "skipped";
            default -> null;
        };
        if (element != null) {
            xml.writeStartElement(element);
            if (test.message() != null) {
                xml.writeAttribute("message", test.message());
            }
            if (!"skipped".equals(element)) {
                xml.writeAttribute("type", "FAILED".equals(test.result()) ? "java.lang.AssertionError" : "java.lang.IllegalStateException");
                xml.writeCharacters(test.message() == null ? "" : test.message());
            }
            xml.writeEndElement();
        }
    }

    private static String seconds(Instant from, Instant to) {
        double s = from == null || to == null ? 0 : Timing.seconds(from, to);
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
