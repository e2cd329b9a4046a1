package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The body's environment. Persisted with the program, so it keeps only the ARN and device
 * name; the endpoint is looked up in memory each time the environment is built.
 */
final class SessionEnvironment extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;

    static final String ARN = "DEVICE_FARM_SESSION_ARN";
    static final String ENDPOINT = "DEVICE_FARM_SESSION_ENDPOINT";
    static final String DEVICE_NAME = "DEVICE_FARM_DEVICE_NAME";

    private final String arn;
    private final String deviceName;

    SessionEnvironment(String arn, String deviceName) {
        this.arn = arn;
        this.deviceName = deviceName;
    }

    @Override
    public void expand(@NonNull EnvVars env) {
        env.override(ARN, arn);
        if (deviceName != null) {
            env.override(DEVICE_NAME, deviceName);
        }
        String endpoint = SessionEndpoints.get(arn);
        if (endpoint != null) {
            env.override(ENDPOINT, endpoint);
        }
    }

    /** Lets Pipeline warn about Groovy string interpolation of the endpoint, as for credentials. */
    @NonNull
    @Override
    public Set<String> getSensitiveVariables() {
        return Set.of(ENDPOINT);
    }
}
