package io.jangteo.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked-in list of Prometheus series names the application exposes: the IT proves each is scraped, the
 * dashboard test proves every panel queries only listed names, so the dashboard and the application cannot drift
 * apart without one of them failing.
 */
final class ExposedMetrics {

    static final String LIST = "/metrics/exposed-metrics.txt";

    private ExposedMetrics() {
    }

    static Set<String> names() {
        try (InputStream in = ExposedMetrics.class.getResourceAsStream(LIST)) {
            Set<String> names = new TreeSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's {@code ops} directory, found upwards from the module the tests run in. */
    static Path opsDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ops/grafana"))) {
                return dir.resolve("ops");
            }
        }
        throw new IllegalStateException("No ops/grafana directory above " + Path.of("").toAbsolutePath());
    }
}
