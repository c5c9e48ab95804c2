package io.jangteo.query.shared;

import io.jangteo.messages.audit.FieldChange;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.Map;

/**
 * What stored events changed in their aggregates' states, derived from the events themselves (each aggregate's state
 * rebuilt from its stream up to the event and just before it, then compared), never stored twice. The audit log asks
 * it for a page of entries at once, so events of one aggregate share one rebuild.
 */
public interface StateChanges {

    /**
     * @param events stored events of any aggregates, in any order
     * @return the fields each event changed, keyed by the event's identifier; every given event has an entry (an
     * empty list when it changed nothing that the state shows)
     */
    Map<String, List<FieldChange>> changedBy(List<? extends DomainEventMessage<?>> events);
}
