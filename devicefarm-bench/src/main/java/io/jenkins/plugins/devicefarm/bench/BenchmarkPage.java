package io.jenkins.plugins.devicefarm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * docs/benchmarks.md holds one top-level section ({@code # Title}) per benchmark, some kept by
 * hand: each benchmark's {@code --out FILE} replaces only its own section (or adds it at the end),
 * so running one never drops the others.
 */
final class BenchmarkPage {
    private BenchmarkPage() {}

    /** Writes {@code section} (starting with its {@code # } heading) into {@code file}, in place of the section of that heading. */
    static void write(Path file, String section) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(file, replace(existing, section), StandardCharsets.UTF_8);
    }

    static String replace(String page, String section) {
        String heading = section.lines().findFirst().orElseThrow();
        if (!heading.startsWith("# ")) {
            throw new IllegalArgumentException("a section starts with its '# ' heading: " + heading);
        }
        List<String> out = new ArrayList<>();
        boolean replaced = false;
        boolean skipping = false;
        boolean inCode = false;
        for (String line : page.lines().toList()) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            boolean top = !inCode && line.startsWith("# ");
            if (top) {
                skipping = line.equals(heading);
                if (skipping && !replaced) {
                    out.addAll(section.strip().lines().toList());
                    out.add("");
                    replaced = true;
                }
            }
            if (!skipping) {
                out.add(line);
            }
        }
        if (!replaced) {
            if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                out.add("");
            }
            out.addAll(section.strip().lines().toList());
            out.add("");
        }
        while (out.size() > 1 && out.get(out.size() - 1).isBlank() && out.get(out.size() - 2).isBlank()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out).stripTrailing() + "\n";
    }

    /** A section's heading, the command that wrote it (the class run from the benchmark jar) and the machine. */
    static StringBuilder header(String title, Class<?> main, String[] args) {
        return new StringBuilder("# ").append(title).append("\n\n")
                .append("Command: `java -cp devicefarm-bench/target/devicefarm-bench.jar ").append(main.getName())
                .append(args.length == 0 ? "" : " " + String.join(" ", args)).append("`\n\n")
                .append("Machine: ").append(machine()).append("\n\n");
    }

    /** The machine the figures come from: cores, memory, heap, JVM. */
    static String machine() {
        Runtime rt = Runtime.getRuntime();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // A shared machine's load moves the latencies: say how busy it was when the benchmark started.
        return String.format(Locale.ROOT, "%d cores, %.1f GiB memory, max heap %d MiB, %s %s (%s), load average %.1f at the start",
                rt.availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024), rt.maxMemory() / (1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"),
                os.getSystemLoadAverage());
    }

    /** The number after {@code name} in {@code args}, or {@code fallback}. */
    static int intOption(String[] args, String name, int fallback) {
        String v = option(args, name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /** The value after {@code name} in {@code args}, or null. */
    static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
