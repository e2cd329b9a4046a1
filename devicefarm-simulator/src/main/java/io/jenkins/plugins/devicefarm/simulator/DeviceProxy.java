package io.jenkins.plugins.devicefarm.simulator;

/** The HTTP proxy a device's traffic goes through ({@code deviceProxy} of sessions and runs). */
record DeviceProxy(String host, int port) {}
