package io.jenkins.plugins.devicefarm.simulator;

/**
 * A project of the simulated account, with its VPC if it has one (may be null). Without an id, one
 * is derived from the name so ARNs stay stable.
 */
public record ScenarioProject(String id, String name, ScenarioVpcConfig vpcConfig) {
    public ScenarioProject {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a project needs a name");
        }
        id = Ids.orDerived(id, "project:" + name);
    }
}
