package io.jenkins.plugins.devicefarm.steps;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session endpoints in memory only, by session ARN. The endpoint is a secret-bearing URL, so
 * it is never written to program.dat or build.xml: after a restart the session step reads it
 * again from Device Farm and puts it back here.
 */
final class SessionEndpoints {
    private static final Map<String, String> ENDPOINTS = new ConcurrentHashMap<>();

    private SessionEndpoints() {}

    static void put(String arn, String endpoint) {
        if (endpoint != null && !endpoint.isEmpty()) {
            ENDPOINTS.put(arn, endpoint);
        }
    }

    static String get(String arn) {
        return arn == null ? null : ENDPOINTS.get(arn);
    }

    static void remove(String arn) {
        ENDPOINTS.remove(arn);
    }
}
