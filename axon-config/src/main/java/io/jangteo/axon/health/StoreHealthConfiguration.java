package io.jangteo.axon.health;

import com.mongodb.client.MongoDatabase;
import io.axoniq.axonserver.connector.AxonServerConnection;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import javax.sql.DataSource;
import java.sql.Connection;

/** Health of the two stores the application cannot serve without: the event store and the read store. */
@Configuration(proxyBeanMethods = false)
class StoreHealthConfiguration {

    @Bean
    HealthIndicator readStoreHealthIndicator(MongoDatabase readStoreDatabase) {
        return () -> {
            try {
                readStoreDatabase.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", readStoreDatabase.getName()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    @Profile("!scale-out")
    HealthIndicator eventStoreHealthIndicator(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(2);
                return (valid ? Health.up() : Health.down()).withDetail("store", "H2 (embedded)").build();
            } catch (Exception e) {
                return Health.down().withDetail("store", "H2 (embedded)")
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean(name = "eventStoreHealthIndicator")
    @Profile("scale-out")
    HealthIndicator axonServerEventStoreHealthIndicator(AxonServerConnectionManager connectionManager) {
        return () -> {
            AxonServerConnection connection = connectionManager.getConnection();
            return (connection.isConnected() ? Health.up() : Health.down())
                    .withDetail("store", "Axon Server").build();
        };
    }
}
