package io.jangteo.axon.audit;

import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail's plumbing. Correlation data providers copy the actor, client and request from each message to the
 * messages it causes, so an event applied by a command handler carries its command's audit data, and a command sent
 * by a saga carries its event's unless the saga names itself as a system actor.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditKeys.PROPAGATED.toArray(String[]::new));
    }

    /**
     * Axon's provider names the parent message "correlation" and the root "trace"; mapping its keys this way gives the
     * usual meaning: {@code causationId} = the direct parent, {@code correlationId} = the root (the request).
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(AuditKeys.CAUSATION_ID, AuditKeys.CORRELATION_ID);
    }

    /** Axon registers dispatch interceptor beans with the command gateway, through which every command is sent. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> auditMetaDataEnforcer() {
        return new AuditMetaDataEnforcer();
    }
}
