package io.jangteo.axon.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.jangteo.axon.JangteoProperties;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * MongoDB holds read models, tracking tokens, sagas and dead letters in both modes: the embedded wire-protocol server
 * or a real MongoDB. Only the {@link MongoClient} differs.
 */
@Configuration(proxyBeanMethods = false)
class ReadStoreConfiguration {

    @Bean
    MongoDatabase readStoreDatabase(MongoClient mongoClient, JangteoProperties properties) {
        return mongoClient.getDatabase(properties.mongoDatabase());
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase readStoreDatabase) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(readStoreDatabase)
                .trackingTokensCollectionName("axon_tokens")
                .sagasCollectionName("axon_sagas")
                .deadLetterCollectionName("axon_dead_letters")
                .build();
    }

    /**
     * In embedded mode exactly one process owns the data directory (see {@link DataDirectoryLock}), so the token owner
     * is named after the directory rather than the process: after a crash the restarted process takes its segments
     * back at once instead of waiting out the dead process's claims. Scale-out nodes keep distinct names. Tokens are
     * stored after the work they cover (see {@link AfterCommitTokenStore}).
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, JangteoProperties properties,
                          Environment environment) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer);
        if (RuntimeMode.of(environment) == RuntimeMode.EMBEDDED) {
            builder.nodeId("embedded:" + properties.dataDir().toAbsolutePath().normalize());
        }
        return new AfterCommitTokenStore(builder.build());
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
