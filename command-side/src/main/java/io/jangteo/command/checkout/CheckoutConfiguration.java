package io.jangteo.command.checkout;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * Runs {@link CheckoutProcess} (found as a saga by its stereotype, kept in the application's MongoDB saga store) in a
 * tracking processor of its own, {@value CheckoutProcess#PROCESSING_GROUP}, with two threads over two segments: one
 * order's events stay in one segment, in order, while two orders check out side by side.
 * <p>
 * A saga's failure is propagated rather than logged (Axon's default for sagas), so the processor handles the event
 * again, after a growing pause, until it goes through: sagas have no dead-letter queue, and a logged failure would
 * leave an order waiting for ever. One event per batch, so a retry repeats the commands of that event only.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class CheckoutConfiguration {

    static final int THREADS = 2;

    @Bean
    ConfigurerModule checkoutProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(CheckoutProcess.PROCESSING_GROUP, Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forParallelProcessing(THREADS)
                                .andInitialSegmentsCount(THREADS)
                                .andBatchSize(1)
                                .andTokenClaimInterval(1, TimeUnit.SECONDS))
                .registerListenerInvocationErrorHandler(CheckoutProcess.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }
}
