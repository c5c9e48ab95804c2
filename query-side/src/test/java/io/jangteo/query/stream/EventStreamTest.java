package io.jangteo.query.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.stream.EventStreamFilter;
import io.jangteo.messages.stream.ResumeToken;
import io.jangteo.messages.stream.StreamEnd;
import io.jangteo.messages.stream.StreamEventsQuery;
import io.jangteo.messages.stream.StreamStart;
import io.jangteo.messages.stream.StreamedEventView;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stream over Axon's own embedded event store (in memory: global sequence tokens, like Axon Server). */
class EventStreamTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private EmbeddedEventStore eventStore;
    private EventStream stream;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        stream = new EventStream(eventStore, new ObjectMapper(), Schedulers.boundedElastic());
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void replaysStoredEventsThenFollowsLiveOnesWithoutGapOrDuplicate() {
        append("Order", "o1", 0, new Note("a"), T0);
        append("Order", "o1", 1, new Note("b"), T0.plusSeconds(1));
        List<StreamedEventView> seen = new CopyOnWriteArrayList<>();
        var subscription = stream.stream(query(StreamStart.beginning(), null)).subscribe(seen::add);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
            append("Order", "o1", 2, new Note("c"), T0.plusSeconds(2));
            append("Product", "p1", 0, new Note("d"), T0.plusSeconds(3));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
            assertThat(seen).extracting(StreamedEventView::payloadJson)
                    .containsExactly("{\"text\":\"a\"}", "{\"text\":\"b\"}", "{\"text\":\"c\"}", "{\"text\":\"d\"}");
            assertThat(seen).extracting(StreamedEventView::position).isSorted().doesNotHaveDuplicates();
            assertThat(seen.get(3)).extracting(StreamedEventView::eventType, StreamedEventView::aggregateType,
                            StreamedEventView::aggregateId, StreamedEventView::sequenceNumber,
                            StreamedEventView::occurredAt)
                    .containsExactly("Note", "Product", "p1", 0L, T0.plusSeconds(3));
            assertThat(seen.get(0).metaData()).containsEntry(AuditKeys.ACTOR_ID, "actor-1")
                    .containsEntry(AuditKeys.REQUEST_ID, "req-1");
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void startsAfterAPositionExclusively() {
        for (int i = 0; i < 5; i++) {
            append("Order", "o1", i, new Note("n" + i), T0.plusSeconds(i));
        }
        List<StreamedEventView> all = bounded(StreamStart.beginning(), EventStreamFilter.ALL);
        List<StreamedEventView> after = bounded(StreamStart.after(all.get(2).position()), EventStreamFilter.ALL);
        assertThat(after).extracting(StreamedEventView::eventId)
                .containsExactly(all.get(3).eventId(), all.get(4).eventId());
    }

    @Test
    void resumesFromAResumeTokenRightAfterItsEvent() {
        for (int i = 0; i < 4; i++) {
            append("Order", "o1", i, new Note("n" + i), T0.plusSeconds(i));
        }
        List<StreamedEventView> all = bounded(StreamStart.beginning(), EventStreamFilter.ALL);
        ResumeToken token = ResumeToken.decode(all.get(1).resumeToken());
        assertThat(bounded(StreamStart.resume(token), EventStreamFilter.ALL)).extracting(StreamedEventView::eventId)
                .containsExactly(all.get(2).eventId(), all.get(3).eventId());
    }

    @Test
    void startsAtTheFirstEventAtOrAfterAnInstant() {
        for (int i = 0; i < 5; i++) {
            append("Order", "o1", i, new Note("n" + i), T0.plusSeconds(60L * i));
        }
        assertThat(bounded(StreamStart.at(T0.plusSeconds(150)), EventStreamFilter.ALL))
                .extracting(StreamedEventView::occurredAt)
                .containsExactly(T0.plusSeconds(180), T0.plusSeconds(240));
    }

    @Test
    void filtersByEventTypeAndAggregateType() {
        append("Order", "o1", 0, new Note("order note"), T0);
        append("Product", "p1", 0, new Note("product note"), T0);
        append("Product", "p1", 1, new Other(7), T0);
        assertThat(bounded(StreamStart.beginning(), new EventStreamFilter(Set.of(), Set.of("Product"))))
                .extracting(StreamedEventView::aggregateId, StreamedEventView::eventType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", "Note"),
                        org.assertj.core.groups.Tuple.tuple("p1", "Other"));
        assertThat(bounded(StreamStart.beginning(), new EventStreamFilter(Set.of("Note"), Set.of("Product"))))
                .extracting(StreamedEventView::payloadJson).containsExactly("{\"text\":\"product note\"}");
    }

    @Test
    void endsAtTheHeadAndAtTheLastPositionAsked() {
        for (int i = 0; i < 5; i++) {
            append("Order", "o1", i, new Note("n" + i), T0.plusSeconds(i));
        }
        List<StreamedEventView> all = bounded(StreamStart.beginning(), EventStreamFilter.ALL);
        assertThat(all).hasSize(5);
        List<StreamedEventView> firstThree = stream.stream(new StreamEventsQuery(EventStreamFilter.ALL,
                        StreamStart.beginning(), new StreamEnd(all.get(2).position(), null), true))
                .collectList().block(Duration.ofSeconds(5));
        assertThat(firstThree).extracting(StreamedEventView::eventId)
                .containsExactly(all.get(0).eventId(), all.get(1).eventId(), all.get(2).eventId());
        assertThat(bounded(StreamStart.after(all.get(4).position()), EventStreamFilter.ALL)).isEmpty();
    }

    @Test
    void leavesPersonalDataOutForAnalystsButNotForAdmins() throws Exception {
        MemberRegistered registered = new MemberRegistered(new MemberId("m-1"), "kim@example.com", "김회원",
                "010-1234-5678", ActorRole.CUSTOMER, true, false);
        eventStore.publish(new GenericDomainEventMessage<>("Member", "m-1", 0, registered, Map.of(
                AuditKeys.ACTOR_ID, "m-1", AuditKeys.CLIENT_IP, "203.0.113.9", AuditKeys.USER_AGENT, "Firefox",
                AuditKeys.REQUEST_ID, "r-1"), UUID.randomUUID().toString(), T0));

        StreamedEventView analyst = stream.stream(new StreamEventsQuery(EventStreamFilter.ALL,
                StreamStart.beginning(), StreamEnd.head(), false)).blockFirst(Duration.ofSeconds(5));
        JsonNode payload = new ObjectMapper().readTree(analyst.payloadJson());
        assertThat(payload.has("email")).isFalse();
        assertThat(payload.has("name")).isFalse();
        assertThat(payload.has("phone")).isFalse();
        assertThat(payload.path("memberId").path("value").asText()).isEqualTo("m-1");
        assertThat(analyst.payloadJson()).doesNotContain("kim@example.com", "김회원", "010-1234-5678");
        assertThat(analyst.metaData()).containsOnlyKeys(AuditKeys.ACTOR_ID, AuditKeys.REQUEST_ID);

        StreamedEventView admin = stream.stream(new StreamEventsQuery(EventStreamFilter.ALL,
                StreamStart.beginning(), StreamEnd.head(), true)).blockFirst(Duration.ofSeconds(5));
        assertThat(admin.payloadJson()).contains("kim@example.com", "김회원", "010-1234-5678");
        assertThat(admin.metaData()).containsEntry(AuditKeys.CLIENT_IP, "203.0.113.9")
                .containsEntry(AuditKeys.USER_AGENT, "Firefox");
    }

    @Test
    void readsOnlyWhatTheSubscriberAsksFor() {
        for (int i = 0; i < 50; i++) {
            append("Order", "o1", i, new Note("n" + i), T0.plusSeconds(i));
        }
        AtomicInteger produced = new AtomicInteger();
        List<StreamedEventView> got = stream.stream(query(StreamStart.beginning(), null))
                .doOnNext(e -> produced.incrementAndGet())
                .limitRate(1)
                .take(3, true)
                .collectList().block(Duration.ofSeconds(5));
        assertThat(got).hasSize(3);
        // with demand honoured, nothing beyond what was asked for is read and handed on
        assertThat(produced.get()).isEqualTo(3);
    }

    @Test
    void cancellingClosesTheStoresStream() {
        append("Order", "o1", 0, new Note("a"), T0);
        CountingStore counting = new CountingStore(eventStore);
        EventStream countingStream = new EventStream(counting.proxy(), new ObjectMapper(), Schedulers.boundedElastic());
        AtomicInteger received = new AtomicInteger();
        var subscription = countingStream.stream(query(StreamStart.beginning(), null))
                .subscribe(e -> received.incrementAndGet());
        await().atMost(Duration.ofSeconds(5)).until(() -> received.get() == 1);
        assertThat(counting.closed.get()).isZero();
        subscription.dispose();
        await().atMost(Duration.ofSeconds(5)).until(() -> counting.closed.get() == 1);
        assertThat(counting.opened.get()).isEqualTo(1);
    }

    @Test
    void demandPassesThroughAxonsStreamingQuery() {
        for (int i = 0; i < 200; i++) {
            append("Order", "o1", i, new Note("n" + i), T0.plusSeconds(i));
        }
        CountingStore counting = new CountingStore(eventStore);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(
                new EventStream(counting.proxy(), new ObjectMapper(), Schedulers.boundedElastic())).subscribe(bus);
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();
        List<StreamedEventView> got = Flux.from(gateway.streamingQuery(query(StreamStart.beginning(), null),
                        StreamedEventView.class))
                .limitRate(1)
                .take(3, true)
                .collectList().block(Duration.ofSeconds(5));
        assertThat(got).hasSize(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> counting.closed.get() == 1);
        // what the store handed out is what was asked for plus at most a small prefetch, not all 200 events
        System.out.println("events read from the store for 3 requested through the query bus: " + counting.read.get());
        assertThat(counting.read.get()).isLessThan(50);
    }

    /** The embedded store, counting the streams it opens and closes and the events read from them. */
    private static final class CountingStore {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger read = new AtomicInteger();
        private final EventStore target;

        CountingStore(EventStore target) {
            this.target = target;
        }

        EventStore proxy() {
            return (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EventStore.class},
                    (proxy, method, args) -> {
                        Object result = invoke(method, target, args);
                        if (!method.getName().equals("openStream")) {
                            return result;
                        }
                        opened.incrementAndGet();
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[]{BlockingStream.class}, (p, m, a) -> {
                                    if (m.getName().equals("close")) {
                                        closed.incrementAndGet();
                                    } else if (m.getName().equals("nextAvailable")) {
                                        read.incrementAndGet();
                                    }
                                    return invoke(m, result, a);
                                });
                    });
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private List<StreamedEventView> bounded(StreamStart start, EventStreamFilter filter) {
        return stream.stream(new StreamEventsQuery(filter, start, StreamEnd.head(), true))
                .collectList().block(Duration.ofSeconds(5));
    }

    private static StreamEventsQuery query(StreamStart start, StreamEnd end) {
        return new StreamEventsQuery(EventStreamFilter.ALL, start, end, true);
    }

    private void append(String type, String aggregateId, long sequence, Object payload, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of(
                AuditKeys.ACTOR_ID, "actor-1", AuditKeys.ACTOR_ROLE, "CUSTOMER", AuditKeys.REQUEST_ID, "req-1"),
                UUID.randomUUID().toString(), at));
    }

    record Note(String text) {
    }

    record Other(int number) {
    }
}
