package io.jenkins.plugins.devicefarm.simulator;

/** A VPC endpoint configuration of the account, which sessions and runs may name. */
public record ScenarioVpceConfiguration(
        String id, String name, String serviceName, String serviceDnsName, String description) {
    public ScenarioVpceConfiguration {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a VPC endpoint configuration needs a name");
        }
        id = Ids.orDerived(id, "vpce:" + name);
        serviceName = serviceName == null ? "com.amazonaws.vpce.us-west-2.vpce-svc-0123456789abcdef0" : serviceName;
        serviceDnsName = serviceDnsName == null ? "internal.example.com" : serviceDnsName;
        description = description == null ? "" : description;
    }
}
