package io.jenkins.plugins.devicefarm.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devicefarm-simulator.jar [--port 8787] [--scenario file.json] [--time-scale 60]
 * [--upload-idle-timeout 20]}:
 * runs the simulator until Ctrl-C.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        DeviceFarmSimulator.Builder builder = DeviceFarmSimulator.builder().port(8787);
        double timeScale = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                usage();
                return;
            }
            if (i + 1 >= args.length) {
                fail("missing value after " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--scenario" -> builder.scenario(Scenario.load(Path.of(value)));
                case "--time-scale" -> timeScale = Double.parseDouble(value);
                case "--upload-idle-timeout" -> builder.uploadIdleTimeout(Duration.ofMillis(
                        Math.round(Double.parseDouble(value) * 1000)));
                default -> fail("unknown option " + arg);
            }
        }
        builder.clock(timeScale == 1 ? new SystemSimClock() : new ScaledSimClock(timeScale));
        DeviceFarmSimulator simulator = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("AWS Device Farm simulator listening on " + simulator.endpoint()
                + (timeScale == 1 ? "" : " (time x" + timeScale + ")"));
        System.out.println("Projects:     " + String.join(", ", simulator.projectArns()));
        System.out.println("Device pools: " + String.join(", ", simulator.devicePoolArns()));
        System.out.println("Journal:      " + simulator.endpoint() + "/_simulator/journal");
        System.out.println("Sessions' remote driver endpoints (W3C WebDriver) are served here too, while RUNNING.");
        System.out.println("Try:");
        System.out.println("  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws devicefarm list-projects"
                + " --region us-west-2 --endpoint-url " + simulator.endpoint());
        System.out.println("Ctrl-C stops it.");
        stopped.await();
    }

    private static void usage() {
        System.out.println("java -jar devicefarm-simulator.jar [--port 8787] [--scenario file.json] [--time-scale 10]"
                + " [--upload-idle-timeout 20]");
        System.out.println("  --time-scale 10 runs the demo in about a minute; Ctrl-C stops the simulator.");
        System.out.println("  --upload-idle-timeout: real seconds an upload PUT may send nothing before RequestTimeout.");
    }

    private static void fail(String message) {
        System.err.println(message);
        usage();
        System.exit(2);
    }
}
