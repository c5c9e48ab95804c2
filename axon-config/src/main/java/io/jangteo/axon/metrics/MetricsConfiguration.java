package io.jangteo.axon.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The bus metrics. Axon registers handler interceptor beans with the command bus, but event dispatch interceptor beans
 * only with the event gateway, which aggregates do not use: the event counter is registered with the event bus (the
 * event store) itself.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Outermost, so its time includes every other interceptor's work. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MessageHandlerInterceptor<CommandMessage<?>> commandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    @Bean
    EventProcessorMetrics eventProcessorMetrics(EventProcessingConfiguration eventProcessing, EventStore eventStore,
                                      ObjectProvider<EventStorageEngine> storageEngine) {
        return new EventProcessorMetrics(eventProcessing, eventStore, storageEngine::getIfAvailable);
    }

    /** Bound once every processor exists: Axon builds them while the context starts. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> processorGauges(EventProcessorMetrics eventProcessorMetrics,
                                                              MeterRegistry registry) {
        return event -> eventProcessorMetrics.bindTo(registry);
    }

    /** Named {@code projections} in the health groups. */
    @Bean
    HealthIndicator projectionsHealthIndicator(EventProcessorMetrics eventProcessorMetrics) {
        return new ProjectionsHealthIndicator(eventProcessorMetrics);
    }

    @Bean
    InitializingBean eventAppendMetrics(EventBus eventBus, MeterRegistry registry) {
        return () -> eventBus.registerDispatchInterceptor(new EventAppendMetrics(registry));
    }
}
