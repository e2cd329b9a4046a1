package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The few knobs people running the simulator standalone need, under {@code /_simulator/}:
 * {@code GET journal}, {@code GET faults}, {@code POST faults} (see {@link Faults#apply}),
 * {@code POST results} (members of {@link ResultsScript}, e.g. {@code {"failDownloadsOnce":0.2}}), and
 * {@code POST schedule-run?name=...}, which schedules a run of the scenario's first project on its
 * first device pool and answers its ARN as plain text, so a demo job can start one with curl.
 * Not signed, not journaled: it is not part of Device Farm.
 */
final class ControlApi {
    static final String PREFIX = "/_simulator/";

    private final Journal journal;
    private final Faults faults;
    private final DeviceFarmState state;
    private final SimClock clock;

    ControlApi(Journal journal, Faults faults, DeviceFarmState state, SimClock clock) {
        this.journal = journal;
        this.faults = faults;
        this.state = state;
        this.clock = clock;
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
        } else if ("results".equals(what) && "POST".equals(method)) {
            try {
                Json.MAPPER.readerForUpdating(state.scenario().results()).readValue(body.length == 0 ? new byte[] {'{', '}'} : body);
            } catch (IOException | IllegalArgumentException e) {
                HttpFrontEnd.send(exchange, 400, HttpFrontEnd.utf8("{\"message\":\"bad results settings\"}"));
                return;
            }
            HttpFrontEnd.send(exchange, 200, HttpFrontEnd.utf8("{}"));
        } else if (what.startsWith(ResultFiles.PATH) && "GET".equals(method)) {
            state.resultFiles().serve(exchange, what, state, journal, clock.now());
        } else if ("schedule-run".equals(what) && "POST".equals(method)) {
            scheduleDemoRun(exchange);
        } else {
            HttpFrontEnd.send(exchange, 404,
                    HttpFrontEnd.utf8("{\"message\":\"GET journal, GET or POST faults, POST results, POST schedule-run?name=...\"}"));
        }
    }

    private void scheduleDemoRun(HttpExchange exchange) throws IOException {
        Scenario scenario = state.scenario();
        if (scenario.projects().isEmpty() || scenario.devicePools().isEmpty()) {
            HttpFrontEnd.send(exchange, 409, HttpFrontEnd.utf8("{\"message\":\"the scenario has no project or no device pool\"}"));
            return;
        }
        String name = queryParameter(exchange.getRequestURI(), "name");
        SimRun.Request request = new SimRun.Request(
                Arns.project(state.accountId(), scenario.projects().get(0).id()),
                Arns.curatedDevicePool(scenario.devicePools().get(0).id()),
                name == null || name.isBlank() ? "Demo run" : name,
                "BUILTIN_FUZZ", null, null, "METERED", Views.MAX_JOB_TIMEOUT_MINUTES);
        String arn = state.scheduleRun(request, clock.now()).arn();
        byte[] body = HttpFrontEnd.utf8(arn + "\n");
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
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
