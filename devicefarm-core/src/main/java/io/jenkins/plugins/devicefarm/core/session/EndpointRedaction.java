package io.jenkins.plugins.devicefarm.core.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Replaces session endpoints with {@link #MASK} in text and in failures. Besides the exact URL it
 * masks the forms a URL commonly takes when a tool prints it: percent-encoded (a query parameter)
 * and JSON-escaped ({@code \/}). Longer forms first, so a URL that contains another is masked whole.
 */
public final class EndpointRedaction {
    public static final String MASK = "****";

    private final List<String> forms;

    public EndpointRedaction(Collection<String> secrets) {
        List<String> all = new ArrayList<>();
        for (String s : secrets) {
            if (s == null || s.isEmpty()) {
                continue;
            }
            for (String form : new String[] {s, URLEncoder.encode(s, StandardCharsets.UTF_8), s.replace("/", "\\/")}) {
                if (!all.contains(form)) {
                    all.add(form);
                }
            }
        }
        all.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.forms = List.copyOf(all);
    }

    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** The text with every form of every endpoint replaced by {@link #MASK}. */
    public String mask(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    public boolean reveals(String text) {
        return text != null && !mask(text).equals(text);
    }

    /** Whether the failure's message, or that of any cause or suppressed failure, shows an endpoint. */
    public boolean reveals(Throwable t) {
        return reveals(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private boolean reveals(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (reveals(t.getMessage()) || reveals(t.toString())) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (reveals(s, seen)) {
                return true;
            }
        }
        return reveals(t.getCause(), seen);
    }

    /**
     * The failure as it may be shown: itself when it shows no endpoint, else a {@link MaskedException}
     * with the masked message of each failure in the chain, their stack traces, causes and suppressed ones.
     */
    public Throwable mask(Throwable t) {
        return reveals(t) ? masked(t, Collections.newSetFromMap(new IdentityHashMap<>())) : t;
    }

    private Throwable masked(Throwable t, Set<Throwable> seen) {
        if (!seen.add(t)) {
            return new MaskedException("(cycle)", t.getClass().getName());
        }
        if (!reveals(t)) {
            return t;
        }
        MaskedException m = new MaskedException(mask(t.getMessage()), t.getClass().getName());
        m.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            m.initCause(masked(t.getCause(), seen));
        }
        for (Throwable s : t.getSuppressed()) {
            m.addSuppressed(masked(s, seen));
        }
        return m;
    }

    /** A failure whose message showed a session endpoint, with the endpoint masked; names the original type. */
    public static final class MaskedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String originalType;

        MaskedException(String message, String originalType) {
            super(message);
            this.originalType = originalType;
        }

        public String getOriginalType() {
            return originalType;
        }

        @Override
        public String toString() {
            String m = getLocalizedMessage();
            return originalType + (m == null ? "" : ": " + m);
        }
    }
}
