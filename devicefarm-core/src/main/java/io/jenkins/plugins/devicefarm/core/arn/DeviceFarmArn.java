package io.jenkins.plugins.devicefarm.core.arn;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A validated Device Farm ARN. Parsing checks partition, service, region, account and the id
 * shape of the expected kind, so a wrong value fails before any request is sent.
 *
 * <p>A plain final class rather than a record: Jenkins persists these with XStream and
 * JBoss Marshalling, which cannot rebuild records.
 */
public final class DeviceFarmArn implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Device Farm is served from one region only. */
    public static final String REGION = "us-west-2";
    /** ARNs are at most this long in the Device Farm API model. */
    static final int MAX_LENGTH = 1011;

    private static final Pattern SHAPE =
            Pattern.compile("arn:([^:]*):([^:]*):([^:]*):([^:]*):([^:/]*):(.*)");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private final String arn;
    private final ArnKind kind;
    private final String account;
    private final String resourceId;

    private DeviceFarmArn(String arn, ArnKind kind, String account, String resourceId) {
        this.arn = arn;
        this.kind = kind;
        this.account = account;
        this.resourceId = resourceId;
    }

    /**
     * Parses {@code value} as an ARN of one of the {@code expected} kinds (any kind when none
     * is given). {@code field} names the input in messages, e.g. {@code "projectArn"}.
     */
    public static DeviceFarmArn parse(String field, String value, ArnKind... expected) {
        String want = expected.length == 0 ? "a Device Farm ARN" : describe(expected);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is empty", "Enter " + want + example(expected));
        }
        String text = value.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "is " + text.length() + " characters long, more than an ARN can be ("
                    + MAX_LENGTH + ")", "Enter " + want + example(expected));
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new InvalidInputException(field, "'" + shorten(text) + "' is not an ARN",
                    "Enter " + want + example(expected));
        }
        if (!"aws".equals(m.group(1))) {
            throw new InvalidInputException(field, "partition '" + shorten(m.group(1)) + "' is not served by Device Farm",
                    "Use an ARN that starts with arn:aws:devicefarm:");
        }
        if (!"devicefarm".equals(m.group(2))) {
            throw new InvalidInputException(field, "is an ARN of service '" + shorten(m.group(2)) + "', not Device Farm",
                    "Enter " + want + example(expected));
        }
        if (!REGION.equals(m.group(3))) {
            throw new InvalidInputException(field, "region '" + shorten(m.group(3)) + "' is not a Device Farm region",
                    "Device Farm ARNs are in " + REGION);
        }
        ArnKind kind = ArnKind.ofType(m.group(5));
        if (kind == null) {
            throw new InvalidInputException(field, "resource type '" + shorten(m.group(5)) + "' is not a Device Farm type",
                    "Enter " + want + example(expected));
        }
        if (expected.length > 0 && !Arrays.asList(expected).contains(kind)) {
            throw new InvalidInputException(field, "is the ARN of " + kind.withArticle() + ", not " + want,
                    "Enter " + want + example(expected));
        }
        String account = m.group(4);
        if (account.isEmpty() ? kind.accountRequired() : !ACCOUNT.matcher(account).matches()) {
            throw new InvalidInputException(field, account.isEmpty() ? "has no account id"
                    : "account '" + shorten(account) + "' is not a 12-digit AWS account id", "Check the ARN" + example(expected));
        }
        String id = m.group(6);
        String[] segments = id.split("/", -1);
        int wanted = kind.segments() > 0 ? kind.segments() : (account.isEmpty() ? 1 : 2);
        boolean segmentsOk = segments.length == wanted
                && Arrays.stream(segments).allMatch(s -> SEGMENT.matcher(s).matches());
        if (!segmentsOk) {
            throw new InvalidInputException(field, "the " + kind.displayName() + " id '" + shorten(id) + "' is malformed",
                    "Copy the whole ARN from the Device Farm console or CLI" + example(expected));
        }
        return new DeviceFarmArn(text, kind, account, id);
    }

    public ArnKind kind() {
        return kind;
    }

    /** The 12-digit account, or empty for public devices and curated pools. */
    public String account() {
        return account;
    }

    /** The part after the type, e.g. {@code projectId/runId} for a run. */
    public String resourceId() {
        return resourceId;
    }

    /** The id segments of {@link #resourceId()}. */
    public List<String> idSegments() {
        return List.of(resourceId.split("/"));
    }

    /** The project id for runs, jobs, sessions and projects; null otherwise. */
    public String projectId() {
        return switch (kind) {
            case PROJECT, RUN, JOB, SESSION -> idSegments().get(0);
            default -> null;
        };
    }

    /** The run a job belongs to; null for other kinds. */
    public DeviceFarmArn run() {
        if (kind != ArnKind.JOB) {
            return null;
        }
        String runId = resourceId.substring(0, resourceId.lastIndexOf('/'));
        return new DeviceFarmArn("arn:aws:devicefarm:" + REGION + ":" + account + ":run:" + runId, ArnKind.RUN, account, runId);
    }

    /** The AWS console page of a project, run, job or session; null for other kinds. */
    public String consoleUrl() {
        String base = "https://" + REGION + ".console.aws.amazon.com/devicefarm/home?region=" + REGION + "#/mobile/projects/";
        List<String> s = idSegments();
        return switch (kind) {
            case PROJECT -> base + s.get(0) + "/runs";
            case RUN -> base + s.get(0) + "/runs/" + s.get(1);
            case JOB -> base + s.get(0) + "/runs/" + s.get(1) + "/jobs/" + s.get(2);
            case SESSION -> base + s.get(0) + "/sessions/" + s.get(1);
            default -> null;
        };
    }

    @Override
    public String toString() {
        return arn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceFarmArn other && arn.equals(other.arn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arn);
    }

    private static String describe(ArnKind... kinds) {
        return "the ARN of " + Arrays.stream(kinds).map(ArnKind::withArticle).collect(Collectors.joining(" or "));
    }

    private static String example(ArnKind... kinds) {
        if (kinds.length == 0) {
            return "";
        }
        String e = switch (kinds[0]) {
            case PROJECT -> "arn:aws:devicefarm:us-west-2:123456789012:project:<project-id>";
            case DEVICE -> "arn:aws:devicefarm:us-west-2::device:<device-id>";
            case DEVICE_INSTANCE -> "arn:aws:devicefarm:us-west-2:123456789012:deviceinstance:<instance-id>";
            case RUN -> "arn:aws:devicefarm:us-west-2:123456789012:run:<project-id>/<run-id>";
            case JOB -> "arn:aws:devicefarm:us-west-2:123456789012:job:<project-id>/<run-id>/<job-id>";
            case SESSION -> "arn:aws:devicefarm:us-west-2:123456789012:session:<project-id>/<session-id>/<n>";
            case DEVICE_POOL -> "arn:aws:devicefarm:us-west-2::devicepool:<pool-id>";
            case UPLOAD -> "arn:aws:devicefarm:us-west-2:123456789012:upload:<project-id>/<upload-id>";
            case VPCE_CONFIGURATION -> "arn:aws:devicefarm:us-west-2:123456789012:vpceconfiguration:<id>";
            case NETWORK_PROFILE -> "arn:aws:devicefarm:us-west-2:123456789012:networkprofile:<project-id>/<id>";
        };
        return ", like " + e;
    }

    /** Keeps messages readable and bounded when the input is huge or hostile. */
    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
