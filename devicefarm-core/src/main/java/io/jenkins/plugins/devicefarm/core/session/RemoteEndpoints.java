package io.jenkins.plugins.devicefarm.core.session;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.devicefarm.model.RemoteAccessSession;

/**
 * The URLs of a RUNNING session: each one lets whoever holds it use the device, so all are
 * secrets. Never logged (toString names none), never persisted: read again from Device Farm.
 *
 * @param endpoint             the deprecated {@code endpoint}, which Device Farm still returns
 * @param remoteDriverEndpoint {@code endpoints.remoteDriverEndpoint}: a WebDriver (Appium) URL
 * @param interactiveEndpoint  {@code endpoints.interactiveEndpoint}: the device's view and controls
 */
public record RemoteEndpoints(String endpoint, String remoteDriverEndpoint, String interactiveEndpoint) {
    public static final RemoteEndpoints NONE = new RemoteEndpoints(null, null, null);

    @SuppressWarnings("deprecation") // endpoint(): deprecated by AWS, still returned, and still a secret to mask
    public static RemoteEndpoints of(RemoteAccessSession s) {
        var e = s.endpoints();
        return new RemoteEndpoints(blankToNull(s.endpoint()), e == null ? null : blankToNull(e.remoteDriverEndpoint()),
                e == null ? null : blankToNull(e.interactiveEndpoint()));
    }

    /** Every URL given, longest first (so a URL that contains another is masked whole). */
    public List<String> secrets() {
        List<String> all = new ArrayList<>();
        for (String s : new String[] {endpoint, remoteDriverEndpoint, interactiveEndpoint}) {
            if (s != null && !all.contains(s)) {
                all.add(s);
            }
        }
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return all;
    }

    public boolean isEmpty() {
        return endpoint == null && remoteDriverEndpoint == null && interactiveEndpoint == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "RemoteEndpoints[" + secrets().size() + " masked]";
    }
}
