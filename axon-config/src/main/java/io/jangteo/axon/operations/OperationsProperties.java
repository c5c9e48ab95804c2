package io.jangteo.axon.operations;

import io.jangteo.axon.processing.ReadModels;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param readModels       the processing groups that only build read models and so may be replayed; everything else
 *                         (sagas, policies that send commands, payments, media processing) must never see an event
 *                         twice, so a rebuild of it is refused whatever its handlers declare
 * @param progressInterval how often a replaying processor's progress is sent to subscribers
 */
@ConfigurationProperties("jangteo.operations")
record OperationsProperties(List<String> readModels, Duration progressInterval) {

    static final List<String> READ_MODELS = ReadModels.DEFAULT;

    OperationsProperties {
        readModels = readModels == null || readModels.isEmpty() ? READ_MODELS : List.copyOf(readModels);
        progressInterval = progressInterval == null ? Duration.ofMillis(500) : progressInterval;
    }
}
