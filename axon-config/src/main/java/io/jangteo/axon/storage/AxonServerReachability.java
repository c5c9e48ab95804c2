package io.jangteo.axon.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * In scale-out mode, refuses to start when no Axon Server answers. Without this check Axon's processors retry for a
 * long while and the log fills with connection stack traces before anything says what is missing.
 */
public class AxonServerReachability implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AxonServerReachability.class);
    static final String SERVERS = "axon.axonserver.servers";
    static final String TIMEOUT = "jangteo.scale-out.connect-timeout";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (RuntimeMode.of(environment) != RuntimeMode.SCALE_OUT
                || !environment.getProperty("axon.axonserver.enabled", Boolean.class, true)) {
            return;
        }
        String servers = environment.getProperty(SERVERS, "localhost:8124");
        Duration timeout = Binder.get(environment).bind(TIMEOUT, Duration.class).orElse(Duration.ofSeconds(3));
        List<String> failures = new ArrayList<>();
        for (String server : servers.split(",")) {
            String hostAndPort = server.strip();
            if (hostAndPort.isEmpty()) {
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address(hostAndPort), (int) timeout.toMillis());
                return;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(hostAndPort + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        AxonServerUnreachableException failure = new AxonServerUnreachableException(servers, failures);
        log.error(failure.getMessage());
        throw failure;
    }

    private static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress(hostAndPort, 8124);
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 40;
    }
}
