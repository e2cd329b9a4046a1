package io.jenkins.plugins.devicefarm.core.client;

import java.util.List;

/**
 * An HTTP proxy for the SDK client. In Jenkins this comes from the controller's proxy
 * configuration; the password is handed over in memory only and never persisted by us.
 */
public final class ProxySettings {
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<String> nonProxyHosts;

    public ProxySettings(String host, int port, String username, String password, List<String> nonProxyHosts) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
    }

    public String host() { return host; }
    public int port() { return port; }
    public String username() { return username; }
    public String password() { return password; }
    /** Host patterns that bypass the proxy, as Jenkins writes them (e.g. {@code *.internal}). */
    public List<String> nonProxyHosts() { return nonProxyHosts; }

    @Override
    public String toString() {
        // Never the password.
        return "proxy " + host + ":" + port + (username == null ? "" : " as " + username);
    }
}
