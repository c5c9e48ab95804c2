package io.jangteo.axon.processing;

import io.jangteo.axon.storage.RuntimeMode;
import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The in-JVM query bus of embedded mode, as Axon's auto-configuration builds it but without a transaction manager:
 * Axon's default wraps every query in a transaction of the event store's JDBC database, which no query handler uses
 * (read models live in MongoDB) and which costs a pooled connection and a commit per query — the largest share of a
 * cheap query's time.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Profile("!" + RuntimeMode.SCALE_OUT_PROFILE)
class EmbeddedQueryBusConfiguration {

    @Bean
    SimpleQueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
