package io.jenkins.plugins.devicefarm.freestyle;

import hudson.AbortException;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The freestyle steps wait on the executor thread and cannot resume after a restart: fine in a
 * freestyle build, which holds its executor anyway, but a Pipeline would lose both promises (no
 * thread held while waiting, survive a restart). There they refuse, pointing to the Pipeline step.
 */
@Restricted(NoExternalUse.class)
public final class FreestyleOnly {
    private FreestyleOnly() {}

    public static void check(Run<?, ?> run, String symbol, String pipelineSteps) throws AbortException {
        if (!(run instanceof AbstractBuild)) {
            throw new AbortException("[Device Farm] " + symbol + " is for freestyle jobs; in a Pipeline use " + pipelineSteps
                    + " instead: Pipeline steps hold no executor while waiting and survive a Jenkins restart.");
        }
    }
}
