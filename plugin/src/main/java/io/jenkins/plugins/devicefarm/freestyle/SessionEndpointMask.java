package io.jenkins.plugins.devicefarm.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import io.jenkins.plugins.devicefarm.EndpointMasking;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks session endpoints in a build's log, the way credentials-binding's SecretBuildWrapper
 * masks secrets: the filter is made before setUp knows the endpoint, so it looks the build's
 * endpoints up in memory on every line. Endpoints are never written to disk; they are forgotten
 * when the build is finalized.
 */
public final class SessionEndpointMask extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Set<String>> ENDPOINTS = new ConcurrentHashMap<>();

    private final String buildId;

    SessionEndpointMask(Run<?, ?> build) {
        this.buildId = build.getExternalizableId();
    }

    static void register(Run<?, ?> build, Collection<String> endpoints) {
        if (!endpoints.isEmpty()) {
            ENDPOINTS.computeIfAbsent(build.getExternalizableId(), k -> ConcurrentHashMap.newKeySet()).addAll(endpoints);
        }
    }

    /** Called once the build's log is closed. */
    public static void forget(@NonNull Run<?, ?> build) {
        ENDPOINTS.remove(build.getExternalizableId());
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        Charset charset = build == null ? Charset.defaultCharset() : build.getCharset();
        return new EndpointMasking(logger, () -> ENDPOINTS.getOrDefault(buildId, Set.of()), charset);
    }
}
