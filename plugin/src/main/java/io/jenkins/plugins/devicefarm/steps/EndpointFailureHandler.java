package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import io.jenkins.plugins.devicefarm.core.session.EndpointRedaction;
import org.jenkinsci.plugins.workflow.steps.FailureHandler;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Masks the session's endpoints in failures raised inside the block (e.g.
 * {@code error "failing with ${env.DEVICE_FARM_REMOTE_DRIVER_ENDPOINT}"}), as credentials-binding's
 * BindingStep.Handler does for secrets, so they reach neither the log's last line nor the flow
 * nodes' saved errors. Runs on the controller, so it keeps only the ARN and reads the endpoints
 * from memory. An AbortException stays one (Pipeline prints its message without a stack trace);
 * an abort is left alone.
 */
final class EndpointFailureHandler implements FailureHandler {
    private static final long serialVersionUID = 1L;

    private final String arn;

    EndpointFailureHandler(String arn) {
        this.arn = arn;
    }

    @NonNull
    @Override
    public Throwable handle(@NonNull StepContext ctx, @NonNull Throwable t) {
        return mask(t, new EndpointRedaction(SessionEndpoints.get(arn).secrets()));
    }

    static Throwable mask(Throwable t, EndpointRedaction redaction) {
        if (redaction.isEmpty() || t instanceof FlowInterruptedException || !redaction.reveals(t)) {
            return t;
        }
        if (t instanceof AbortException) {
            AbortException a = new AbortException(redaction.mask(t.getMessage()));
            a.setStackTrace(t.getStackTrace());
            for (Throwable s : t.getSuppressed()) {
                a.addSuppressed(redaction.mask(s));
            }
            return a;
        }
        return redaction.mask(t);
    }
}
