package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** W3C WebDriver responses: {@code {"value": ...}}, errors as {@code {"value": {error, message, stacktrace}}}. */
final class WebDriverReplies {
    private WebDriverReplies() {}

    /** Sends {@code {"value": value}} and answers the HTTP status sent. */
    static int value(HttpExchange exchange, JsonNode value) throws IOException {
        ObjectNode body = Json.object();
        body.set("value", value == null ? Json.MAPPER.nullNode() : value);
        send(exchange, 200, body);
        return 200;
    }

    /** Sends a W3C error ({@code error} is its code, e.g. "invalid session id") and answers {@code status}. */
    static int error(HttpExchange exchange, int status, String error, String message) throws IOException {
        ObjectNode body = Json.object();
        body.putObject("value").put("error", error).put("message", message).put("stacktrace", "");
        send(exchange, status, body);
        return status;
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
