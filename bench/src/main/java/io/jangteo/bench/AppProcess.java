package io.jangteo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The application under test as a child process; closing it (or JVM shutdown, e.g. Ctrl-C) kills it. */
final class AppProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final long startNanos;
    private final int port;
    private final Path log;
    private final List<String> jvmOpts;
    private final Thread killOnShutdown;

    private AppProcess(Process process, long startNanos, int port, Path log, List<String> jvmOpts) {
        this.process = process;
        this.startNanos = startNanos;
        this.port = port;
        this.log = log;
        this.jvmOpts = jvmOpts;
        this.killOnShutdown = new Thread(this::kill, "kill-application");
        Runtime.getRuntime().addShutdownHook(killOnShutdown);
    }

    static AppProcess start(Path java, List<String> jvmOpts, Path jar, Path workDir) throws IOException {
        int port = freePort();
        Path dataDir = Files.createDirectories(workDir.resolve("data"));
        Path log = workDir.resolve("application.log");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOpts);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--jangteo.data-dir=" + dataDir,
                // the load generator signs in with development tokens for fixed roles
                "--jangteo.api.security.dev-login-enabled=true"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long startNanos = System.nanoTime();
        return new AppProcess(builder.start(), startNanos, port, log, List.copyOf(jvmOpts));
    }

    // Small race: another process could take the port before the app binds it; the health wait then fails loudly.
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    Path log() {
        return log;
    }

    List<String> jvmOpts() {
        return jvmOpts;
    }

    URI graphqlUri() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /** Seconds from process start until the health endpoint reports UP. */
    double awaitHealthy(HttpClient http, Duration limit) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(1))
                .GET()
                .build();
        long deadline = startNanos + limit.toNanos();
        String lastAnswer = "none";
        while (System.nanoTime() < deadline) {
            ensureAlive();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
                if (response.statusCode() == 200
                        && "UP".equals(JSON.readTree(response.body()).path("status").asText())) {
                    return (System.nanoTime() - startNanos) / 1e9;
                }
            } catch (IOException e) {
                // refused, timed out or not JSON yet: the application is still starting
                lastAnswer = e.toString();
            }
            Thread.sleep(50);
        }
        throw new IOException("application not healthy within " + limit.toSeconds() + " s (last answer: "
                + lastAnswer + "); see " + log);
    }

    void ensureAlive() throws IOException {
        if (!process.isAlive()) {
            throw new IOException("application exited with code " + process.exitValue() + "; see " + log);
        }
    }

    /** Resident set size of the child in MiB, NaN where /proc is not available. */
    double rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return Double.NaN;
    }

    private void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnShutdown);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and finds the process gone
        }
    }
}
