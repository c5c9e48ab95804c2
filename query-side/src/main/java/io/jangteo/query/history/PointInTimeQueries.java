package io.jangteo.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.messages.audit.ChangesView;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindChangesQuery;
import io.jangteo.messages.audit.FindMemberAsOfQuery;
import io.jangteo.messages.audit.FindOrderAsOfQuery;
import io.jangteo.messages.audit.FindProductAsOfQuery;
import io.jangteo.messages.audit.FindSellerAsOfQuery;
import io.jangteo.messages.audit.FindStoredEventQuery;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.query.shared.HistoryEntries;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Point-in-time reads for support: states at an instant and the changes between two, rebuilt from the event store
 * (the source of truth) by the live projections' own code, never read from the read models, which only know the
 * present. Public because each read model's tests compare it with their live query.
 */
@Component
public class PointInTimeQueries {

    private final Replayer replayer;
    private final RebuiltStates rebuilt;
    private final Replays replays;
    private final ErasedMembers erasedMembers;
    private final HistoryEntries entries;

    @Autowired
    PointInTimeQueries(EventStore eventStore, ScratchReadStore scratch, List<StateReplay<?>> replays,
                       ObjectProvider<ErasedMembers> erasedMembers, ObjectProvider<ObjectMapper> objectMappers,
                       RebuiltStates rebuilt) {
        this(eventStore, scratch, replays, erasedMembers.getIfAvailable(() -> ErasedMembers.NONE),
                objectMappers.getIfUnique(ObjectMapper::new), rebuilt);
    }

    /** With states kept of its own, shared with nothing. */
    public PointInTimeQueries(EventStore eventStore, ScratchReadStore scratch, List<? extends StateReplay<?>> replays,
                              ErasedMembers erasedMembers, ObjectMapper objectMapper) {
        this(eventStore, scratch, replays, erasedMembers, objectMapper, new RebuiltStates());
    }

    PointInTimeQueries(EventStore eventStore, ScratchReadStore scratch, List<? extends StateReplay<?>> replays,
                       ErasedMembers erasedMembers, ObjectMapper objectMapper, RebuiltStates rebuilt) {
        this.rebuilt = rebuilt;
        this.replayer = new Replayer(eventStore, scratch, rebuilt, erasedMembers);
        this.replays = new Replays(replays);
        this.erasedMembers = erasedMembers;
        this.entries = new HistoryEntries(objectMapper);
    }

    @QueryHandler
    public Optional<OrderView> find(FindOrderAsOfQuery query) {
        StateReplay<OrderView> orders = replays.typed("Order");
        return viewAt(orders, query.orderId().value(), query.asOf().instant())
                .flatMap(order -> orders.visibleTo(query.viewer(), order));
    }

    @QueryHandler
    public Optional<MemberView> find(FindMemberAsOfQuery query) {
        return viewAt(replays.typed("Member"), query.memberId().value(), query.asOf().instant());
    }

    /** Whether the shop could sell is also taken at the instant, as the live view takes it now. */
    @QueryHandler
    public Optional<ProductView> find(FindProductAsOfQuery query) {
        Instant asOf = query.asOf().instant();
        return viewAt(replays.<ProductView>typed("Product"), query.productId().value(), asOf).map(product -> {
            boolean sellerActive = product.sellerId() != null
                    && viewAt(replays.<SellerView>typed("Seller"), product.sellerId(), asOf)
                    .map(seller -> seller.status() == SellerStatus.ACTIVE).orElse(false);
            return new ProductView(product.id(), product.sellerId(), product.name(), product.description(),
                    product.brand(), product.categoryId(), product.tags(), product.status(), product.basePrice(),
                    product.minPrice(), product.maxPrice(), product.options(), product.variants(), product.media(),
                    product.inStock(), sellerActive, product.version(), product.createdAt(), product.updatedAt());
        });
    }

    @QueryHandler
    public Optional<SellerView> find(FindSellerAsOfQuery query) {
        return viewAt(replays.typed("Seller"), query.sellerId().value(), query.asOf().instant());
    }

    /**
     * Versions are the asked stream's; the changes and the event count are the whole state's, which for a member
     * includes the rewards stream, because those are the events that made the changes shown.
     */
    @QueryHandler
    public Optional<ChangesView> find(FindChangesQuery query) {
        List<DomainEventMessage<?>> stream = replayer.stream(query.aggregateId());
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        String type = stream.get(0).getType();
        long fromVersion = lastAtOrBefore(stream, query.from());
        long toVersion = lastAtOrBefore(stream, query.to());
        StateReplay<?> replay = replays.of(type);
        if (replay == null) {
            List<DomainEventMessage<?>> span = between(stream, query.from(), query.to());
            Map<String, FieldChange> last = new LinkedHashMap<>();
            for (DomainEventMessage<?> event : span) {
                StateDiff.payloadFields(event.getPayload()).forEach(change -> last.put(change.field(), change));
            }
            return Optional.of(new ChangesView(type, query.aggregateId(), fromVersion, toVersion, span.size(),
                    List.copyOf(last.values())));
        }
        String stateId = replay.stateId(query.aggregateId());
        List<DomainEventMessage<?>> events = Replayer.upTo(replayer.events(replay, stateId), query.to());
        int lastBefore = -1;
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).getTimestamp().isAfter(query.from())) {
                lastBefore = i;
            }
        }
        int fromIndex = lastBefore;
        Document[] before = new Document[1];
        Document after = events.isEmpty() ? null
                : replayer.replay(replay, stateId, events, i -> i == fromIndex, (state, i) -> before[0] = state);
        List<FieldChange> changes = StateDiff.between(before[0], after, replay.bookkeeping());
        String subject = replay.dataSubject(stateId, after != null ? after : before[0]);
        if (subject != null && erasedMembers.isErased(subject)) {
            changes = StateDiff.erased(changes, replay.personalFields(), null);
        }
        return Optional.of(new ChangesView(type, query.aggregateId(), fromVersion, toVersion,
                events.size() - 1 - lastBefore, changes));
    }

    /** Read from the sequence number on, so a snapshot is never taken for a stored event. */
    @QueryHandler
    public Optional<HistoryEntryView> find(FindStoredEventQuery query) {
        DomainEventStream stream = replayer.eventStore().readEvents(query.aggregateId(), query.sequenceNumber());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() == query.sequenceNumber()) {
                return Optional.of(entries.entry(event));
            }
            if (event.getSequenceNumber() > query.sequenceNumber()) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The states kept from earlier rebuilds; for tests. */
    RebuiltStates rebuiltStates() {
        return rebuilt;
    }

    /** How many events were fed through projections since this was made; for tests, which must not time. */
    long replayedEvents() {
        return replayer.replayedEvents();
    }

    private <V> Optional<V> viewAt(StateReplay<V> replay, String stateId, Instant asOf) {
        return replayer.stateAt(replay, stateId, asOf).map(state -> replay.view(state, asOf));
    }

    private static long lastAtOrBefore(List<DomainEventMessage<?>> stream, Instant instant) {
        long last = -1;
        for (DomainEventMessage<?> event : stream) {
            if (!event.getTimestamp().isAfter(instant)) {
                last = event.getSequenceNumber();
            }
        }
        return last;
    }

    private static List<DomainEventMessage<?>> between(List<DomainEventMessage<?>> stream, Instant from, Instant to) {
        List<DomainEventMessage<?>> span = new ArrayList<>();
        for (DomainEventMessage<?> event : stream) {
            if (event.getTimestamp().isAfter(from) && !event.getTimestamp().isAfter(to)) {
                span.add(event);
            }
        }
        return span;
    }
}
