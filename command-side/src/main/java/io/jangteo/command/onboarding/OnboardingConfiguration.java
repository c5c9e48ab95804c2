package io.jangteo.command.onboarding;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The withdrawal policy; {@link SellerOnboarding} is found as a saga by its stereotype. Its failures propagate so the
 * processor handles the event again: Axon's default for sagas logs a failure and skips the event, which would leave a
 * shop's owner unlinked for good after one timeout.
 */
@Configuration(proxyBeanMethods = false)
class OnboardingConfiguration {

    /** Axon names a saga's processing group after the saga class. */
    static final String ONBOARDING_GROUP = SellerOnboarding.class.getSimpleName() + "Processor";

    @Bean
    ConfigurerModule sellerOnboardingErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(ONBOARDING_GROUP, config -> PropagatingErrorHandler.instance()));
    }

    @Bean
    WhenMemberWithdrawnThenCloseRewards whenMemberWithdrawnThenCloseRewards(CommandGateway commandGateway) {
        return new WhenMemberWithdrawnThenCloseRewards(commandGateway);
    }
}
