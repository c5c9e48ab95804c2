package io.jangteo.command.shared;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon registers handler interceptor beans with the command bus. */
@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> ruleViolationTranslator() {
        return new RuleViolationTranslator();
    }
}
