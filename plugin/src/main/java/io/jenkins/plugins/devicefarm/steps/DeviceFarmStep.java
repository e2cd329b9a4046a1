package io.jenkins.plugins.devicefarm.steps;

import hudson.Util;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/** What every Device Farm step takes: optional credentials id and region overriding the global ones. */
public abstract class DeviceFarmStep extends Step {
    private String credentialsId;
    private String region;

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }
}
