package io.jangteo.axon.processing;

import io.jangteo.axon.JangteoProperties;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a tracking processor of its own (one processing group per read model) and parks events it
 * cannot handle in a dead-letter queue, in order per aggregate, instead of stopping: one poisoned product must not
 * freeze the whole catalog.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    @Bean
    ConfigurerModule eventProcessingDefaults(JangteoProperties properties,
                                             MongoTemplate axonMongoTemplate,
                                             Serializer serializer,
                                             TransactionManager transactionManager) {
        JangteoProperties.Processing processing = properties.processing();
        return configurer -> configurer.eventProcessing(eventProcessing -> eventProcessing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(processing.batchSize())
                                .andTokenClaimInterval(processing.tokenClaimInterval().toMillis(),
                                        java.util.concurrent.TimeUnit.MILLISECONDS))
                .registerDeadLetterQueueProvider(processingGroup -> config ->
                        MongoSequencedDeadLetterQueue.builder()
                                .processingGroup(processingGroup)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(serializer)
                                .transactionManager(transactionManager)
                                .build()));
    }
}
