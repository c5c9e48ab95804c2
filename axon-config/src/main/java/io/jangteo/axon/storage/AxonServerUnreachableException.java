package io.jangteo.axon.storage;

import java.util.List;

/** Scale-out mode found no Axon Server at the configured addresses. */
public class AxonServerUnreachableException extends RuntimeException {
    AxonServerUnreachableException(String servers, List<String> failures) {
        super("Scale-out mode: Axon Server is not reachable at " + servers + " (axon.axonserver.servers): "
                + String.join("; ", failures)
                + ". Start it with 'docker compose up -d', or point axon.axonserver.servers at a running server.");
    }
}
