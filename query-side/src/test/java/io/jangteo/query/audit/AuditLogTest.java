package io.jangteo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AuditEntryView;
import io.jangteo.messages.audit.AuditFilter;
import io.jangteo.messages.audit.AuditLogPage;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindAuditLogQuery;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.query.shared.DomainEventFeed;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.StateChanges;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jangteo.query.audit.AuditFeed.by;
import static io.jangteo.query.audit.AuditFixtures.orderPlaced;
import static io.jangteo.query.audit.AuditFixtures.paymentApproved;
import static io.jangteo.query.audit.AuditFixtures.phoneChanged;
import static io.jangteo.query.audit.AuditFixtures.pointsEarned;
import static io.jangteo.query.audit.AuditFixtures.registered;
import static io.jangteo.query.audit.AuditFixtures.rewards;
import static io.jangteo.query.audit.AuditFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class AuditLogTest {

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private EmbeddedEventStore eventStore;
    private AuditFeed feed;
    private final List<List<String>> stateChangeCalls = new ArrayList<>();
    private AuditQueryHandler handler;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        database = readStore.freshDatabase();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        feed = new AuditFeed(eventStore, new AuditIndexProjection(database));
        StateChanges changes = events -> {
            stateChangeCalls.add(events.stream().map(DomainEventMessage::getIdentifier).toList());
            Map<String, List<FieldChange>> answer = new HashMap<>();
            for (DomainEventMessage<?> event : events) {
                answer.put(event.getIdentifier(), List.of(new FieldChange("seq", null,
                        Long.toString(event.getSequenceNumber()), false)));
            }
            return answer;
        };
        handler = new AuditQueryHandler(database, eventStore, new ObjectMapper(), () -> changes);
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void theIndexHoldsOneEntryPerDomainEventAndARedeliveredEventChangesNothing() {
        storeSixEvents();
        MongoCollection<Document> log = database.getCollection(AuditLogDocument.COLLECTION);
        Document before = log.find(new Document("_id", feed.delivered().get(2).getIdentifier())).first();

        feed.deliver(feed.delivered().get(2));
        feed.deliver(GenericEventMessage.asEventMessage("not a domain event"));

        assertThat(log.countDocuments()).isEqualTo(6);
        assertThat(log.find(new Document("_id", feed.delivered().get(2).getIdentifier())).first()).isEqualTo(before);
        assertThat(before).containsEntry("position", 2L).containsEntry("aggregateType", "Order")
                .containsEntry("aggregateId", "o-1").containsEntry("sequenceNumber", 0L)
                .containsEntry("eventType", "OrderPlaced")
                .containsEntry("timestamp", DomainEventFeed.at(2).toEpochMilli())
                .containsEntry("actorId", "m-1").containsEntry("actorRole", "CUSTOMER")
                .containsEntry("clientIp", "203.0.113.9").containsEntry("userAgent", "Mozilla/5.0")
                .containsEntry("correlationId", "c-3").containsEntry("causationId", "cause-c-3");
        assertThat(before.getString("requestId")).startsWith("req-");
    }

    @Test
    void withoutAFilterTheLogIsEveryEventNewestFirst() {
        storeSixEvents();

        assertThat(page(AuditFilter.none())).containsExactly(
                tuple("rewards-m-1", 0L), tuple("m-2", 0L), tuple("o-1", 1L), tuple("o-1", 0L), tuple("m-1", 1L),
                tuple("m-1", 0L));
    }

    @Test
    void eachFilterPartNarrowsTheLogAndTheTotalCountsTheMatches() {
        storeSixEvents();

        assertThat(page(filter("Member", null, null, List.of(), null, null, null)))
                .containsExactly(tuple("m-2", 0L), tuple("m-1", 1L), tuple("m-1", 0L));
        assertThat(page(filter(null, "m-1", null, List.of(), null, null, null)))
                .containsExactly(tuple("m-1", 1L), tuple("m-1", 0L));
        assertThat(page(filter(null, null, "support-17", List.of(), null, null, null)))
                .containsExactly(tuple("m-1", 1L));
        assertThat(page(filter(null, null, null, List.of("MemberRegistered", "PaymentApproved"), null, null, null)))
                .containsExactly(tuple("m-2", 0L), tuple("o-1", 1L), tuple("m-1", 0L));
        assertThat(page(filter(null, null, null, List.of(), null, null, "c-3")))
                .containsExactly(tuple("rewards-m-1", 0L), tuple("o-1", 1L), tuple("o-1", 0L));
        assertThat(page(filter("Order", null, null, List.of(), null, null, "c-3")))
                .containsExactly(tuple("o-1", 1L), tuple("o-1", 0L));
        assertThat(handler.find(new FindAuditLogQuery(filter(null, null, null, List.of(), null, null, "c-3"), 1))
                .totalCount()).isEqualTo(3);
    }

    @Test
    void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
        storeSixEvents();

        assertThat(page(filter(null, null, null, List.of(), DomainEventFeed.at(1), DomainEventFeed.at(3), null)))
                .containsExactly(tuple("o-1", 0L), tuple("m-1", 1L));
        assertThat(page(filter(null, null, null, List.of(), DomainEventFeed.at(1).plusMillis(1),
                DomainEventFeed.at(3).plusMillis(1), null)))
                .containsExactly(tuple("o-1", 1L), tuple("o-1", 0L));
        assertThat(page(filter(null, null, null, List.of(), DomainEventFeed.at(5), null, null)))
                .containsExactly(tuple("rewards-m-1", 0L));
    }

    @Test
    void pagesNewestFirstNeverSkipOrRepeatEvenWhileEventsArrive() {
        for (int i = 0; i < 25; i++) {
            feed.publish("Member", "m-" + (i % 3), signedIn("m-" + (i % 3)), by("m-" + (i % 3), "CUSTOMER"));
        }
        List<String> expected = new ArrayList<>(feed.delivered().stream().map(m -> m.getIdentifier()).toList());
        java.util.Collections.reverse(expected);

        List<String> seen = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        String after = null;
        do {
            AuditLogPage page = handler.find(new FindAuditLogQuery(AuditFilter.none(), 10, after));
            assertThat(page.totalCount()).isGreaterThanOrEqualTo(25);
            page.items().forEach(item -> seen.add(item.event().eventId()));
            hasNext.add(page.hasNextPage());
            after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
            if (seen.size() == 10) {
                // a newer event must not push an older one onto the next page again
                feed.publish("Member", "m-9", signedIn("m-9"), by("m-9", "CUSTOMER"));
            }
        } while (hasNext.get(hasNext.size() - 1));

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(hasNext).containsExactly(true, true, false);
    }

    @Test
    void theHandlerReadsPayloadsFromTheEventStoreAndAttachesWhatEachEventChangedInOneCall() {
        storeSixEvents();
        EventMessage<?> phoneChange = feed.delivered().get(1);

        AuditLogPage page = handler.find(new FindAuditLogQuery(filter(null, "m-1", null, List.of(), null, null, null),
                10));

        AuditEntryView entry = page.items().get(0);
        assertThat(entry.event()).isEqualTo(new HistoryEntryView(phoneChange.getIdentifier(), "Member", "m-1", 1,
                "MemberPhoneChanged", DomainEventFeed.at(1), "support-17", "SUPPORT", "203.0.113.9", "Mozilla/5.0",
                (String) phoneChange.getMetaData().get("requestId"), "c-2", "cause-c-2", entry.event().payloadJson()));
        assertThat(entry.event().payloadJson()).contains("\"reason\":\"customer call\"");
        assertThat(entry.changes()).containsExactly(new FieldChange("seq", null, "1", false));
        assertThat(page.items().get(1).changes()).containsExactly(new FieldChange("seq", null, "0", false));
        assertThat(stateChangeCalls).containsExactly(List.of(phoneChange.getIdentifier(),
                feed.delivered().get(0).getIdentifier()));
        assertThat(page.cursors()).containsExactly("1", "0");
    }

    @Test
    void aPageAskedWithoutChangesHasItsEventsButRebuildsNothing() {
        storeSixEvents();

        AuditLogPage page = handler.find(new FindAuditLogQuery(filter(null, "m-1", null, List.of(), null, null, null),
                10, null, false));

        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).event().payloadJson()).contains("\"reason\":\"customer call\"");
        assertThat(page.items()).allSatisfy(entry -> assertThat(entry.changes()).isEmpty());
        assertThat(stateChangeCalls).isEmpty();
    }

    @Test
    void anEmptyPageAsksNothingOfTheStateChanges() {
        storeSixEvents();

        AuditLogPage page = handler.find(new FindAuditLogQuery(filter(null, "nobody", null, List.of(), null, null,
                null), 10));

        assertThat(page).isEqualTo(new AuditLogPage(List.of(), List.of(), 0, false));
        assertThat(stateChangeCalls).isEmpty();
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                handler.find(new FindAuditLogQuery(AuditFilter.none(), 10, "m-1:3")));
    }

    /**
     * Six events of three aggregate types; positions 0..5 at minutes 0..5: m-1 registered (by the member, c-1),
     * m-1's phone changed by support (c-2), o-1 placed by m-1 (c-3), o-1 paid by the checkout (c-3), m-2 registered
     * (c-4), points earned by m-1 (c-3).
     */
    private void storeSixEvents() {
        feed.publish("Member", "m-1", registered("m-1"), by("m-1", "CUSTOMER", "c-1"));
        feed.publish("Member", "m-1", phoneChanged("m-1", "customer call"), by("support-17", "SUPPORT", "c-2"));
        feed.publish("Order", "o-1", orderPlaced("o-1", "m-1"), by("m-1", "CUSTOMER", "c-3"));
        feed.publish("Order", "o-1", paymentApproved("o-1", "m-1"), by("system:checkout", "SYSTEM", "c-3"));
        feed.publish("Member", "m-2", registered("m-2"), by("m-2", "CUSTOMER", "c-4"));
        feed.publish("Rewards", rewards("m-1"), pointsEarned("m-1", 1_104), by("system:rewards", "SYSTEM", "c-3"));
    }

    private static AuditFilter filter(String aggregateType, String aggregateId, String actorId,
                                      List<String> eventTypes, Instant from, Instant to, String correlationId) {
        return new AuditFilter(aggregateType, aggregateId, actorId, eventTypes, from, to, correlationId);
    }

    /** The (aggregate id, sequence number) of every matching entry, read two at a time, with the total checked. */
    private List<org.assertj.core.groups.Tuple> page(AuditFilter filter) {
        List<org.assertj.core.groups.Tuple> all = new ArrayList<>();
        String after = null;
        AuditLogPage page;
        do {
            page = handler.find(new FindAuditLogQuery(filter, 2, after));
            for (AuditEntryView item : page.items()) {
                all.add(tuple(item.event().aggregateId(), item.event().sequenceNumber()));
            }
            after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
        } while (page.hasNextPage());
        assertThat(page.totalCount()).isEqualTo(all.size());
        return all;
    }
}
