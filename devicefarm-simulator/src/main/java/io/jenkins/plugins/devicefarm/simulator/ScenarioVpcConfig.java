package io.jenkins.plugins.devicefarm.simulator;

import java.util.List;

/** A project's VPC: runs and sessions of the project report it as their {@code vpcConfig}. */
public record ScenarioVpcConfig(List<String> securityGroupIds, List<String> subnetIds, String vpcId) {
    public ScenarioVpcConfig {
        if (vpcId == null || vpcId.isBlank()) {
            throw new IllegalArgumentException("a project's vpcConfig needs a vpcId");
        }
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    }
}
