package io.jenkins.plugins.devicefarm.steps;

import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Told when the session step's body ends (success, failure or abort). Not a TailCall: TailCall's
 * finished() runs on the CPS VM thread and must not wait, while the session has to be stopped
 * and followed first. So it hands the end to the execution, which stops the session on the
 * engine's threads and then lets the body's result or failure through. Persisted with the
 * program (holding the execution, like GeneralNonBlockingStepExecution.TailCall does), so an
 * end during a restart is finished by the execution's onResume().
 */
final class SessionCallback extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    private final SessionExecution execution;

    SessionCallback(SessionExecution execution) {
        this.execution = execution;
    }

    @Override
    public void onSuccess(StepContext context, Object result) {
        execution.bodyEnded(result, null);
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
        execution.bodyEnded(null, t);
    }
}
