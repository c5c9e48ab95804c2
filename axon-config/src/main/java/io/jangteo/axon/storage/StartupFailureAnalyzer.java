package io.jangteo.axon.storage;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Prints why start-up was refused instead of a stack trace: the causes here are the operator's to fix. */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataDirectoryInUseException) {
                return new FailureAnalysis(cause.getMessage(),
                        "Stop the other process or choose another data directory with --jangteo.data-dir.", cause);
            }
            if (cause instanceof AxonServerUnreachableException) {
                return new FailureAnalysis(cause.getMessage(),
                        "Run 'docker compose up -d' or set axon.axonserver.servers.", cause);
            }
        }
        return null;
    }
}
