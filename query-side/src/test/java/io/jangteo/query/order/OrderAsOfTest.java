package io.jangteo.query.order;

import io.jangteo.query.history.ReplayStoresTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.ChangesView;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindChangesQuery;
import io.jangteo.messages.audit.FindOrderAsOfQuery;
import io.jangteo.messages.audit.FindStoredEventQuery;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.history.PointInTime;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jangteo.query.order.OrderFixtures.BUYER;
import static io.jangteo.query.order.OrderFixtures.S1;
import static io.jangteo.query.order.OrderFixtures.S2;
import static io.jangteo.query.order.OrderFixtures.approved;
import static io.jangteo.query.order.OrderFixtures.confirmed;
import static io.jangteo.query.order.OrderFixtures.delivered;
import static io.jangteo.query.order.OrderFixtures.erasedPlaced;
import static io.jangteo.query.order.OrderFixtures.exchangeApproved;
import static io.jangteo.query.order.OrderFixtures.exchangeRequested;
import static io.jangteo.query.order.OrderFixtures.exchangeShipped;
import static io.jangteo.query.order.OrderFixtures.id;
import static io.jangteo.query.order.OrderFixtures.placed;
import static io.jangteo.query.order.OrderFixtures.preparing;
import static io.jangteo.query.order.OrderFixtures.refund;
import static io.jangteo.query.order.OrderFixtures.requested;
import static io.jangteo.query.order.OrderFixtures.returnApproved;
import static io.jangteo.query.order.OrderFixtures.returnReceived;
import static io.jangteo.query.order.OrderFixtures.returnRejected;
import static io.jangteo.query.order.OrderFixtures.returnRequested;
import static io.jangteo.query.order.OrderFixtures.shipped;
import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

class OrderAsOfTest extends ReplayStoresTest {

    private static final List<Viewer> VIEWERS = List.of(
            new Viewer(ActorRole.SUPPORT, "support-1", null),
            new Viewer(ActorRole.CUSTOMER, BUYER, null),
            new Viewer(ActorRole.SELLER, "seller-actor", S2.value()),
            new Viewer(ActorRole.ANALYST, "analyst-1", null),
            new Viewer(ActorRole.CUSTOMER, "someone-else", null));


    private PointInTime pointInTime;
    private OrderFeed feed;
    private OrderQueryHandler live;

    @BeforeEach
    void setUp() {
        MongoDatabase database = readStore.freshDatabase();
        pointInTime = new PointInTime(scratch, memberId -> false);
        feed = new OrderFeed(new OrderSummaryProjection(database, SimpleQueryUpdateEmitter.builder().build()));
        live = new OrderQueryHandler(database, new OrderHistory(pointInTime.eventStore(), new ObjectMapper()));
    }

    @AfterEach
    void tearDown() {
        pointInTime.close();
    }

    @Test
    void theOrderAsOfAnInstantBetweenEventsIsWhatTheLiveReadModelShowedEachViewerAfterExactlyThoseEvents() {
        List<Object> events = List.of(placed("o-1"), requested("o-1"), approved("o-1"), preparing("o-1", S1),
                shipped("o-1", S1), preparing("o-1", S2), refund("o-1", "RF-1", S1, List.of("L2"), 5_000, 0, 0, 0));
        List<Map<Viewer, Optional<OrderView>>> shown = new ArrayList<>();
        for (Object event : events) {
            feed.order("o-1", event);
            Map<Viewer, Optional<OrderView>> now = new java.util.HashMap<>();
            VIEWERS.forEach(viewer -> now.put(viewer, live.find(new FindOrderQuery(id("o-1"), viewer))));
            shown.add(now);
        }
        pointInTime.store(feed.delivered());

        for (int n = 0; n < events.size(); n++) {
            Instant between = at(n).plusSeconds(30);
            for (Viewer viewer : VIEWERS) {
                assertThat(asOf("o-1", between, viewer)).as("after %d events, as %s", n + 1, viewer)
                        .isEqualTo(shown.get(n).get(viewer));
            }
        }
        assertThat(shown.get(6).get(VIEWERS.get(0))).get().extracting(OrderView::version).isEqualTo(6L);
        assertThat(asOf("o-1", at(3), VIEWERS.get(0))).get().extracting(OrderView::version)
                .as("an event at the very instant counts").isEqualTo(3L);
    }

    @Test
    void beforeItWasPlacedTheOrderDidNotExist() {
        feed.order("o-1", placed("o-1"));
        pointInTime.store(feed.delivered());

        assertThat(asOf("o-1", at(0).minusMillis(1), VIEWERS.get(0))).isEmpty();
        assertThat(asOf("o-unknown", at(5), VIEWERS.get(0))).isEmpty();
    }

    @Test
    void changesBetweenTwoInstantsAreTheFieldsThatDifferWithTheirValuesThenAndNow() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", requested("o-1"));
        feed.order("o-1", approved("o-1"));
        feed.order("o-1", preparing("o-1", S1));
        feed.order("o-1", shipped("o-1", S1));
        pointInTime.store(feed.delivered());

        Optional<ChangesView> changes = pointInTime.queries().find(
                new FindChangesQuery("o-1", at(2).plusSeconds(1), at(4).plusSeconds(1)));

        String preparingAt = String.valueOf(preparing("o-1", S1).preparingAt().toEpochMilli());
        String shippedAt = String.valueOf(shipped("o-1", S1).shippedAt().toEpochMilli());
        assertThat(changes).get().extracting(ChangesView::aggregateType, ChangesView::aggregateId,
                        ChangesView::fromVersion, ChangesView::toVersion, ChangesView::eventCount)
                .containsExactly("Order", "o-1", 2L, 4L, 2);
        assertThat(changes.get().changes()).containsExactlyInAnyOrder(
                new FieldChange("sellers[0].status", "\"PAID\"", "\"SHIPPED\"", false),
                new FieldChange("sellers[0].preparingAt", null, preparingAt, false),
                new FieldChange("sellers[0].carrier", null, "\"CJ대한통운\"", false),
                new FieldChange("sellers[0].trackingNumber", null, "\"TRK-s-1\"", false),
                new FieldChange("sellers[0].shippedAt", null, shippedAt, false));
    }

    @Test
    void changesFromBeforeThePlacementStartFromNothingAndAnUnknownAggregateHasNone() {
        feed.order("o-1", placed("o-1"));
        pointInTime.store(feed.delivered());

        ChangesView changes = pointInTime.queries().find(
                new FindChangesQuery("o-1", at(0).minusSeconds(60), at(0))).orElseThrow();

        assertThat(changes).extracting(ChangesView::fromVersion, ChangesView::toVersion, ChangesView::eventCount)
                .containsExactly(-1L, 0L, 1);
        assertThat(changes.changes()).extracting(FieldChange::before).containsOnlyNulls();
        assertThat(changes.changes()).extracting(FieldChange::field)
                .contains("status", "buyerId", "shippingAddress.postcode", "lines[2].lineId")
                .doesNotContain("version", "changeSeq", "updatedAt", "_id");
        assertThat(pointInTime.queries().find(new FindChangesQuery("nothing", at(0), at(1)))).isEmpty();
    }

    @Test
    void aStoredEventIsFoundByItsStreamAndSequenceNumberButASnapshotIsNot() {
        feed.order("o-1", placed("o-1"));
        feed.order("o-1", requested("o-1"));
        pointInTime.store(feed.delivered());
        pointInTime.eventStore().storeSnapshot(new GenericDomainEventMessage<>("Order", "o-1", 1,
                Map.of("state", "snapshot")));

        Optional<HistoryEntryView> entry = pointInTime.queries().find(new FindStoredEventQuery("o-1", 1));

        assertThat(entry).get().extracting(HistoryEntryView::eventId, HistoryEntryView::eventType,
                        HistoryEntryView::sequenceNumber, HistoryEntryView::actorId)
                .containsExactly(feed.delivered().get(1).getIdentifier(), "PaymentRequested", 1L, "actor-1");
        assertThat(entry.get().payloadJson()).contains("\"paymentKey\":\"pay-o-1\"");
        assertThat(pointInTime.queries().find(new FindStoredEventQuery("o-1", 2))).isEmpty();
    }

    @Test
    void anErasedBuyersAddressChangesComeOutErasedWhileTheRestOfTheOrderStillShows() {
        PointInTime erasing = new PointInTime(scratch, BUYER::equals);
        try {
            feed.order("o-1", erasedPlaced("o-1"));
            feed.order("o-1", requested("o-1"));
            erasing.store(feed.delivered());

            Map<String, List<FieldChange>> changes = erasing.changes().changedBy(feed.delivered());

            List<FieldChange> placement = changes.get(feed.delivered().get(0).getIdentifier());
            assertThat(placement).contains(new FieldChange("shippingAddress", null, null, true),
                    new FieldChange("buyerId", null, "\"m-buyer\"", false));
            assertThat(placement).filteredOn(FieldChange::erased).extracting(FieldChange::field)
                    .containsExactly("shippingAddress");
            assertThat(changes.get(feed.delivered().get(1).getIdentifier())).noneMatch(FieldChange::erased)
                    .contains(new FieldChange("status", "\"PLACED\"", "\"AWAITING_PAYMENT\"", false),
                            new FieldChange("payment.status", "\"NOT_REQUESTED\"", "\"READY\"", false));
        } finally {
            erasing.close();
        }
    }

    @Test
    void rebuildsATwentyEventOrderInAFewMilliseconds() {
        List<Object> events = List.of(placed("o-1"), requested("o-1"), approved("o-1"),
                preparing("o-1", S1), preparing("o-1", S2), shipped("o-1", S1), shipped("o-1", S2),
                delivered("o-1", S1), delivered("o-1", S2),
                returnRequested("o-1", "R-1", S1, ReturnReason.CHANGE_OF_MIND, "L1"), returnRejected("o-1", "R-1", S1),
                returnRequested("o-1", "R-2", S1, ReturnReason.DEFECTIVE, "L2"), returnApproved("o-1", "R-2", S1),
                returnReceived("o-1", "R-2", S1), refund("o-1", "RF-1", S1, List.of("L2"), 5_000, 0, 0, 0),
                exchangeRequested("o-1", "X-1", S2, 6_000, "L3"), exchangeApproved("o-1", "X-1", S2),
                exchangeShipped("o-1", "X-1", S2), confirmed("o-1", S1, 20_000, false),
                confirmed("o-1", S2, 30_000, true));
        events.forEach(event -> feed.order("o-1", event));
        pointInTime.store(feed.delivered());
        Viewer support = VIEWERS.get(0);
        Instant end = at(events.size());
        OrderView liveView = live.find(new FindOrderQuery(id("o-1"), support)).orElseThrow();

        for (int i = 0; i < 20; i++) {
            assertThat(asOf("o-1", end, support)).contains(liveView); // warm-up, and the end state is the live one
        }
        int runs = 100;
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            asOf("o-1", end, support);
        }
        double perRebuild = (System.nanoTime() - started) / 1e6 / runs;
        for (int i = 0; i < 5; i++) {
            pointInTime.changes().changedBy(feed.delivered());
        }
        long pageStarted = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            pointInTime.changes().changedBy(feed.delivered());
        }
        double page = (System.nanoTime() - pageStarted) / 1e6 / 10;
        System.out.printf("[pit] order of %d events as of an instant: %.2f ms a rebuild (mean of %d); "
                        + "changes of all %d events in one call: %.2f ms (mean of 10)%n", events.size(), perRebuild,
                runs, events.size(), page);
        assertThat(scratch.openDatabases()).as("scratch databases left behind").isZero();
    }

    private Optional<OrderView> asOf(String orderId, Instant instant, Viewer viewer) {
        return pointInTime.queries().find(new FindOrderAsOfQuery(id(orderId), AsOf.of(instant), viewer));
    }
}
