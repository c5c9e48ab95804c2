package io.jangteo.command.shared;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

/**
 * An aggregate behind a real command bus and event-sourcing repository, with {@link RuleViolationTranslator}
 * registered as the application registers it: what the fixture cannot show (loading, locking, refusals as the API
 * receives them).
 */
public record RealCommandBus(EmbeddedEventStore eventStore, CommandGateway gateway) {

    public static <A> RealCommandBus of(Class<A> aggregateType) {
        EmbeddedEventStore eventStore =
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        AggregateAnnotationCommandHandler.<A>builder()
                .aggregateType(aggregateType)
                .repository(EventSourcingRepository.builder(aggregateType).eventStore(eventStore).build())
                .build()
                .subscribe(commandBus);
        return new RealCommandBus(eventStore, DefaultCommandGateway.builder().commandBus(commandBus).build());
    }
}
