package io.jenkins.plugins.devicefarm.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The interactive endpoint of a session: a page naming the session and its device, served under
 * the session's secret path only while the session is RUNNING (404 otherwise).
 */
final class InteractiveEndpoint {
    private final DeviceFarmState state;

    InteractiveEndpoint(DeviceFarmState state) {
        this.state = state;
    }

    void handle(HttpExchange exchange, Instant now) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(SessionEndpoints.INTERACTIVE_PREFIX.length());
        String token = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        SimSession session = state.sessionByToken(token);
        boolean live = session != null && session.endpoints().interactiveToken().equals(token)
                && "RUNNING".equals(session.state(now).status()) && "GET".equals(exchange.getRequestMethod());
        String html = live
                ? "<!DOCTYPE html><html><head><title>Remote access session</title></head><body><h1>"
                        + escape(session.request().name()) + "</h1><p>Device: " + escape(session.request().device().name())
                        + " (" + escape(session.request().device().platform()) + " " + escape(session.request().device().os())
                        + ")</p><p>Simulated by the Device Farm simulator: there is no screen to stream.</p></body></html>"
                : "<!DOCTYPE html><html><body><p>No remote access session is running here.</p></body></html>";
        byte[] body = HttpFrontEnd.utf8(html);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(live ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
