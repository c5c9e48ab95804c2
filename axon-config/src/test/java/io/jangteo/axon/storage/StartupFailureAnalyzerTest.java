package io.jangteo.axon.storage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartupFailureAnalyzerTest {

    private final StartupFailureAnalyzer analyzer = new StartupFailureAnalyzer();

    private final DataDirectoryInUseException dataDirInUse =
            new DataDirectoryInUseException(Path.of("/srv/jangteo/data"), "4242");
    private final AxonServerUnreachableException axonServerUnreachable =
            new AxonServerUnreachableException("axon:8124", List.of("axon:8124 (ConnectException: refused)"));

    @Test
    void explainsADataDirectoryInUse() {
        FailureAnalysis analysis = analyzer.analyze(dataDirInUse);

        assertThat(analysis.getDescription()).isEqualTo(dataDirInUse.getMessage());
        assertThat(analysis.getAction()).contains("--jangteo.data-dir");
        assertThat(analysis.getCause()).isSameAs(dataDirInUse);
    }

    @Test
    void explainsAnUnreachableAxonServer() {
        FailureAnalysis analysis = analyzer.analyze(axonServerUnreachable);

        assertThat(analysis.getDescription()).isEqualTo(axonServerUnreachable.getMessage());
        assertThat(analysis.getAction()).contains("docker compose up -d").contains("axon.axonserver.servers");
        assertThat(analysis.getCause()).isSameAs(axonServerUnreachable);
    }

    @Test
    void findsTheCauseWhenSpringWrapsIt() {
        // listeners and bean factories wrap what they throw; the operator still needs the root explanation
        Throwable wrappedDataDir = new IllegalStateException("listener failed",
                new BeanCreationException("dataSource", dataDirInUse));
        Throwable wrappedAxonServer = new BeanCreationException("eventStore", axonServerUnreachable);

        assertThat(analyzer.analyze(wrappedDataDir).getCause()).isSameAs(dataDirInUse);
        assertThat(analyzer.analyze(wrappedAxonServer).getCause()).isSameAs(axonServerUnreachable);
    }

    @Test
    void leavesOtherFailuresToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("port 8080 in use"))).isNull();
        assertThat(analyzer.analyze(new BeanCreationException("x", new RuntimeException("y")))).isNull();
    }

    @Test
    void isRegisteredWithSpringBootTogetherWithTheStartUpListeners() {
        // without these entries nothing calls the checks: the classes would be tested yet never run
        SpringFactoriesLoader factories = SpringFactoriesLoader.forDefaultResourceLocation();
        // Boot's own analyzers need a bean factory to be built; only ours matter here
        SpringFactoriesLoader.FailureHandler skipOthers = (type, implementation, failure) -> { };

        assertThat(factories.load(FailureAnalyzer.class, null, skipOthers))
                .hasAtLeastOneElementOfType(StartupFailureAnalyzer.class);
        assertThat(factories.load(ApplicationListener.class, null, skipOthers))
                .hasAtLeastOneElementOfType(DataDirectoryLock.class)
                .hasAtLeastOneElementOfType(AxonServerReachability.class);
    }
}
