package io.jangteo.axon.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's Spring Boot auto-configuration registers every {@link EventUpcaster} bean with its configurer, in bean
 * order; the embedded storage engine, built by hand, takes the same beans.
 */
@Configuration(proxyBeanMethods = false)
class UpcastingConfiguration {

    @Bean
    EventUpcaster productCreatedUpcaster() {
        return new ProductCreatedUpcaster();
    }
}
