package io.jangteo.axon.privacy;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Prints what to configure instead of a stack trace when a scale-out node starts without the master key. */
public class MasterKeyFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MasterKeyMissingException) {
                return new FailureAnalysis(cause.getMessage(), "Generate one with 'openssl rand -base64 32' and give "
                        + "every node the same value (JANGTEO_PRIVACY_MASTER_KEY); keep it with your backups: without "
                        + "it no member's personal data can be read.", cause);
            }
        }
        return null;
    }
}
