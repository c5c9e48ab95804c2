package io.jangteo.axon;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JangteoProperties.class)
class JangteoAxonConfiguration {
}
