package io.jangteo.axon.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The bus metrics; the processor gauges and the projections health indicator sit with the processor status, in
 * {@code io.jangteo.axon.operations}. Axon registers handler interceptor beans with the command bus, but event
 * dispatch interceptor beans only with the event gateway, which aggregates do not use: the event counter is
 * registered with the event bus (the event store) itself.
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
    InitializingBean eventAppendMetrics(EventBus eventBus, MeterRegistry registry) {
        return () -> eventBus.registerDispatchInterceptor(new EventAppendMetrics(registry));
    }
}
