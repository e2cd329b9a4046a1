package io.jenkins.plugins.devicefarm.simulator;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A session's secret URLs. {@code endpoint} is the legacy WebSocket URL Device Farm still returns;
 * the remote driver (a W3C WebDriver) and the interactive page are served by the simulator itself
 * under a secret path each, so whoever holds the URL holds the device, as on AWS.
 */
record SessionEndpoints(String endpoint, String driverToken, String remoteDriverEndpoint, String interactiveToken,
        String interactiveEndpoint) {
    static final String DRIVER_PREFIX = "/remote-driver/";
    static final String INTERACTIVE_PREFIX = "/interactive/";
    /** Where WebDriver commands start below the driver token, as Appium clients expect. */
    static final String DRIVER_BASE = "/wd/hub";

    static SessionEndpoints create(SecureRandom random, URI base, String sessionId) {
        String driverToken = token(random);
        String interactiveToken = token(random);
        String root = base.toString().replaceAll("/+$", "");
        return new SessionEndpoints(
                "wss://devicefarm-interactive-global." + Arns.REGION + ".api.aws/remote-access/session/" + sessionId
                        + "?X-Amz-Security-Token=" + token(random),
                driverToken,
                root + DRIVER_PREFIX + driverToken + DRIVER_BASE,
                interactiveToken,
                root + INTERACTIVE_PREFIX + interactiveToken + "/");
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
