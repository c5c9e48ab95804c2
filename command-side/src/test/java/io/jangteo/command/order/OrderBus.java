package io.jangteo.command.order;

import io.jangteo.command.payment.PaymentGateway;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.List;
import java.util.function.Function;

/**
 * The order behind a real command bus and event-sourcing repository, as the application wires it: gateway, settings
 * and stored methods resolved as handler parameters, rule violations translated, the audit metadata copied from each
 * command to its events. What the fixture cannot show: what is (not) appended, and refusals as senders receive them.
 */
record OrderBus(EmbeddedEventStore eventStore, CommandGateway gateway) {

    static OrderBus of(PaymentGateway payments, OrderSettings settings, StoredPaymentMethods storedMethods) {
        return of(payments, settings, eventStore -> storedMethods);
    }

    /** {@code storedMethods} may read the same event store (the member's repository, in the application). */
    static OrderBus of(PaymentGateway payments, OrderSettings settings,
                       Function<EmbeddedEventStore, StoredPaymentMethods> storedMethods) {
        EmbeddedEventStore eventStore =
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(
                new SimpleCorrelationDataProvider(AuditKeys.PROPAGATED.toArray(String[]::new))));
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Order.class),
                new SimpleResourceParameterResolverFactory(List.of(payments, settings,
                        storedMethods.apply(eventStore))));
        AggregateModel<Order> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Order.class, resolvers);
        EventSourcingRepository<Order> repository = EventSourcingRepository.builder(Order.class)
                .aggregateModel(model)
                .eventStore(eventStore)
                .build();
        AggregateAnnotationCommandHandler.<Order>builder()
                .aggregateModel(model)
                .repository(repository)
                .build()
                .subscribe(commandBus);
        return new OrderBus(eventStore, DefaultCommandGateway.builder().commandBus(commandBus).build());
    }

    List<DomainEventMessage<?>> events(OrderId orderId) {
        return eventStore.readEvents(orderId.value()).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    List<Object> payloads(OrderId orderId) {
        return events(orderId).stream().<Object>map(DomainEventMessage::getPayload).toList();
    }
}
