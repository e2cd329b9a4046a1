package io.jenkins.plugins.devicefarm.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import io.jenkins.plugins.devicefarm.core.session.RemoteEndpoints;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The body's environment. Persisted with the program, so it keeps only the ARN and device
 * name; the endpoints are looked up in memory each time the environment is built.
 */
final class SessionEnvironment extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;

    static final String ARN = "DEVICE_FARM_SESSION_ARN";
    static final String ENDPOINT = "DEVICE_FARM_SESSION_ENDPOINT";
    static final String REMOTE_DRIVER_ENDPOINT = "DEVICE_FARM_REMOTE_DRIVER_ENDPOINT";
    static final String INTERACTIVE_ENDPOINT = "DEVICE_FARM_INTERACTIVE_ENDPOINT";
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
        RemoteEndpoints e = SessionEndpoints.get(arn);
        overrideIfGiven(env, ENDPOINT, e.endpoint());
        overrideIfGiven(env, REMOTE_DRIVER_ENDPOINT, e.remoteDriverEndpoint());
        overrideIfGiven(env, INTERACTIVE_ENDPOINT, e.interactiveEndpoint());
    }

    private static void overrideIfGiven(EnvVars env, String name, String value) {
        if (value != null) {
            env.override(name, value);
        }
    }

    /** Lets Pipeline warn about Groovy string interpolation of the endpoints, as for credentials. */
    @NonNull
    @Override
    public Set<String> getSensitiveVariables() {
        return Set.of(ENDPOINT, REMOTE_DRIVER_ENDPOINT, INTERACTIVE_ENDPOINT);
    }
}
