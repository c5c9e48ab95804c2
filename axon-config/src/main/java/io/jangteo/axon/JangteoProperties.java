package io.jangteo.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the storage and processing layer.
 *
 * @param dataDir         where the embedded mode keeps events, read models and keys; ignored in scale-out mode
 * @param mongoDatabase   the MongoDB database that holds read models, tokens, sagas and dead letters
 * @param processing      event processor tuning
 */
@ConfigurationProperties("jangteo")
public record JangteoProperties(Path dataDir, String mongoDatabase, Processing processing) {

    public JangteoProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        mongoDatabase = mongoDatabase == null || mongoDatabase.isBlank() ? "jangteo" : mongoDatabase;
        processing = processing == null ? new Processing(0, null) : processing;
    }

    /**
     * @param batchSize events handled per unit of work by each streaming processor
     * @param tokenClaimInterval how long an idle processor waits before trying to claim a segment again
     */
    public record Processing(int batchSize, Duration tokenClaimInterval) {
        public Processing {
            batchSize = batchSize <= 0 ? 100 : batchSize;
            tokenClaimInterval = tokenClaimInterval == null ? Duration.ofSeconds(1) : tokenClaimInterval;
        }
    }
}
