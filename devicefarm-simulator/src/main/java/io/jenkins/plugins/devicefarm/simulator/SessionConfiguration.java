package io.jenkins.plugins.devicefarm.simulator;

import java.util.List;
import java.util.Map;

/**
 * The {@code configuration} of CreateRemoteAccessSession, checked: {@code deviceProxy} may be null,
 * the lists and the parameters map may be empty.
 */
record SessionConfiguration(String billingMethod, List<String> vpceConfigurationArns, List<String> auxiliaryApps,
        DeviceProxy deviceProxy, Map<String, String> parameters) {}
