package io.jangteo.query.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.order.OrderHistoryPage;
import io.jangteo.messages.order.OrderId;
import io.jangteo.query.shared.HistoryEntries;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * An order's history, read from the event store (the source of truth), not from a projection: the order's stream,
 * oldest first, each event with who did it, when and from where.
 * <p>
 * A cursor is how many events of the stream come before it, so the next page reads the stream from that sequence
 * number on, and pages never skip or repeat an event while the order moves on. The total is the stream's last
 * sequence number plus one. Reading from a sequence number rather than the whole stream also keeps snapshots out.
 */
@Component
class OrderHistory {

    private final EventStore eventStore;
    private final HistoryEntries entries;

    @Autowired
    OrderHistory(EventStore eventStore, ObjectProvider<ObjectMapper> objectMappers) {
        this(eventStore, objectMappers.getIfUnique(ObjectMapper::new));
    }

    OrderHistory(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.entries = new HistoryEntries(objectMapper);
    }

    OrderHistoryPage page(OrderId orderId, int first, String after) {
        String stream = orderId.value();
        long total = HistoryEntries.streamLength(eventStore, stream);
        long before = after == null ? 0 : position(after);
        List<HistoryEntryView> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        DomainEventStream events = eventStore.readEvents(stream, before);
        while (items.size() < first && events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            items.add(entries.entry(event));
            cursors.add(Long.toString(event.getSequenceNumber() + 1));
        }
        return new OrderHistoryPage(items, cursors, total, events.hasNext());
    }

    private static long position(String cursor) {
        try {
            long position = Long.parseLong(cursor);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an order history cursor: " + cursor);
        }
    }
}
