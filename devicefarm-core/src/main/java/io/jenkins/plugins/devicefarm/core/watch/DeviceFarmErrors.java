package io.jenkins.plugins.devicefarm.core.watch;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Sorts SDK failures into "try again later" and "tell the user", and words the message. */
public final class DeviceFarmErrors {
    private DeviceFarmErrors() {}

    /** Device Farm asked us to slow down. */
    public static boolean isThrottling(Throwable t) {
        return t instanceof SdkServiceException e && e.isThrottlingException();
    }

    /** Worth trying again later: throttling, a server fault, or the network. */
    public static boolean isRetryable(Throwable t) {
        if (t instanceof SdkClientException) {
            return true; // no answer at all: connection refused or dropped, timeout
        }
        if (t instanceof SdkServiceException e) {
            return e.isThrottlingException() || e.statusCode() >= 500 || "InternalServiceException".equals(code(e));
        }
        return false;
    }

    /** Device Farm's error code (e.g. NotFoundException), or null for a network failure. */
    public static String code(Throwable t) {
        if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return null;
    }

    /**
     * A user-facing message for a failed {@code operation} on {@code subject} (an ARN or a
     * description): what happened and what to change. Never includes credentials or endpoints.
     */
    public static String describe(String operation, String subject, Throwable t) {
        String code = code(t);
        String detail = t instanceof AwsServiceException e && e.awsErrorDetails() != null
                ? e.awsErrorDetails().errorMessage() : t.getMessage();
        String what = "Device Farm " + operation + " for " + subject + " failed";
        if (t instanceof SdkClientException) {
            return what + ": could not reach Device Farm (" + detail + "). Check the network, the proxy and the endpoint override.";
        }
        if (code == null) {
            return what + ": " + detail;
        }
        String fix = switch (code) {
            case "NotFoundException" -> "Check the ARN, and that the credentials belong to the account that owns it.";
            case "ArgumentException" -> "Check the values given to the step.";
            case "LimitExceededException" -> quotaFix(operation);
            case "ServiceAccountException" -> "The AWS account is not set up for Device Farm; sign in to the console once to set it up.";
            case "NotEligibleException" -> "The account is not eligible for this; check its Device Farm settings.";
            case "InvalidOperationException" -> "Device Farm does not allow this in the resource's current state.";
            case "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
                 "MissingAuthenticationTokenException", "ExpiredTokenException", "InvalidClientTokenId" ->
                    "The AWS credentials were refused; check the credentials id and that its policy allows devicefarm:" + operation + ".";
            default -> isRetryable(t) ? "Device Farm is busy or failing; it was retried and will be again where possible." : "";
        };
        return what + ": " + code + ": " + (fix.isEmpty() ? detail : withoutFinalStop(detail) + ". " + fix);
    }

    /** Which account quota a LimitExceededException of {@code operation} hit (AWS's defaults), and what to do. */
    private static String quotaFix(String operation) {
        return switch (operation) {
            case "ScheduleRun" -> "Device Farm allows at most 250 jobs in flight per account by default, queued ones "
                    + "included: wait for runs to end or ask AWS to raise the quota.";
            case "CreateRemoteAccessSession" -> "Device Farm allows 2 metered remote access sessions at once by default: "
                    + "wait for sessions to end or ask AWS to raise the quota.";
            default -> "A Device Farm quota was reached: wait for runs or sessions to end or ask AWS to raise the quota.";
        };
    }

    private static String withoutFinalStop(String detail) {
        return detail != null && detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
    }
}
