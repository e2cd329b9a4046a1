package io.jenkins.plugins.devicefarm.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * AWS JSON 1.1 over HTTP on loopback: {@code POST /} with {@code X-Amz-Target:
 * DeviceFarm_20150623.<Operation>}. Order of checks as on AWS: signature, then throttling and
 * other injected faults, then the operation. Paths under {@code /_simulator/} go to {@link ControlApi},
 * the session endpoints the simulator serves itself to {@link RemoteDriverEndpoint} and
 * {@link InteractiveEndpoint} (unsigned, as their secret path is the credential).
 */
final class HttpFrontEnd {
    static final String TARGET_PREFIX = "DeviceFarm_20150623.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Logger LOG = Logger.getLogger(HttpFrontEnd.class.getName());

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits
        // for the client's delayed ACK (~40 ms on Linux). Read once when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Operations operations;
    private final SimClock clock;
    private final Faults faults;
    private final Journal journal;
    private final ControlApi control;
    private final SecurityTokenService sts;
    private final RemoteDriverEndpoint remoteDriver;
    private final InteractiveEndpoint interactive;
    private final UploadEndpoint uploads;
    private HttpServer server; // guarded by this
    private ExecutorService executor; // guarded by this

    HttpFrontEnd(Operations operations, SimClock clock, Faults faults, Journal journal, ControlApi control,
            DeviceFarmState state, UploadEndpoint uploads) {
        this.remoteDriver = new RemoteDriverEndpoint(state, journal);
        this.interactive = new InteractiveEndpoint(state);
        this.operations = operations;
        this.clock = clock;
        this.faults = faults;
        this.journal = journal;
        this.control = control;
        this.sts = new SecurityTokenService(journal);
        this.uploads = uploads;
    }

    /** Binds loopback:{@code port} (0 = any free port) and returns the port bound. */
    synchronized int start(int port) throws IOException {
        if (server != null) {
            return server.getAddress().getPort();
        }
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "devicefarm-simulator-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        created.setExecutor(executor);
        created.createContext("/", this::handle);
        created.start();
        server = created;
        return created.getAddress().getPort();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedNanos = System.nanoTime();
        Instant now = clock.now();
        try (exchange) {
            if (exchange.getRequestURI().getRawPath().startsWith(UploadEndpoint.PREFIX)) {
                uploads.handle(exchange, receivedNanos); // streamed: an upload body may be gigabytes
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(ControlApi.PREFIX)) {
                control.handle(exchange, body);
                return;
            }
            if (SecurityTokenService.isFor(exchange)) { // Query protocol (Action=...), not X-Amz-Target
                sts.handle(exchange, body, now, receivedNanos);
                return;
            }
            if (path.startsWith(SessionEndpoints.DRIVER_PREFIX)) {
                remoteDriver.handle(exchange, body, now, receivedNanos);
                return;
            }
            if (path.startsWith(SessionEndpoints.INTERACTIVE_PREFIX)) {
                interactive.handle(exchange, now);
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX)
                    ? target.substring(TARGET_PREFIX.length()) : String.valueOf(target);
            JsonNode request = Json.object();
            ObjectNode response;
            try {
                SigV4Check.check(exchange.getRequestHeaders().getFirst("Authorization"));
                request = parse(exchange, body);
                if (!operations.supports(operation)) {
                    throw new ApiException("UnknownOperationException", 400, "Unknown operation " + target);
                }
                Faults.Decision fault = faults.decide(operation);
                pause(fault.latency());
                if (fault.kind() == Faults.Kind.DROP_CONNECTION) {
                    journal.record(new JournalEntry(now, receivedNanos, operation, Operations.mainArn(request), 0,
                            "ConnectionDropped"));
                    return; // closing the exchange without a response closes the socket
                }
                if (fault.kind() == Faults.Kind.THROTTLE) {
                    throw ApiException.throttling();
                }
                if (fault.kind() == Faults.Kind.SERVER_ERROR) {
                    throw ApiException.internal("Injected server error.");
                }
                response = operations.handle(operation, request, now);
                if (fault.kind() == Faults.Kind.LOSE_RESPONSE) {
                    journal.record(new JournalEntry(now, receivedNanos, operation, Operations.mainArn(request), 0,
                            "ResponseLost"));
                    return; // done, but the caller never hears of it
                }
            } catch (ApiException e) {
                respondError(exchange, e, new JournalEntry(now, receivedNanos, operation, Operations.mainArn(request),
                        e.status(), e.code()));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "simulator failed on " + operation, e);
                ApiException internal = ApiException.internal("Internal error: " + e);
                respondError(exchange, internal, new JournalEntry(now, receivedNanos, operation,
                        Operations.mainArn(request), internal.status(), internal.code()));
                return;
            }
            journal.record(new JournalEntry(now, receivedNanos, operation, Operations.mainArn(request), 200, null));
            send(exchange, 200, Json.MAPPER.writeValueAsBytes(response));
        }
    }

    private static JsonNode parse(HttpExchange exchange, byte[] body) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new ApiException("UnknownOperationException", 400, "Device Farm takes POST requests only.");
        }
        if (body.length == 0) {
            return Json.object();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiException("SerializationException", 400, "The request body is not a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException("SerializationException", 400, "The request body is not valid JSON.");
        } catch (IOException e) {
            throw new ApiException("SerializationException", 400, "The request body could not be read.");
        }
    }

    private void respondError(HttpExchange exchange, ApiException e, JournalEntry entry) throws IOException {
        journal.record(entry);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", e.code());
        ObjectNode body = Json.object().put("__type", e.code()).put("message", e.getMessage());
        send(exchange, e.status(), Json.MAPPER.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
