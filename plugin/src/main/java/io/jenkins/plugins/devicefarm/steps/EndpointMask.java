package io.jenkins.plugins.devicefarm.steps;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.remoting.Channel;
import io.jenkins.plugins.devicefarm.EndpointMasking;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Masks a session's endpoint in the body's log, like credentials-binding masks secrets. The
 * filter is part of the persisted program, so it keeps only the ARN and finds the endpoint in
 * memory. It also travels to agents (remoting) to mask output written there; only then is the
 * endpoint written with it, since agents cannot see the controller's memory.
 */
final class EndpointMask extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private transient String endpointForAgent;

    EndpointMask(String arn) {
        this.arn = arn;
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new EndpointMasking(logger, () -> {
            String e = endpoint();
            return e == null ? List.of() : List.of(e);
        }, StandardCharsets.UTF_8);
    }

    private String endpoint() {
        String e = endpointForAgent;
        return e != null ? e : SessionEndpoints.get(arn);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        // Over a remoting channel (to an agent) only; never into program.dat.
        out.writeObject(Channel.current() != null ? endpoint() : null);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        endpointForAgent = (String) in.readObject();
    }
}
