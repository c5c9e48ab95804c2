package io.jangteo.axon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Counts events appended to the event store ({@code jangteo.events.appended}, tags {@code aggregate_type} and
 * {@code event_type}). Events published inside a unit of work are stored when it commits, so they are counted then and
 * not at all when it rolls back; the messages pass on unchanged, audit metadata and all.
 */
class EventAppendMetrics implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String METER = "jangteo.events.appended";

    private final MeterRegistry registry;

    EventAppendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(u -> count(event));
            } else {
                count(event);
            }
            return event;
        };
    }

    private void count(EventMessage<?> event) {
        Counter.builder(METER)
                .description("Events appended to the event store")
                .tag("aggregate_type", event instanceof DomainEventMessage<?> domain && domain.getType() != null
                        ? domain.getType() : "none")
                .tag("event_type", event.getPayloadType().getSimpleName())
                .register(registry)
                .increment();
    }
}
