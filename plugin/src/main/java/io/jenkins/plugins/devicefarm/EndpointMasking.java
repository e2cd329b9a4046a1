package io.jenkins.plugins.devicefarm;

import hudson.console.LineTransformationOutputStream;
import io.jenkins.plugins.devicefarm.core.session.EndpointRedaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A log stream that replaces session endpoints with {@link #MASK}, line by line, as
 * credentials-binding masks secrets (exact, percent-encoded and JSON-escaped forms; see
 * {@link EndpointRedaction}). The endpoints are looked up on every line because a session's
 * endpoints may only become known once the log is already being written.
 */
@Restricted(NoExternalUse.class)
public final class EndpointMasking extends LineTransformationOutputStream.Delegating {
    public static final String MASK = EndpointRedaction.MASK;

    private final Supplier<? extends Collection<String>> endpoints;
    private final Charset charset;
    private List<String> lastSecrets = List.of();
    private EndpointRedaction redaction = new EndpointRedaction(List.of());

    public EndpointMasking(OutputStream out, Supplier<? extends Collection<String>> endpoints, Charset charset) {
        super(out);
        this.endpoints = endpoints;
        this.charset = charset;
    }

    @Override
    protected void eol(byte[] b, int len) throws IOException {
        List<String> secrets = List.copyOf(endpoints.get());
        if (secrets.isEmpty()) {
            out.write(b, 0, len);
            return;
        }
        if (!secrets.equals(lastSecrets)) {
            lastSecrets = secrets;
            redaction = new EndpointRedaction(secrets);
        }
        String line = new String(b, 0, len, charset);
        String masked = redaction.mask(line);
        if (masked.equals(line)) {
            out.write(b, 0, len);
        } else {
            out.write(masked.getBytes(charset));
        }
    }
}
