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
 * every request gets 404, as the endpoint is not handed out then either.
 */
final class RemoteDriverEndpoint {
    private final DeviceFarmState state;

    RemoteDriverEndpoint(DeviceFarmState state) {
        this.state = state;
    }

    void handle(HttpExchange exchange, byte[] body, Instant now) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(SessionEndpoints.DRIVER_PREFIX.length());
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        String command = slash < 0 ? "" : rest.substring(slash);
        SimSession session = state.sessionByToken(token);
        if (session == null || !session.endpoints().driverToken().equals(token)
                || !"RUNNING".equals(session.state(now).status()) || !command.startsWith(SessionEndpoints.DRIVER_BASE)) {
            WebDriverReplies.error(exchange, 404, "unknown command", "No remote access session is running at this endpoint.");
            return;
        }
        command = command.substring(SessionEndpoints.DRIVER_BASE.length());
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) && "/status".equals(command)) {
            status(exchange, session);
        } else if ("POST".equals(method) && "/session".equals(command)) {
            newSession(exchange, session, body);
        } else if ("DELETE".equals(method) && command.matches("/session/[^/]+")) {
            deleteSession(exchange, session, command.substring("/session/".length()));
        } else {
            WebDriverReplies.error(exchange, 404, "unknown command", method + " " + command + " is not implemented by the simulator.");
        }
    }

    private static void status(HttpExchange exchange, SimSession session) throws IOException {
        boolean ready = session.driverSessions().idle();
        ObjectNode value = Json.object().put("ready", ready)
                .put("message", ready ? "The device is ready for a new session." : "A session is already running on the device.");
        value.putObject("build").put("version", "2.11.0");
        WebDriverReplies.value(exchange, value);
    }

    private static void newSession(HttpExchange exchange, SimSession session, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        JsonNode capabilities = request == null ? null : request.get("capabilities");
        if (capabilities == null || !capabilities.isObject()) {
            WebDriverReplies.error(exchange, 400, "invalid argument", "The body must be a JSON object with \"capabilities\".");
            return;
        }
        ObjectNode granted = DriverCapabilities.match(capabilities, session.request());
        if (granted == null) {
            WebDriverReplies.error(exchange, 500, "session not created", "No capabilities match the device "
                    + session.request().device().name() + " (" + session.request().device().platform() + ").");
            return;
        }
        String id = session.driverSessions().open();
        if (id == null) {
            WebDriverReplies.error(exchange, 500, "session not created", "A session is already running on the device.");
            return;
        }
        ObjectNode value = Json.object().put("sessionId", id);
        value.set("capabilities", granted);
        WebDriverReplies.value(exchange, value);
    }

    private static void deleteSession(HttpExchange exchange, SimSession session, String id) throws IOException {
        if (!session.driverSessions().close(id)) {
            WebDriverReplies.error(exchange, 404, "invalid session id", "No session " + id + " is running on the device.");
            return;
        }
        WebDriverReplies.value(exchange, null);
    }
}
