package io.jangteo.command.rewards;

import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.PointsPolicy;
import io.jangteo.messages.rewards.RewardsId;
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

/**
 * The rewards account behind a real command bus and event-sourcing repository, as the application wires it: the
 * grade table and points policy resolved as handler parameters, rule violations translated, and the audit metadata
 * copied from each command to its events.
 */
public record RewardsBus(EmbeddedEventStore eventStore, CommandGateway gateway) {

    public static RewardsBus of(GradeTable gradeTable, PointsPolicy pointsPolicy) {
        EmbeddedEventStore eventStore =
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(
                new SimpleCorrelationDataProvider(AuditKeys.PROPAGATED.toArray(String[]::new))));
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Rewards.class),
                new SimpleResourceParameterResolverFactory(List.of(gradeTable, pointsPolicy)));
        AggregateModel<Rewards> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Rewards.class, resolvers);
        EventSourcingRepository<Rewards> repository = EventSourcingRepository.builder(Rewards.class)
                .aggregateModel(model)
                .eventStore(eventStore)
                .build();
        AggregateAnnotationCommandHandler.<Rewards>builder()
                .aggregateModel(model)
                .repository(repository)
                .build()
                .subscribe(commandBus);
        return new RewardsBus(eventStore, DefaultCommandGateway.builder().commandBus(commandBus).build());
    }

    public List<DomainEventMessage<?>> events(RewardsId account) {
        return eventStore.readEvents(account.value()).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    public List<Object> payloads(RewardsId account) {
        return events(account).stream().<Object>map(DomainEventMessage::getPayload).toList();
    }
}
