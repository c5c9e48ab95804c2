package io.jangteo.graphql.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  seed a demo catalog when the embedded event store is empty at start-up (never in scale-out mode)
 * @param products how many demo products to create
 * @param images   whether demo products get generated images (processed in the background like uploads)
 */
@ConfigurationProperties("jangteo.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("300") int products,
                             @DefaultValue("true") boolean images) {
}
