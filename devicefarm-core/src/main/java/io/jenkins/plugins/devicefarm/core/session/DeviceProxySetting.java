package io.jenkins.plugins.devicefarm.core.session;

import io.jenkins.plugins.devicefarm.core.InvalidInputException;

/** The device proxy of a session, parsed from {@code host:port} ({@code [v6-address]:port} for IPv6). */
record DeviceProxySetting(String host, int port) {
    static DeviceProxySetting parse(String field, String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        String fix = "Write it as host:port, e.g. proxy.example.com:8080";
        if (t.contains("://")) {
            throw new InvalidInputException(field, "'" + SessionRequest.shorten(t) + "' is a URL", fix + ", without a scheme");
        }
        if (colon <= 0 || colon == t.length() - 1) {
            throw new InvalidInputException(field, "'" + SessionRequest.shorten(t) + "' has no port", fix);
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new InvalidInputException(field, "'" + SessionRequest.shorten(t) + "' is not host:port",
                    "Put an IPv6 address in brackets, e.g. [2001:db8::1]:8080");
        }
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
            throw new InvalidInputException(field, "'" + SessionRequest.shorten(t) + "' has no valid host", fix);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + SessionRequest.shorten(t) + "' has no numeric port", fix);
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException(field, "port " + port + " is out of range", "Use a port from 1 to 65535");
        }
        return new DeviceProxySetting(host, port);
    }
}
