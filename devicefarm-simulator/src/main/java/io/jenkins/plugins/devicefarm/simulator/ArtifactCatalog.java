package io.jenkins.plugins.devicefarm.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The artifacts of one job, derived from its results: nothing until the job has ended on a device;
 * then its device log and, in custom mode, the test spec output and the customer artifacts (zip and
 * log) at job level; a video per test that ran, a screenshot per failed or errored test, and the
 * scenario's extra screenshots on the test that ran the tests.
 */
final class ArtifactCatalog {
    private ArtifactCatalog() {}

    static List<SimArtifact> of(SimJob job, Instant now, ResultsScript script) {
        JobState state = job.state(now);
        List<SimArtifact> list = new ArrayList<>();
        if (!state.completed() || state.started() == null) {
            return list;
        }
        boolean ios = "IOS".equals(job.device().platform());
        add(list, job.arn(), ios ? "Syslog" : "Logcat", "DEVICE_LOG", ios ? "syslog" : "logcat", SimArtifact.Content.TEXT);
        boolean custom = JobResults.customMode(job.run());
        if (custom) {
            add(list, job.arn(), "Test spec output", "TESTSPEC_OUTPUT", "txt", SimArtifact.Content.TEXT);
            add(list, job.arn(), "Customer Artifacts", "CUSTOMER_ARTIFACT", "zip", SimArtifact.Content.CUSTOMER_ZIP);
            add(list, job.arn(), "Customer Artifacts Log", "CUSTOMER_ARTIFACT_LOG", "txt", SimArtifact.Content.TEXT);
        }
        String mainTest = null;
        for (ResultState suite : JobResults.suites(job, now)) {
            for (ResultState test : suite.tests()) {
                boolean ran = test.started() != null && test.stopped() != null && test.stopped().isAfter(test.started());
                boolean wrapper = custom && !"Tests Test".equals(test.name());
                if (!ran || wrapper) {
                    continue;
                }
                mainTest = mainTest == null ? test.arn() : mainTest;
                add(list, test.arn(), "Video", "VIDEO", "mp4", SimArtifact.Content.VIDEO);
                if ("FAILED".equals(test.result()) || "ERRORED".equals(test.result())) {
                    add(list, test.arn(), test.name() + " failure", "SCREENSHOT", "png", SimArtifact.Content.SCREENSHOT);
                }
            }
        }
        for (int i = 1; mainTest != null && i <= script.extraScreenshots(); i++) {
            add(list, mainTest, String.format("Screenshot %05d", i), "SCREENSHOT", "png", SimArtifact.Content.SCREENSHOT);
        }
        return list;
    }

    /** Which ListArtifacts type (FILE, LOG, SCREENSHOT) an artifact type is listed under. */
    static String category(String type) {
        return switch (type) {
            case "SCREENSHOT" -> "SCREENSHOT";
            case "VIDEO", "CUSTOMER_ARTIFACT" -> "FILE";
            default -> "LOG";
        };
    }

    private static void add(List<SimArtifact> list, String parentArn, String name, String type, String extension,
                            SimArtifact.Content content) {
        int seq = list.size();
        String arn = parentArn.replaceFirst(":(job|test):", ":artifact:") + "/" + String.format("%05d", seq);
        list.add(new SimArtifact(seq, arn, parentArn, name, type, extension, category(type), content));
    }
}
