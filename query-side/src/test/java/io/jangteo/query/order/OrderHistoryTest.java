package io.jangteo.query.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.order.FindOrderHistoryQuery;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.OrderHistoryPage;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.shared.EmbeddedReadStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jangteo.query.order.OrderFixtures.S1;
import static io.jangteo.query.order.OrderFixtures.approved;
import static io.jangteo.query.order.OrderFixtures.erasedPlaced;
import static io.jangteo.query.order.OrderFixtures.id;
import static io.jangteo.query.order.OrderFixtures.placed;
import static io.jangteo.query.order.OrderFixtures.preparing;
import static io.jangteo.query.order.OrderFixtures.requested;
import static io.jangteo.query.order.OrderFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class OrderHistoryTest {

    private static final Instant T0 = OrderFixtures.T;

    private static EmbeddedReadStore readStore;

    private EmbeddedEventStore eventStore;
    private OrderHistory history;

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
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        history = new OrderHistory(eventStore, new ObjectMapper());
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void showsTheOrdersEventsOldestFirstAndNoOtherOrders() {
        storePaidOrder("o-1");
        eventStore.publish(order("o-2", 0, placed("o-2"), T0));

        OrderHistoryPage page = history.page(id("o-1"), 10, null);

        assertThat(page.items()).extracting(HistoryEntryView::aggregateType, HistoryEntryView::aggregateId,
                        HistoryEntryView::sequenceNumber, HistoryEntryView::eventType, HistoryEntryView::occurredAt)
                .containsExactly(
                        tuple("Order", "o-1", 0L, "OrderPlaced", T0),
                        tuple("Order", "o-1", 1L, "PaymentRequested", minutes(1)),
                        tuple("Order", "o-1", 2L, "PaymentApproved", minutes(2)));
        assertThat(page).extracting(OrderHistoryPage::totalCount, OrderHistoryPage::hasNextPage,
                OrderHistoryPage::cursors).containsExactly(3L, false, List.of("1", "2", "3"));
    }

    @Test
    void eachEntryCarriesWhoDidItWhenAndFromWhere() {
        DomainEventMessage<?> stored = order("o-1", 0, placed("o-1"), T0);
        eventStore.publish(stored);

        HistoryEntryView entry = history.page(id("o-1"), 1, null).items().get(0);

        assertThat(entry).isEqualTo(new HistoryEntryView(stored.getIdentifier(), "Order", "o-1", 0, "OrderPlaced",
                T0, "actor-o-1", "CUSTOMER", "203.0.113.7", "Mozilla/5.0", "req-o-1-0", "corr-o-1",
                "cause-o-1-0", entry.payloadJson()));
    }

    @Test
    void thePayloadIsTheEventAsJsonWithIsoTimesAndMoneyInMinorUnits() throws Exception {
        storePaidOrder("o-1");

        List<HistoryEntryView> items = history.page(id("o-1"), 10, null).items();
        JsonNode placed = new ObjectMapper().readTree(items.get(0).payloadJson());
        JsonNode approved = new ObjectMapper().readTree(items.get(2).payloadJson());

        assertThat(placed.get("orderId").get("value").asText()).isEqualTo("o-1");
        assertThat(placed.get("quote").get("amountToPay")).isEqualTo(new ObjectMapper().readTree("""
                {"amount":54250,"currency":"KRW"}"""));
        assertThat(placed.get("shippingAddress").get("postcode").asText()).isEqualTo("06236");
        assertThat(placed.get("placedAt").asText()).isEqualTo("2025-03-01T09:00:00Z");
        assertThat(approved.get("method").asText()).isEqualTo("KAKAO_PAY");
    }

    @Test
    void anErasedBuyersAddressReadsAsJsonNull() throws Exception {
        eventStore.publish(order("o-1", 0, erasedPlaced("o-1"), T0));

        JsonNode placed = new ObjectMapper().readTree(history.page(id("o-1"), 1, null).items().get(0).payloadJson());

        assertThat(placed.get("shippingAddress").isNull()).isTrue();
        assertThat(placed.get("buyerId").get("value").asText()).isEqualTo("m-buyer");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsEvenWhileTheOrderMovesOn() {
        storePaidOrder("o-1");
        List<String> seen = new ArrayList<>();

        OrderHistoryPage first = history.page(id("o-1"), 2, null);
        first.items().forEach(item -> seen.add(item.eventId()));
        eventStore.publish(order("o-1", 3, preparing("o-1", S1), minutes(3)),
                order("o-1", 4, shipped("o-1", S1), minutes(4)));
        OrderHistoryPage second = history.page(id("o-1"), 2, first.cursors().get(1));
        second.items().forEach(item -> seen.add(item.eventId()));
        OrderHistoryPage third = history.page(id("o-1"), 2, second.cursors().get(1));
        third.items().forEach(item -> seen.add(item.eventId()));

        assertThat(first.hasNextPage()).isTrue();
        assertThat(second.items()).extracting(HistoryEntryView::eventType)
                .containsExactly("PaymentApproved", "SellerPartPreparing");
        assertThat(second.hasNextPage()).isTrue();
        assertThat(third.items()).extracting(HistoryEntryView::eventType).containsExactly("SellerPartShipped");
        assertThat(third).extracting(OrderHistoryPage::totalCount, OrderHistoryPage::hasNextPage)
                .containsExactly(5L, false);
        assertThat(seen).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aSnapshotIsNotPartOfTheHistory() {
        storePaidOrder("o-1");
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Order", "o-1", 1, Map.of("state", "snapshot")));

        assertThat(history.page(id("o-1"), 10, null).items()).extracting(HistoryEntryView::eventType)
                .containsExactly("OrderPlaced", "PaymentRequested", "PaymentApproved");
    }

    @Test
    void anUnknownOrderHasAnEmptyHistory() {
        assertThat(history.page(id("nothing"), 10, null))
                .isEqualTo(new OrderHistoryPage(List.of(), List.of(), 0, false));
    }

    @Test
    void refusesAHistoryCursorItDidNotHandOut() {
        assertThatIllegalArgumentException().isThrownBy(() -> history.page(id("o-1"), 10, "1.2"));
        assertThatIllegalArgumentException().isThrownBy(() -> history.page(id("o-1"), 10, "-1"));
    }

    @Test
    void aTrackingProcessorOverTheEventStoreFeedsTheOrdersWhileTheHistoryReadsTheStore() {
        MongoDatabase database = readStore.freshDatabase();
        OrderSummaryProjection projection = new OrderSummaryProjection(database,
                SimpleQueryUpdateEmitter.builder().build());
        OrderQueryHandler orders = new OrderQueryHandler(database, history);
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(OrderSummaryProjection.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projection).build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        processor.start();
        try {
            storePaidOrder("o-1");
            eventStore.publish(new GenericDomainEventMessage<>("Member", "m-buyer", 7,
                    new MemberWithdrawn(OrderFixtures.member("m-buyer"), "탈퇴")));
            Viewer support = new Viewer(ActorRole.SUPPORT, "u-support", null);

            // the withdrawal comes after the order's events in the stream: once it is applied, so are they
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(orders.find(new FindOrderQuery(id("o-1"), support))).hasValueSatisfying(view ->
                            assertThat(view).extracting(OrderView::status, OrderView::version,
                                            OrderView::shippingAddress)
                                    .containsExactly(OrderStatus.PAID, 2L, null)));
            assertThat(orders.find(new FindOrderHistoryQuery(id("o-1"), 10, null)).totalCount()).isEqualTo(3);
        } finally {
            processor.shutDown();
        }
    }

    private void storePaidOrder(String orderId) {
        eventStore.publish(
                order(orderId, 0, placed(orderId), T0),
                order(orderId, 1, requested(orderId), minutes(1)),
                order(orderId, 2, approved(orderId), minutes(2)));
    }

    private static Instant minutes(long n) {
        return T0.plusSeconds(60 * n);
    }

    private static DomainEventMessage<?> order(String orderId, long sequence, Object event, Instant at) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditKeys.ACTOR_ID, "actor-" + orderId);
        metaData.put(AuditKeys.ACTOR_ROLE, "CUSTOMER");
        metaData.put(AuditKeys.CLIENT_IP, "203.0.113.7");
        metaData.put(AuditKeys.USER_AGENT, "Mozilla/5.0");
        metaData.put(AuditKeys.REQUEST_ID, "req-" + orderId + "-" + sequence);
        metaData.put(AuditKeys.CORRELATION_ID, "corr-" + orderId);
        metaData.put(AuditKeys.CAUSATION_ID, "cause-" + orderId + "-" + sequence);
        return new GenericDomainEventMessage<>("Order", orderId, sequence, event, metaData,
                UUID.randomUUID().toString(), at);
    }
}
