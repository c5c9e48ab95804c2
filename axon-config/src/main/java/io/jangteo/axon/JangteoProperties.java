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
        processing = processing == null ? new Processing(0, 0, null) : processing;
    }

    /**
     * @param batchSize          most events handled per unit of work by a processor with side effects (sagas,
     *                           policies): a failure makes it handle them all again
     * @param readModelBatchSize most events handled per unit of work by a read model's processor: each changed
     *                           document is written once per batch, so a replay writes far less with large batches
     * @param tokenClaimInterval how long an idle processor waits before trying to claim a segment again
     */
    public record Processing(int batchSize, int readModelBatchSize, Duration tokenClaimInterval) {
        public Processing {
            batchSize = batchSize <= 0 ? 100 : batchSize;
            readModelBatchSize = readModelBatchSize <= 0 ? 1_000 : readModelBatchSize;
            tokenClaimInterval = tokenClaimInterval == null ? Duration.ofSeconds(1) : tokenClaimInterval;
        }
    }
}
