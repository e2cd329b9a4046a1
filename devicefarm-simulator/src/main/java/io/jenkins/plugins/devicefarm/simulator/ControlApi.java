package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * The few knobs people running the simulator standalone need, under {@code /_simulator/}:
 * {@code GET journal}, {@code GET faults}, {@code POST faults} (see {@link Faults#apply}). Not signed,
 * not journaled: it is not part of Device Farm.
 */
final class ControlApi {
    static final String PREFIX = "/_simulator/";

    private final Journal journal;
    private final Faults faults;

    ControlApi(Journal journal, Faults faults) {
        this.journal = journal;
        this.faults = faults;
    }

    void handle(HttpExchange exchange, byte[] body) throws IOException {
        String what = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        if ("journal".equals(what) && "GET".equals(method)) {
            HttpFrontEnd.send(exchange, 200, Json.MAPPER.writeValueAsBytes(journalJson()));
        } else if ("faults".equals(what) && "GET".equals(method)) {
            HttpFrontEnd.send(exchange, 200, Json.MAPPER.writeValueAsBytes(faults.toJson()));
        } else if ("faults".equals(what) && "POST".equals(method)) {
            try {
                faults.apply(body.length == 0 ? Json.object() : Json.MAPPER.readTree(body));
            } catch (IOException | IllegalArgumentException e) {
                HttpFrontEnd.send(exchange, 400, HttpFrontEnd.utf8("{\"message\":\"bad fault settings\"}"));
                return;
            }
            HttpFrontEnd.send(exchange, 200, Json.MAPPER.writeValueAsBytes(faults.toJson()));
        } else {
            HttpFrontEnd.send(exchange, 404, HttpFrontEnd.utf8("{\"message\":\"GET journal, GET or POST faults\"}"));
        }
    }

    private ArrayNode journalJson() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (JournalEntry e : journal.entries()) {
            array.addObject()
                    .put("simTime", e.simTime().toString())
                    .put("receivedNanos", e.receivedNanos())
                    .put("operation", e.operation())
                    .put("arn", e.arn())
                    .put("httpStatus", e.httpStatus())
                    .put("errorCode", e.errorCode());
        }
        return array;
    }
}
