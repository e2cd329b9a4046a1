package io.jenkins.plugins.devicefarm.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses requests that are not SigV4-signed for Device Farm, with the errors AWS uses, so a client
 * that forgets to sign (or signs for another service) fails here as it would against AWS. The
 * signature itself is not verified: any credentials are accepted.
 */
final class SigV4Check {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=[^/\\s]+/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request,.*SignedHeaders=.+,.*Signature=[0-9a-f]+.*");

    private SigV4Check() {}

    /** @throws ApiException MissingAuthenticationTokenException (403) or InvalidSignatureException (400) */
    static void check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw new ApiException("IncompleteSignatureException", 400,
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters"
                            + " of an AWS4-HMAC-SHA256 signature.");
        }
        if (!"devicefarm".equals(m.group(2))) {
            throw new ApiException("InvalidSignatureException", 400,
                    "Credential should be scoped to correct service: 'devicefarm'.");
        }
        if (!Arns.REGION.equals(m.group(1))) {
            throw new ApiException("InvalidSignatureException", 400,
                    "Credential should be scoped to a valid region, not '" + m.group(1) + "'.");
        }
    }
}
