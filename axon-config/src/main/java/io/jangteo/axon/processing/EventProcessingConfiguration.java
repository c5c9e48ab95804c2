package io.jangteo.axon.processing;

import io.jangteo.axon.JangteoProperties;
import io.jangteo.axon.privacy.PersonalDataErasure;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every projection runs in a tracking processor of its own (one processing group per read model) and parks events it
 * cannot handle in a dead-letter queue, in order per aggregate, instead of stopping: one poisoned product must not
 * freeze the whole catalog. Dead letters are copies of events, so they are written with the event serializer: a
 * member's parked event keeps its personal data sealed, and erased with the member's key. The one exception is
 * personal-data erasure, which must not skip ahead of a failed erasure and so has no dead-letter queue.
 * <p>
 * Before each event a dead-lettering processor asks its queue whether the event's aggregate has letters parked
 * (they must stay in order); against MongoDB that is a query per event, which made it the largest cost of a replay.
 * Each group's invoker therefore keeps Axon's sequence identifier cache: a segment whose queue was empty when claimed
 * knows which aggregates it parked since, and asks the queue only for those.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /**
     * Ordered last because registering a dead-letter queue provider replaces the previous one, and Axon's JDBC
     * auto-configuration registers its own (which gives a queue only to processors enabled by
     * {@code axon.eventhandling.processors.<name>.dlq.enabled}) as a module of the default order: whichever module
     * ran later used to win, and in embedded mode that was Axon's, so no projection had a queue.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults(JangteoProperties properties,
                                             MongoTemplate axonMongoTemplate,
                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                             TransactionManager transactionManager,
                                             ListableBeanFactory beans, Environment environment) {
        JangteoProperties.Processing processing = properties.processing();
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configure(configurer, processing, axonMongoTemplate, eventSerializer, transactionManager);
                configurer.eventProcessing(eventProcessing -> ReadModels.of(environment).forEach(readModel ->
                        eventProcessing.registerTrackingEventProcessorConfiguration(readModel, config ->
                                processorConfiguration(processing, processing.readModelBatchSize()))));
                Set<String> groups = processingGroups(beans);
                configurer.eventProcessing(eventProcessing -> groups.forEach(group ->
                        eventProcessing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (config, invoker) -> invoker.enableSequenceIdentifierCache())));
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /**
     * The processing groups of the application's event handlers, read from their bean definitions without creating
     * the beans.
     */
    static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class, false);
            if (group != null && !PersonalDataErasure.PROCESSING_GROUP.equals(group.value())) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    private static TrackingEventProcessorConfiguration processorConfiguration(JangteoProperties.Processing processing,
                                                                              int batchSize) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andTokenClaimInterval(processing.tokenClaimInterval().toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static void configure(org.axonframework.config.Configurer configurer,
                                  JangteoProperties.Processing processing, MongoTemplate axonMongoTemplate,
                                  Serializer eventSerializer, TransactionManager transactionManager) {
        configurer.eventProcessing(eventProcessing -> eventProcessing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config ->
                        processorConfiguration(processing, processing.batchSize()))
                .registerDeadLetterQueueProvider(processingGroup ->
                        PersonalDataErasure.PROCESSING_GROUP.equals(processingGroup) ? null : config ->
                                MongoSequencedDeadLetterQueue.builder()
                                        .processingGroup(processingGroup)
                                        .mongoTemplate(axonMongoTemplate)
                                        .serializer(eventSerializer)
                                        .transactionManager(transactionManager)
                                        .build()));
    }
}
