package io.jangteo.command.shared;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon registers handler interceptor beans with the command bus; aggregates that take many commands name the
 * {@value #AGGREGATE_CACHE} bean in their {@code @Aggregate(cache = ...)}.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    static final String AGGREGATE_CACHE = "aggregateCache";

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> ruleViolationTranslator() {
        return new RuleViolationTranslator();
    }

    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache(@Value("${jangteo.axon.aggregate-cache.max-entries:5000}") int maxEntries) {
        // 0 turns caching off, to measure what it is worth
        return maxEntries == 0 ? NoCache.INSTANCE : new BoundedCache(maxEntries);
    }
}
