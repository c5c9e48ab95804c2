package io.jangteo.command.onboarding;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The withdrawal policy; {@link SellerOnboarding} is found as a saga by its stereotype. */
@Configuration(proxyBeanMethods = false)
class OnboardingConfiguration {

    @Bean
    WhenMemberWithdrawnThenCloseRewards whenMemberWithdrawnThenCloseRewards(CommandGateway commandGateway) {
        return new WhenMemberWithdrawnThenCloseRewards(commandGateway);
    }
}
