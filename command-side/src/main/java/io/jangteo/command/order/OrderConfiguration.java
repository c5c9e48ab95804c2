package io.jangteo.command.order;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.member.Member;
import io.jangteo.command.schedule.ScheduledCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The order's settings with their defaults, {@code jangteo.orders.payment-timeout} (PT30M),
 * {@code jangteo.orders.deposit-deadline} (P3D) and {@code jangteo.orders.auto-confirm-after} (P7D); the port to
 * stored payment methods; the deadlines (processing group {@value OrderDeadlines#PROCESSING_GROUP}) and the
 * after-payment policies (processing group {@value OrderPolicies#PROCESSING_GROUP}). The {@link Order} aggregate
 * receives the settings, the payment gateway and the stored methods as handler parameters.
 */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    @Bean
    OrderSettings orderSettings(@Value("${jangteo.orders.payment-timeout:PT30M}") Duration paymentTimeout,
                                @Value("${jangteo.orders.deposit-deadline:P3D}") Duration depositDeadline,
                                @Value("${jangteo.orders.auto-confirm-after:P7D}") Duration autoConfirmAfter) {
        return new OrderSettings(paymentTimeout, depositDeadline, autoConfirmAfter);
    }

    @Bean
    StoredPaymentMethods orderStoredPaymentMethods(@Qualifier("memberRepository") Repository<Member> members) {
        return new MemberStoredPaymentMethods(members);
    }

    @Bean
    OrderDeadlines orderDeadlines(ScheduledCommands scheduledCommands, OrderSettings orderSettings) {
        return new OrderDeadlines(scheduledCommands, orderSettings);
    }

    @Bean
    WhenOrderLinesCancelledThenGiveBack orderLinesCancelledPolicy(CommandGateway commandGateway,
                                                                  MongoDatabase readStoreDatabase,
                                                                  EventStore eventStore) {
        return new WhenOrderLinesCancelledThenGiveBack(commandGateway, readStoreDatabase, eventStore,
                Clock.systemUTC());
    }

    @Bean
    WhenRefundCompletedThenRefundPoints orderRefundPointsPolicy(CommandGateway commandGateway,
                                                               MongoDatabase readStoreDatabase,
                                                               EventStore eventStore) {
        return new WhenRefundCompletedThenRefundPoints(commandGateway, readStoreDatabase, eventStore,
                Clock.systemUTC());
    }

    @Bean
    WhenPurchaseConfirmedThenRecordPurchase orderPurchaseConfirmedPolicy(CommandGateway commandGateway) {
        return new WhenPurchaseConfirmedThenRecordPurchase(commandGateway);
    }
}
