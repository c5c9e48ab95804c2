package io.jangteo.axon.storage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static io.jangteo.axon.storage.StartupEvents.environmentPrepared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AxonServerReachabilityTest {

    private final AxonServerReachability reachability = new AxonServerReachability();

    @Test
    void refusesToStartInScaleOutModeWhenNoAxonServerAnswers() throws IOException {
        String closed = "127.0.0.1:" + closedPort();

        AxonServerUnreachableException refused = catchThrowableOfType(AxonServerUnreachableException.class,
                () -> reachability.onApplicationEvent(scaleOut(closed)));

        assertThat(refused.getMessage())
                .contains("not reachable at " + closed)
                .contains("axon.axonserver.servers")
                .contains("docker compose up -d");
    }

    @Test
    void namesEveryServerItTriedWhenNoneAnswers() throws IOException {
        String first = "127.0.0.1:" + closedPort();
        String second = "127.0.0.1:" + closedPort();

        AxonServerUnreachableException refused = catchThrowableOfType(AxonServerUnreachableException.class,
                () -> reachability.onApplicationEvent(scaleOut(first + ", " + second)));

        assertThat(refused.getMessage()).contains(first + " (").contains(second + " (");
    }

    @Test
    void refusesAMalformedServerAddressWithTheSameMessage() {
        // a typo in the port must say which setting is wrong, not fail with a bare NumberFormatException
        AxonServerUnreachableException refused = catchThrowableOfType(AxonServerUnreachableException.class,
                () -> reachability.onApplicationEvent(scaleOut("127.0.0.1:81x4")));

        assertThat(refused.getMessage()).contains("127.0.0.1:81x4");
    }

    @Test
    void startsWhenTheAxonServerAnswers() throws IOException {
        try (ServerSocket axonServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatCode(() -> reachability.onApplicationEvent(scaleOut("127.0.0.1:" + axonServer.getLocalPort())))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void startsWhenAnyOfSeveralAxonServersAnswers() throws IOException {
        try (ServerSocket axonServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String servers = "127.0.0.1:" + closedPort() + ",127.0.0.1:" + axonServer.getLocalPort();

            assertThatCode(() -> reachability.onApplicationEvent(scaleOut(servers))).doesNotThrowAnyException();
        }
    }

    @Test
    void checksNothingInEmbeddedMode() throws IOException {
        String closed = "127.0.0.1:" + closedPort();

        assertThatCode(() -> reachability.onApplicationEvent(environmentPrepared(Map.of(
                AxonServerReachability.SERVERS, closed,
                AxonServerReachability.TIMEOUT, "500ms"))))
                .doesNotThrowAnyException();
    }

    @Test
    void checksNothingWhenTheAxonServerConnectorIsSwitchedOff() throws IOException {
        String closed = "127.0.0.1:" + closedPort();

        assertThatCode(() -> reachability.onApplicationEvent(environmentPrepared(Map.of(
                AxonServerReachability.SERVERS, closed,
                AxonServerReachability.TIMEOUT, "500ms",
                "axon.axonserver.enabled", "false"), RuntimeMode.SCALE_OUT_PROFILE)))
                .doesNotThrowAnyException();
    }

    private static ApplicationEnvironmentPreparedEvent scaleOut(String servers) {
        return environmentPrepared(Map.of(
                AxonServerReachability.SERVERS, servers,
                AxonServerReachability.TIMEOUT, "500ms"), RuntimeMode.SCALE_OUT_PROFILE);
    }

    /** A port nothing listens on: taken from the OS, then given back. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
