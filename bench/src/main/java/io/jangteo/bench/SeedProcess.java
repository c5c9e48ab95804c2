package io.jangteo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;

/**
 * Runs the seed loader ({@code io.jangteo.bench.seed.SeedMain}) in a child JVM on the application's own class path:
 * the bench jar is added to it, and SeedMain starts the application's Spring context itself. The thin jar the build
 * makes for the class archive (graphql-api/target/app/jangteo.jar, its libraries in lib/ next to it) takes the bench
 * jar as one more class path entry; a Spring Boot fat jar (BOOT-INF/) is started through Boot's PropertiesLauncher
 * with the bench jar as {@code loader.path}. Its output goes to a log; its progress lines are echoed.
 */
final class SeedProcess {

    static final String MAIN = "io.jangteo.bench.seed.SeedMain";
    private static final String SUMMARY = "SEED-SUMMARY ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What SeedMain printed as its summary. */
    record Summary(long events, Map<String, Long> byAggregateType, int templateOrders, long copiedOrders,
            double seconds, double cloneSeconds, long storeBytes, long storeBytesBeforeCompact) {

        long ofType(String type) {
            return byAggregateType.getOrDefault(type, 0L);
        }

        double share(String type) {
            return events == 0 ? 0 : 100.0 * ofType(type) / events;
        }
    }

    private SeedProcess() {
    }

    static Summary run(Path java, Path appJar, Path dataDir, long events, Path log, Duration limit)
            throws IOException, InterruptedException {
        List<String> command = command(java, appJar, benchJar(), dataDir, events);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread killOnShutdown = new Thread(process::destroyForcibly, "kill-seed");
        Runtime.getRuntime().addShutdownHook(killOnShutdown);
        AtomicReference<String> summary = new AtomicReference<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (line.startsWith(SUMMARY)) {
                        summary.set(line.substring(SUMMARY.length()));
                    } else if (line.startsWith("seed: ")) {
                        System.out.println("  " + line);
                    }
                }
            } catch (IOException e) {
                System.err.println("seed log: " + e.getMessage());
            }
        }, "seed-log");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException("seeding took longer than " + limit.toMinutes() + " min; see " + log);
            }
            pump.join(5_000);
            if (process.exitValue() != 0 || summary.get() == null) {
                throw new IOException("seeding failed (exit " + process.exitValue() + "); see " + log);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnShutdown);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        return parse(summary.get());
    }

    static List<String> command(Path java, Path appJar, Path benchJar, Path dataDir, long events) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-Xmx512m"));
        if (isFatJar(appJar)) {
            command.addAll(List.of("-Dloader.path=" + benchJar.toAbsolutePath(), "-Dloader.main=" + MAIN,
                    "-cp", appJar.toAbsolutePath().toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", appJar.toAbsolutePath() + File.pathSeparator + benchJar.toAbsolutePath(),
                    MAIN));
        }
        command.addAll(List.of("--data-dir", dataDir.toAbsolutePath().toString(), "--events", Long.toString(events)));
        return command;
    }

    static Summary parse(String json) throws IOException {
        JsonNode s = JSON.readTree(json);
        Map<String, Long> types = new TreeMap<>();
        s.path("byAggregateType").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().asLong()));
        return new Summary(s.path("events").asLong(), types, s.path("templateOrders").asInt(),
                s.path("copiedOrders").asLong(), s.path("seconds").asDouble(), s.path("cloneSeconds").asDouble(),
                s.path("storeBytes").asLong(), s.path("storeBytesBeforeCompact").asLong());
    }

    private static boolean isFatJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/") != null || file.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/"));
        }
    }

    /** The jar (or classes directory) this bench runs from. */
    private static Path benchJar() throws IOException {
        try {
            return Path.of(SeedProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
