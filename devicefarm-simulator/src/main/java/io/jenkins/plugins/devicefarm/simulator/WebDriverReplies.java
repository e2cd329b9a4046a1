package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** W3C WebDriver responses: {@code {"value": ...}}, errors as {@code {"value": {error, message, stacktrace}}}. */
final class WebDriverReplies {
    private WebDriverReplies() {}

    /** A response decided but not sent yet (so it can be journaled first). */
    record Reply(int status, ObjectNode body) {
        void send(HttpExchange exchange) throws IOException {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static Reply value(JsonNode value) {
        ObjectNode body = Json.object();
        body.set("value", value == null ? Json.MAPPER.nullNode() : value);
        return new Reply(200, body);
    }

    /** A W3C error: {@code error} is its code, e.g. "invalid session id". */
    static Reply error(int status, String error, String message) {
        ObjectNode body = Json.object();
        body.putObject("value").put("error", error).put("message", message).put("stacktrace", "");
        return new Reply(status, body);
    }
}
