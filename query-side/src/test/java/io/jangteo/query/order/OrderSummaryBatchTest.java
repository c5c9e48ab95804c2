package io.jangteo.query.order;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.DomainEventFeed;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.VersionedDocuments;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jangteo.query.order.OrderFixtures.L1;
import static io.jangteo.query.order.OrderFixtures.L2;
import static io.jangteo.query.order.OrderFixtures.L3;
import static io.jangteo.query.order.OrderFixtures.S1;
import static io.jangteo.query.order.OrderFixtures.S2;
import static io.jangteo.query.order.OrderFixtures.approved;
import static io.jangteo.query.order.OrderFixtures.cancelled;
import static io.jangteo.query.order.OrderFixtures.confirmed;
import static io.jangteo.query.order.OrderFixtures.delivered;
import static io.jangteo.query.order.OrderFixtures.exchangeApproved;
import static io.jangteo.query.order.OrderFixtures.exchangeRequested;
import static io.jangteo.query.order.OrderFixtures.exchangeShipped;
import static io.jangteo.query.order.OrderFixtures.linesCancelled;
import static io.jangteo.query.order.OrderFixtures.placed;
import static io.jangteo.query.order.OrderFixtures.preparing;
import static io.jangteo.query.order.OrderFixtures.refund;
import static io.jangteo.query.order.OrderFixtures.requested;
import static io.jangteo.query.order.OrderFixtures.returnApproved;
import static io.jangteo.query.order.OrderFixtures.returnReceived;
import static io.jangteo.query.order.OrderFixtures.returnRequested;
import static io.jangteo.query.order.OrderFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order read model written in processor batches (documents kept in memory, one bulk write when the batch commits;
 * see {@link VersionedDocuments}) is exactly the read model written event by event, whatever the batch size; a batch
 * writes nothing before it commits and nothing when it rolls back (an erasure writes what the batch holds before it
 * blanks the addresses, so these two cases use order events only); a document changed under a batch fails the batch
 * instead of being overwritten; an erasure in the middle of a batch blanks the addresses the batch holds.
 */
class OrderSummaryBatchTest {

    private static EmbeddedReadStore readStore;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @Test
    void batchesOfAnySizeGiveTheReadModelThatEventByEventWritesGive() {
        List<DomainEventMessage<?>> history = history();

        Map<String, Document> oneByOne = eventByEvent(history);
        assertThat(oneByOne).hasSize(6);
        for (int batchSize : new int[] {1, 2, 7, 50, history.size()}) {
            Fixture batched = new Fixture();
            for (int from = 0; from < history.size(); from += batchSize) {
                batched.handleInBatch(history.subList(from, Math.min(history.size(), from + batchSize)));
            }
            assertThat(withoutChangeNumbers(batched.documents())).as("batches of %d", batchSize)
                    .isEqualTo(withoutChangeNumbers(oneByOne));
            assertDistinctChangeNumbersAllCommitted(batched);
        }
    }

    @Test
    void aBatchWritesNothingBeforeItCommits() {
        // without the erasure, which writes what the batch holds before it blanks the addresses
        List<DomainEventMessage<?>> orders = history().stream().filter(m -> m.getType().equals("Order")).toList();
        Fixture fixture = new Fixture();
        AtomicInteger seenDuringBatch = new AtomicInteger(-1);

        fixture.handleInBatch(orders, message -> seenDuringBatch.accumulateAndGet(
                (int) fixture.database.getCollection(OrderSummaryDocument.COLLECTION).countDocuments(), Math::max));

        assertThat(seenDuringBatch).hasValue(0);
        assertThat(fixture.documents()).hasSize(6);
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        List<DomainEventMessage<?>> orders = history().stream().filter(m -> m.getType().equals("Order")).toList();
        Fixture fixture = new Fixture();
        fixture.handleInBatch(orders.subList(0, 4));
        Map<String, Document> before = fixture.documents();

        List<DomainEventMessage<?>> next = orders.subList(4, 40);
        assertThatThrownBy(() -> fixture.handleInBatch(next, message -> {
            if (message == next.get(next.size() - 1)) {
                throw new IllegalStateException("the processor fails the batch");
            }
        })).hasMessageContaining("fails the batch");

        assertThat(fixture.documents()).isEqualTo(before);
    }

    @Test
    void aChangeThatFailsHalfWayLeavesTheKeptDocumentAsItWas() {
        Fixture fixture = new Fixture();
        VersionedDocuments documents = new VersionedDocuments(fixture.database.getCollection("plain"),
                new ChangeCounters(fixture.database), "plain");
        List<DomainEventMessage<?>> batch = List.of(
                DomainEventFeed.message("Thing", "t-1", 0, "created", Instant.EPOCH),
                DomainEventFeed.message("Thing", "t-1", 1, "added", Instant.EPOCH),
                DomainEventFeed.message("Thing", "t-1", 2, "fails", Instant.EPOCH),
                DomainEventFeed.message("Thing", "t-1", 3, "changed", Instant.EPOCH));

        new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            long version = message.getSequenceNumber();
            switch ((String) message.getPayload()) {
                case "created" -> documents.create("t-1", version, n -> new Document("inner",
                        new Document("state", "created")).append("items", new ArrayList<>(List.of("a"))));
                case "added" -> documents.change("t-1", version, document -> {
                    document.getList("items", String.class).add("b");
                    document.get("inner", Document.class).put("state", "added");
                    return document;
                });
                case "fails" -> {
                    try {
                        documents.change("t-1", version, document -> {
                            document.get("inner", Document.class).put("state", "half-way");
                            document.getList("items", String.class).add("half-way");
                            throw new IllegalArgumentException("the handler fails on this event");
                        });
                    } catch (IllegalArgumentException e) {
                        // a dead-lettering invoker catches it; the batch goes on
                    }
                }
                default -> documents.change("t-1", version, document -> document.append("last", "changed"));
            }
            return null;
        });

        Document stored = fixture.database.getCollection("plain").find().first();
        assertThat(stored.get("inner", Document.class).getString("state")).isEqualTo("added");
        assertThat(stored.getList("items", String.class)).containsExactly("a", "b");
        assertThat(stored.getString("last")).isEqualTo("changed");
        assertThat(stored.get(VersionedDocuments.VERSION, Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void aDocumentChangedUnderTheBatchFailsTheBatchInsteadOfBeingOverwritten() {
        Fixture fixture = new Fixture();
        List<DomainEventMessage<?>> history = history();
        fixture.handleInBatch(history.subList(0, 2)); // o-1 and o-2 placed (version 0)

        List<DomainEventMessage<?>> next = history.subList(2, 12);
        assertThatThrownBy(() -> fixture.handleInBatch(next, message -> {
            if (message == next.get(0)) {
                // another writer (a second node with a stale claim) moves o-1 on after the batch read it
                fixture.database.getCollection(OrderSummaryDocument.COLLECTION).updateOne(Filters.eq("_id", "o-1"),
                        Updates.combine(Updates.inc(VersionedDocuments.VERSION, 5L), Updates.set("marker", true)));
            }
        })).hasMessageContaining("changed under a batch");

        Document o1 = fixture.database.getCollection(OrderSummaryDocument.COLLECTION)
                .find(Filters.eq("_id", "o-1")).first();
        assertThat(o1.getBoolean("marker")).isTrue();
        assertThat(o1.get(VersionedDocuments.VERSION, Number.class).longValue()).isEqualTo(5);
    }

    // ----

    /** Six orders whose events interleave, as a busy shop's do, with a buyer's erasure in the middle. */
    private static List<DomainEventMessage<?>> history() {
        List<List<Object>> orders = List.of(
                List.of(placed("o-1"), requested("o-1"), approved("o-1"), preparing("o-1", S1), preparing("o-1", S2),
                        shipped("o-1", S1), shipped("o-1", S2), delivered("o-1", S1), delivered("o-1", S2),
                        confirmed("o-1", S1, 25_000, false), confirmed("o-1", S2, 30_000, true)),
                List.of(placed("o-2"), requested("o-2"), cancelled("o-2")),
                List.of(placed("o-3"), requested("o-3"), approved("o-3"), linesCancelled("o-3", false, L2),
                        refund("o-3", "r-1", S1, List.of("L2"), 5_000, 0, 0, 0)),
                List.of(placed("o-4"), requested("o-4"), approved("o-4"), preparing("o-4", S1), shipped("o-4", S1),
                        delivered("o-4", S1),
                        returnRequested("o-4", "ret-1", S1, ReturnReason.CHANGE_OF_MIND, "L1"),
                        returnApproved("o-4", "ret-1", S1), returnReceived("o-4", "ret-1", S1),
                        refund("o-4", "r-2", S1, List.of("L1"), 20_000, 0, 3_000, 0)),
                List.of(placed("o-5"), requested("o-5"), approved("o-5"), preparing("o-5", S2), shipped("o-5", S2),
                        delivered("o-5", S2), exchangeRequested("o-5", "ex-1", S2, 6_000, "L3"),
                        exchangeApproved("o-5", "ex-1", S2), exchangeShipped("o-5", "ex-1", S2)),
                List.of(placed("o-6"), requested("o-6"), approved("o-6"), linesCancelled("o-6", true, L1, L2, L3)));
        List<DomainEventMessage<?>> history = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        int longest = orders.stream().mapToInt(List::size).max().orElse(0);
        long tick = 0;
        for (int step = 0; step < longest; step++) {
            for (int i = 0; i < orders.size(); i++) {
                if (step < orders.get(i).size()) {
                    String orderId = "o-" + (i + 1);
                    long sequence = sequences.merge(orderId, 0L, (a, b) -> a + 1);
                    history.add(DomainEventFeed.message("Order", orderId, sequence, orders.get(i).get(step),
                            DomainEventFeed.at(tick++)));
                }
            }
            if (step == 4) {
                // the buyer of every order withdraws: addresses already projected, and those held by the batch, go
                history.add(DomainEventFeed.message("Member", OrderFixtures.BUYER, 0,
                        new MemberWithdrawn(OrderFixtures.member(OrderFixtures.BUYER), "탈퇴"),
                        DomainEventFeed.at(tick++)));
            }
        }
        return history;
    }

    private static Map<String, Document> eventByEvent(List<DomainEventMessage<?>> history) {
        Fixture fixture = new Fixture();
        for (DomainEventMessage<?> message : history) {
            fixture.handle(message);
        }
        return fixture.documents();
    }

    private static Map<String, Document> withoutChangeNumbers(Map<String, Document> documents) {
        Map<String, Document> stripped = new HashMap<>();
        documents.forEach((id, document) -> {
            Document copy = new Document(document);
            copy.remove(VersionedDocuments.CHANGE_SEQ);
            stripped.put(id, copy);
        });
        return stripped;
    }

    private static void assertDistinctChangeNumbersAllCommitted(Fixture fixture) {
        Set<Long> numbers = new HashSet<>();
        for (Document document : fixture.documents().values()) {
            numbers.add(document.get(VersionedDocuments.CHANGE_SEQ, Number.class).longValue());
        }
        assertThat(numbers).hasSize(fixture.documents().size());
        long committed = new ChangeCounters(fixture.database).read(OrderSummaryProjection.PROCESSING_GROUP)
                .committed();
        assertThat(numbers).allMatch(number -> number <= committed);
        assertThat(fixture.database.getCollection(OrderSummaryDocument.COLLECTION)
                .countDocuments(VersionedDocuments.changedBetween(0, committed))).isEqualTo(numbers.size());
    }

    private static final class Fixture {

        final MongoDatabase database = readStore.freshDatabase();
        final AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(
                new OrderSummaryProjection(database, SimpleQueryUpdateEmitter.builder().build()));

        void handle(EventMessage<?> message) {
            try {
                adapter.handle(message);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void handleInBatch(List<DomainEventMessage<?>> batch) {
            handleInBatch(batch, message -> { });
        }

        /** As a tracking processor handles a batch: one unit of work, each message in turn, then one commit. */
        void handleInBatch(List<DomainEventMessage<?>> batch,
                           java.util.function.Consumer<EventMessage<?>> afterEach) {
            var result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
                EventMessage<?> message = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                handle(message);
                afterEach.accept(message);
                return null;
            });
            if (result.isExceptional()) {
                Throwable failure = result.exceptionResult();
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
            }
        }

        Map<String, Document> documents() {
            Map<String, Document> documents = new HashMap<>();
            for (Document document : database.getCollection(OrderSummaryDocument.COLLECTION).find()
                    .sort(Sorts.ascending("_id"))) {
                documents.put(document.getString("_id"), document);
            }
            return documents;
        }
    }
}
