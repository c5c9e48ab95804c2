package io.jangteo.graphql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application as an operator runs it: {@code java -jar}, killed without warning, started twice on one
 * data directory, started in scale-out mode with no Axon Server.
 */
class ProcessLifecycleIT {

    private static final Path JAR = Path.of("target", "jangteo.jar");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAcknowledgedMutationSurvivesSigkill() throws Exception {
        Path dataDir = work.resolve("data");
        int port = freePort();
        Process first = start(dataDir, port, work.resolve("first.log"));
        awaitHealthy(port, first);
        String token = login(port);
        String created = new RawGraphQl(port).post(token, "mutation { createProduct(input: {name: \\\"Before kill\\\", "
                + "basePrice: {amount: 9900, currency: \\\"KRW\\\"}}) { product { id } errors { code } } }");
        String id = RawGraphQl.field(created, "id");
        String renamed = new RawGraphQl(port).post(token, "mutation { renameProduct(input: {productId: \\\"" + id
                + "\\\", name: \\\"Survives SIGKILL\\\"}) { product { name version } errors { code } } }");
        assertThat(renamed).contains("\"name\":\"Survives SIGKILL\"");

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush on close
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Path secondLog = work.resolve("second.log");
        Process second = start(dataDir, port, secondLog);
        awaitHealthy(port, second);
        try {
            // a restarted processor may first wait out the killed process's claim on its segment (10 s)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(new RawGraphQl(port).post(token, "{ product(id: \\\"" + id + "\\\") { name version } }"))
                            .contains("\"name\":\"Survives SIGKILL\"").contains("\"version\":1"));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("after the restart: " + e.getMessage() + "\n--- as an admin sees it ---\n"
                    + adminView(port, id) + "\n--- first run ---\n"
                    + Files.readString(work.resolve("first.log")) + "\n--- second run ---\n"
                    + Files.readString(secondLog) + "\n--- threads of the second run ---\n" + threadDump(second), e);
        }
        assertThat(new RawGraphQl(port).post(token, "{ products(last: 5) { edges { node { id } } } }")).contains(id);
    }

    /**
     * Tells a product the read model lost apart from one the seller's token cannot see: the admin's view of the
     * product, the newest products, and how far each processor got.
     */
    private static String adminView(int port, String id) {
        try {
            RawGraphQl api = new RawGraphQl(port);
            String admin = RawGraphQl.field(api.post(null, "mutation { devLogin(input: {role: ADMIN}) { token } }"),
                    "token");
            return api.post(admin, "{ product(id: \\\"" + id + "\\\") { name version status } }") + "\n"
                    + api.post(admin, "{ products(last: 5) { totalCount edges { node { id name } } } }");
        } catch (Exception failure) {
            return "no admin view: " + failure;
        }
    }

    /** Where the restarted process's threads stand, for a failure that shows only a missing product (a stuck processor). */
    private static String threadDump(Process process) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (Exception e) {
            return "no thread dump: " + e;
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryRefusesToStartWithAClearMessage() throws Exception {
        Path dataDir = work.resolve("data");
        int port = freePort();
        Process first = start(dataDir, port, work.resolve("first.log"));
        awaitHealthy(port, first);

        Path secondLog = work.resolve("second.log");
        Process second = start(dataDir, freePort(), secondLog);

        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("second process exits").isTrue();
        assertThat(second.exitValue()).isNotZero();
        assertThat(Files.readString(secondLog))
                .contains("is already in use by another Jangteo process (pid " + first.pid() + ")")
                .contains("--jangteo.data-dir");
        assertThat(new RawGraphQl(port).post(null, "{ ping }")).contains("\"ping\":true");
    }

    @Test
    void scaleOutModeWithoutAxonServerFailsFastNamingWhatItTriedToReach() throws Exception {
        int closedPort = freePort();
        Path log = work.resolve("scale-out.log");
        Process process = start(work.resolve("unused"), freePort(), log,
                "--spring.profiles.active=scale-out",
                "--axon.axonserver.servers=127.0.0.1:" + closedPort,
                "--jangteo.scale-out.connect-timeout=1s");

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("process exits").isTrue();
        assertThat(process.exitValue()).isNotZero();
        String output = Files.readString(log);
        assertThat(output.lines().filter(line -> line.contains(" ERROR ")
                && line.contains("Axon Server is not reachable at 127.0.0.1:" + closedPort)))
                .hasSize(1);
        assertThat(output).doesNotContain("\tat org.axonframework");
    }

    private Process start(Path dataDir, int port, Path log, String... extra) throws IOException {
        assertThat(JAR).as("the packaged application (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString(),
                "--server.port=" + port,
                "--jangteo.data-dir=" + dataDir, "--jangteo.demo.enabled=false",
                "--jangteo.api.security.dev-login-enabled=true"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return process;
    }

    private void awaitHealthy(int port, Process process) {
        Instant deadline = Instant.now().plusSeconds(120);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("process alive before " + deadline).isTrue();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private String login(int port) throws Exception {
        String answer = new RawGraphQl(port).post(null,
                "mutation { devLogin(input: {role: SELLER, sellerId: \\\"kill-test\\\"}) { token } }");
        return RawGraphQl.field(answer, "token");
    }


    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
