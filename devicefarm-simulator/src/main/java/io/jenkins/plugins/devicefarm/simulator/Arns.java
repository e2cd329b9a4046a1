package io.jenkins.plugins.devicefarm.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device Farm ARNs: {@code arn:aws:devicefarm:us-west-2:<account>:<type>:<id>}. Devices and curated
 * pools carry no account. Anything malformed or of the wrong kind is an ArgumentException, as on AWS.
 */
final class Arns {
    static final String REGION = "us-west-2";
    private static final String PREFIX = "arn:aws:devicefarm:" + REGION + ":";
    private static final Pattern ARN = Pattern.compile("arn:aws:devicefarm:([a-z0-9-]+):(\\d{12})?:([a-z]+):(\\S+)");

    /** The parts of a parsed ARN; {@code account} is empty for devices and curated pools. */
    record Parsed(String account, String type, String id) {}

    private Arns() {}

    static String project(String account, String projectId) {
        return PREFIX + account + ":project:" + projectId;
    }

    static String device(String deviceId) {
        return PREFIX + ":device:" + deviceId;
    }

    static String curatedDevicePool(String poolId) {
        return PREFIX + ":devicepool:" + poolId;
    }

    static String run(String account, String projectId, String runId) {
        return PREFIX + account + ":run:" + projectId + "/" + runId;
    }

    static String job(String account, String projectId, String runId, int index) {
        return PREFIX + account + ":job:" + projectId + "/" + runId + "/" + String.format("%05d", index);
    }

    static String upload(String account, String projectId, String uploadId) {
        return PREFIX + account + ":upload:" + projectId + "/" + uploadId;
    }

    static String session(String account, String projectId, String sessionId) {
        return PREFIX + account + ":session:" + projectId + "/" + sessionId + "/00000";
    }

    static String deviceInstance(String account, String instanceId) {
        return PREFIX + account + ":deviceinstance:" + instanceId;
    }

    static String vpceConfiguration(String account, String configurationId) {
        return PREFIX + account + ":vpceconfiguration:" + configurationId;
    }

    /** Parses {@code arn} of the given field and requires it to be of {@code expectedType}. */
    static Parsed parse(String field, String arn, String expectedType) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw ApiException.argument("Invalid " + field + ": " + arn + " is not a valid Device Farm ARN.");
        }
        if (!REGION.equals(m.group(1))) {
            throw ApiException.argument("Invalid " + field + ": Device Farm is only available in " + REGION + ".");
        }
        if (!m.group(3).equals(expectedType)) {
            throw ApiException.argument("Invalid " + field + ": expected a " + expectedType + " ARN, got " + arn + ".");
        }
        return new Parsed(m.group(2) == null ? "" : m.group(2), m.group(3), m.group(4));
    }
}
