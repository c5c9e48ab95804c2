package io.jangteo.command.cart;

import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

import java.util.List;

/**
 * Carts behind a real command bus, event-sourcing repository and event store, with {@link CartMerging} on the same
 * repository, rule violations translated and the audit metadata copied from each command to its events, as the
 * application wires them: what a fixture of one aggregate cannot show (a merge stores two carts' events).
 */
record CartBus(EmbeddedEventStore eventStore, CommandGateway gateway) {

    static CartBus start() {
        EmbeddedEventStore eventStore =
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(
                new SimpleCorrelationDataProvider(AuditKeys.PROPAGATED.toArray(String[]::new))));
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        EventSourcingRepository<Cart> repository = EventSourcingRepository.builder(Cart.class)
                .eventStore(eventStore)
                .build();
        AggregateAnnotationCommandHandler.<Cart>builder()
                .aggregateType(Cart.class)
                .repository(repository)
                .build()
                .subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new CartMerging(repository)).subscribe(commandBus);
        return new CartBus(eventStore, DefaultCommandGateway.builder().commandBus(commandBus).build());
    }

    List<DomainEventMessage<?>> events(CartId cart) {
        return eventStore.readEvents(cart.value()).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    List<Object> payloads(CartId cart) {
        return events(cart).stream().<Object>map(DomainEventMessage::getPayload).toList();
    }
}
