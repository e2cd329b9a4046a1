package io.jenkins.plugins.devicefarm;

import hudson.console.LineTransformationOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Collection;
import java.util.function.Supplier;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A log stream that replaces session endpoints with {@link #MASK}, line by line, as
 * credentials-binding masks secrets. The endpoints are looked up on every line because a
 * session's endpoint is only known once the log is already being written.
 */
@Restricted(NoExternalUse.class)
public final class EndpointMasking extends LineTransformationOutputStream.Delegating {
    public static final String MASK = "****";

    private final Supplier<? extends Collection<String>> endpoints;
    private final Charset charset;

    public EndpointMasking(OutputStream out, Supplier<? extends Collection<String>> endpoints, Charset charset) {
        super(out);
        this.endpoints = endpoints;
        this.charset = charset;
    }

    @Override
    protected void eol(byte[] b, int len) throws IOException {
        Collection<String> secrets = endpoints.get();
        if (secrets.isEmpty()) {
            out.write(b, 0, len);
            return;
        }
        String line = new String(b, 0, len, charset);
        String masked = line;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        if (masked.equals(line)) {
            out.write(b, 0, len);
        } else {
            out.write(masked.getBytes(charset));
        }
    }
}
