package io.jangteo.command.schedule;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The command scheduler: {@code jangteo.schedule.poll-interval} (default 1 s) between polls,
 * {@code jangteo.schedule.max-attempts} (default 10) sends of a failing command, the first retry after
 * {@code jangteo.schedule.retry-delay} (default 10 s), doubling up to an hour.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    ScheduledCommands scheduledCommands(MongoDatabase readStoreDatabase, Serializer serializer) {
        return new ScheduledCommands(readStoreDatabase, serializer);
    }

    @Bean
    ScheduledCommandPoller scheduledCommandPoller(ScheduledCommands scheduledCommands, CommandGateway commandGateway,
                                                  @Value("${jangteo.schedule.poll-interval:PT1S}") Duration pollInterval,
                                                  @Value("${jangteo.schedule.max-attempts:10}") int maxAttempts,
                                                  @Value("${jangteo.schedule.retry-delay:PT10S}") Duration retryDelay) {
        return new ScheduledCommandPoller(scheduledCommands, commandGateway, pollInterval, maxAttempts, retryDelay,
                Clock.systemUTC());
    }
}
