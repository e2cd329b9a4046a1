package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;

/**
 * The remote driver endpoint of a session: a minimal W3C WebDriver under the session's secret path
 * ({@code GET /status}, {@code POST /session}, {@code DELETE /session/{id}}), enough for a
 * Jenkinsfile to drive it with curl. It answers only while its session is RUNNING; before and after,
 * every request gets 404, as the endpoint is not handed out then either. Each request is journaled
 * as {@code WebDriver.GetStatus}, {@code WebDriver.NewSession}, {@code WebDriver.DeleteSession} or
 * {@code WebDriver.Other}, with the session's ARN (never the secret URL).
 */
final class RemoteDriverEndpoint {
    private final DeviceFarmState state;
    private final Journal journal;

    RemoteDriverEndpoint(DeviceFarmState state, Journal journal) {
        this.state = state;
        this.journal = journal;
    }

    void handle(HttpExchange exchange, byte[] body, Instant now, long receivedNanos) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(SessionEndpoints.DRIVER_PREFIX.length());
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        String command = slash < 0 ? "" : rest.substring(slash);
        SimSession found = state.sessionByToken(token);
        SimSession session = found != null && found.endpoints().driverToken().equals(token) ? found : null;
        String method = exchange.getRequestMethod();
        String relative = command.startsWith(SessionEndpoints.DRIVER_BASE)
                ? command.substring(SessionEndpoints.DRIVER_BASE.length()) : null;
        String operation = relative == null ? "WebDriver.Other"
                : "GET".equals(method) && "/status".equals(relative) ? "WebDriver.GetStatus"
                : "POST".equals(method) && "/session".equals(relative) ? "WebDriver.NewSession"
                : "DELETE".equals(method) && relative.matches("/session/[^/]+") ? "WebDriver.DeleteSession"
                : "WebDriver.Other";
        WebDriverReplies.Reply reply;
        if (session == null || relative == null || !"RUNNING".equals(session.state(now).status())) {
            reply = WebDriverReplies.error(404, "unknown command", "No remote access session is running at this endpoint.");
        } else {
            reply = switch (operation) {
                case "WebDriver.GetStatus" -> status(session);
                case "WebDriver.NewSession" -> newSession(session, body);
                case "WebDriver.DeleteSession" -> deleteSession(session, relative.substring("/session/".length()));
                default -> WebDriverReplies.error(404, "unknown command",
                        method + " " + relative + " is not implemented by the simulator.");
            };
        }
        journal.record(new JournalEntry(now, receivedNanos, operation, session == null ? null : session.arn(),
                reply.status(), reply.status() == 200 ? null : "WebDriverError"));
        reply.send(exchange);
    }

    private static WebDriverReplies.Reply status(SimSession session) {
        boolean ready = session.driverSessions().idle();
        ObjectNode value = Json.object().put("ready", ready)
                .put("message", ready ? "The device is ready for a new session." : "A session is already running on the device.");
        value.putObject("build").put("version", "2.11.0");
        return WebDriverReplies.value(value);
    }

    private static WebDriverReplies.Reply newSession(SimSession session, byte[] body) {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        JsonNode capabilities = request == null ? null : request.get("capabilities");
        if (capabilities == null || !capabilities.isObject()) {
            return WebDriverReplies.error(400, "invalid argument", "The body must be a JSON object with \"capabilities\".");
        }
        ObjectNode granted = DriverCapabilities.match(capabilities, session.request());
        if (granted == null) {
            return WebDriverReplies.error(500, "session not created", "No capabilities match the device "
                    + session.request().device().name() + " (" + session.request().device().platform() + ").");
        }
        String id = session.driverSessions().open();
        if (id == null) {
            return WebDriverReplies.error(500, "session not created", "A session is already running on the device.");
        }
        ObjectNode value = Json.object().put("sessionId", id);
        value.set("capabilities", granted);
        return WebDriverReplies.value(value);
    }

    private static WebDriverReplies.Reply deleteSession(SimSession session, String id) {
        if (!session.driverSessions().close(id)) {
            return WebDriverReplies.error(404, "invalid session id", "No session " + id + " is running on the device.");
        }
        return WebDriverReplies.value(null);
    }
}
