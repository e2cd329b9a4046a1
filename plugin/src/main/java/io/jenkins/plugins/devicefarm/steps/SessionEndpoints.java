package io.jenkins.plugins.devicefarm.steps;

import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session endpoints in memory only, by session ARN. They are secret-bearing URLs, so they are
 * never written to program.dat or build.xml: after a restart the session step reads them again
 * from Device Farm and puts them back here.
 */
final class SessionEndpoints {
    private static final Map<String, RemoteEndpoints> ENDPOINTS = new ConcurrentHashMap<>();

    private SessionEndpoints() {}

    static void put(String arn, RemoteEndpoints endpoints) {
        if (arn != null && endpoints != null && !endpoints.isEmpty()) {
            ENDPOINTS.put(arn, endpoints);
        }
    }

    static RemoteEndpoints get(String arn) {
        RemoteEndpoints e = arn == null ? null : ENDPOINTS.get(arn);
        return e == null ? RemoteEndpoints.NONE : e;
    }

    static void remove(String arn) {
        if (arn != null) {
            ENDPOINTS.remove(arn);
        }
    }
}
