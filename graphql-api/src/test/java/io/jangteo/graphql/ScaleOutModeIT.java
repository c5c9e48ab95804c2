package io.jangteo.graphql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end-to-end scenario in scale-out mode: Axon Server for events and routing, MongoDB for read models. Uses
 * services already running on the default ports (as {@code docker compose up -d} leaves them), else starts them with
 * Testcontainers, else is skipped with the reason.
 */
class ScaleOutModeIT {

    private static GenericContainer<?> axonServer;
    private static MongoDBContainer mongo;
    private static ConfigurableApplicationContext application;
    private static int port;
    private static String skipReason;

    @BeforeAll
    static void startScaleOutMode() {
        String axonServers;
        String mongoUri;
        if (reachable("localhost", 8124) && reachable("localhost", 27017)) {
            axonServers = "localhost:8124";
            mongoUri = "mongodb://localhost:27017/?directConnection=true";
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            axonServer = new GenericContainer<>(DockerImageName.parse("axoniq/axonserver:latest"))
                    .withEnv("AXONIQ_AXONSERVER_STANDALONE", "TRUE")
                    .withExposedPorts(8024, 8124)
                    .waitingFor(Wait.forHttp("/actuator/health").forPort(8024).forStatusCode(200))
                    .withStartupTimeout(Duration.ofMinutes(3));
            mongo = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));
            axonServer.start();
            mongo.start();
            axonServers = axonServer.getHost() + ":" + axonServer.getMappedPort(8124);
            mongoUri = mongo.getReplicaSetUrl();
        } else {
            String reason = "SKIPPED ScaleOutModeIT: scale-out mode needs Axon Server and MongoDB; none answers on "
                    + "localhost:8124/27017 and no Docker engine is available to start them";
            System.out.println(reason);
            skipReason = reason;
            return;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        application = new SpringApplicationBuilder(JangteoApplication.class)
                .profiles("scale-out")
                .properties(
                        "server.port=0",
                        "axon.axonserver.servers=" + axonServers,
                        "spring.data.mongodb.uri=" + mongoUri,
                        "jangteo.mongo-database=jangteo-it-" + UUID.randomUUID().toString().substring(0, 8),
                        "jangteo.api.security.jwt-secret=" + Base64.getEncoder().encodeToString(secret),
                        "jangteo.privacy.master-key=" + Base64.getEncoder().encodeToString(secret),
                        "jangteo.api.security.dev-login-enabled=true")
                .run();
        port = ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    /** Skipping per test, not in {@code @BeforeAll}, so that the report counts the test as skipped, with the reason. */
    @BeforeEach
    void requireScaleOutServices() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
        if (axonServer != null) {
            axonServer.stop();
        }
    }

    @Test
    void createRenameAndListAProductInScaleOutMode() throws Exception {
        String token = RawGraphQl.field(new RawGraphQl(port).post(null,
                "mutation { devLogin(input: {role: SELLER, sellerId: \\\"scale-out\\\"}) { token } }"), "token");
        String id = RawGraphQl.field(new RawGraphQl(port).post(token, "mutation { createProduct(input: {name: \\\"Distributed\\\", "
                + "basePrice: {amount: 1000, currency: \\\"KRW\\\"}}) { product { id } errors { code } } }"), "id");

        assertThat(new RawGraphQl(port).post(token, "mutation { renameProduct(input: {productId: \\\"" + id
                + "\\\", name: \\\"Renamed across nodes\\\"}) { product { name version } errors { code } } }"))
                .contains("\"name\":\"Renamed across nodes\"").contains("\"version\":1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(new RawGraphQl(port).post(null, "{ products(last: 10) { edges { node { id name } } } }")).contains(id));
    }


    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
