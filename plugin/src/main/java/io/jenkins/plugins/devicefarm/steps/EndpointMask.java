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
import java.util.ArrayList;
import java.util.List;

/**
 * Masks a session's endpoints in the body's log, like credentials-binding's BindingStep.Filter
 * masks secrets. The filter is part of the persisted program, so it keeps only the ARN and finds
 * the endpoints in memory. Like BindingStep.Filter it travels to agents (remoting), to mask output
 * written there; only then are the endpoints written with it, as agents cannot see the
 * controller's memory. In program.dat (no remoting channel) they are never written.
 */
final class EndpointMask extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String arn;
    private transient List<String> endpointsForAgent;

    EndpointMask(String arn) {
        this.arn = arn;
    }

    @Override
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new EndpointMasking(logger, this::endpoints, StandardCharsets.UTF_8);
    }

    private List<String> endpoints() {
        List<String> e = endpointsForAgent;
        return e != null ? e : SessionEndpoints.get(arn).secrets();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        // Over a remoting channel (to an agent) only; never into program.dat.
        out.writeObject(Channel.current() != null ? new ArrayList<>(endpoints()) : null);
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Object e = in.readObject();
        endpointsForAgent = e instanceof List ? List.copyOf((List<String>) e) : null;
    }
}
