package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** W3C WebDriver responses: {@code {"value": ...}}, errors as {@code {"value": {error, message, stacktrace}}}. */
final class WebDriverReplies {
    private WebDriverReplies() {}

    static void value(HttpExchange exchange, JsonNode value) throws IOException {
        ObjectNode body = Json.object();
        body.set("value", value == null ? Json.MAPPER.nullNode() : value);
        send(exchange, 200, body);
    }

    static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
        ObjectNode body = Json.object();
        body.putObject("value").put("error", error).put("message", message).put("stacktrace", "");
        send(exchange, status, body);
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
