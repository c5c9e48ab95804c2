package io.jangteo.graphql.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The alert engine, unless {@code jangteo.alerts.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "jangteo.alerts", name = "enabled", havingValue = "true", matchIfMissing = true)
class AlertConfiguration {

    @Bean
    AlertEngine alertEngine(AlertProperties properties, MeterRegistry registry,
                            ObjectProvider<HealthContributorRegistry> health, CommandGateway commandGateway,
                            ObjectProvider<Clock> clock) {
        return new AlertEngine(properties, new MetricReader(registry, health.getIfAvailable()), commandGateway,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
