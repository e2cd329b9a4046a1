package io.jenkins.plugins.devicefarm.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A local stand-in for AWS Device Farm: a real HTTP server on loopback speaking the Device Farm
 * JSON 1.1 API, with scripted run outcomes, billing, faults on demand and a journal of requests.
 * Point an SDK client at {@link #endpoint()} (region us-west-2, any static credentials).
 */
public final class DeviceFarmSimulator implements AutoCloseable {
    public static final int DEFAULT_PAGE_SIZE = 25;
    /** How long an upload PUT may send no byte before it is answered RequestTimeout (real time). */
    public static final Duration DEFAULT_UPLOAD_IDLE_TIMEOUT = Duration.ofSeconds(20);

    private final Scenario scenario;
    private final SimClock clock;
    private final Journal journal = new Journal();
    private final Faults faults = new Faults();
    private final HttpFrontEnd frontEnd;
    private final DeviceFarmState state;
    private final IdleBodyTimer idleBodies;
    private final int port;

    private DeviceFarmSimulator(Builder builder) throws IOException {
        this.scenario = builder.scenario;
        this.clock = builder.clock;
        this.state = new DeviceFarmState(scenario);
        Operations operations = new Operations(state, builder.pageSize);
        this.idleBodies = new IdleBodyTimer(builder.uploadIdleTimeout);
        this.frontEnd = new HttpFrontEnd(operations, clock, faults, journal, new ControlApi(journal, faults, state, clock),
                state, new UploadEndpoint(state.uploads(), clock, journal, idleBodies));
        this.port = frontEnd.start(builder.port);
        state.uploads().baseUrl(endpoint());
        state.publicBase(endpoint());
        state.resultFiles().serveAt(endpoint());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Ephemeral port, system clock, demo scenario. */
    public static DeviceFarmSimulator start() {
        return builder().build();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Scenario scenario() {
        return scenario;
    }

    public SimClock clock() {
        return clock;
    }

    public Journal journal() {
        return journal;
    }

    public Faults faults() {
        return faults;
    }

    public String accountId() {
        return scenario.accountId();
    }

    public List<String> projectArns() {
        return scenario.projects().stream().map(p -> Arns.project(accountId(), p.id())).toList();
    }

    public List<String> deviceArns() {
        return scenario.devices().stream().map(d -> Arns.device(d.id())).toList();
    }

    public List<String> devicePoolArns() {
        return scenario.devicePools().stream().map(p -> Arns.curatedDevicePool(p.id())).toList();
    }

    /** Takes the HTTP server away (connections refused) while runs, sessions and the journal are kept. */
    public void stopServer() {
        frontEnd.stop();
    }

    /** Brings the HTTP server back on the same port with the same state. */
    public void startServer() {
        try {
            frontEnd.start(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " again", e);
        }
    }

    /**
     * Like an endpoint blip: open keep-alive connections are closed, so a client's next call may fail
     * once on a stale pooled connection (the SDK's default retries cover it).
     */
    public void restart() {
        stopServer();
        startServer();
    }

    /** The temporary files that hold upload bytes now (tests check that nothing is left behind). */
    List<Path> uploadFiles() {
        return state.uploads().files();
    }

    /** Stops the server and deletes the bytes of every upload. */
    @Override
    public void close() {
        stopServer();
        idleBodies.close();
        state.uploads().close();
    }

    /** Options of a simulator; {@link #build()} starts it. */
    public static final class Builder {
        private int port;
        private SimClock clock = new SystemSimClock();
        private Scenario scenario;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private Duration uploadIdleTimeout = DEFAULT_UPLOAD_IDLE_TIMEOUT;

        private Builder() {}

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder clock(SimClock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder scenario(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario);
            return this;
        }

        /** Items per page of every List operation; small values let tests cross page boundaries. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * How long (real time) an upload PUT may send no byte before it is answered 400 RequestTimeout and its
         * connection closed, as S3 does; {@link #DEFAULT_UPLOAD_IDLE_TIMEOUT} unless set.
         */
        public Builder uploadIdleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the upload idle timeout must be positive: " + timeout);
            }
            this.uploadIdleTimeout = timeout;
            return this;
        }

        public DeviceFarmSimulator build() {
            if (scenario == null) {
                scenario = Scenario.demo();
            }
            try {
                return new DeviceFarmSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Device Farm simulator on port " + port, e);
            }
        }
    }
}
