package io.jangteo.query.order;

import io.jangteo.query.history.ReplayStoresTest;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FindOrderAsOfQuery;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.history.PointInTime;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.jangteo.query.order.OrderFixtures.BUYER;
import static io.jangteo.query.order.OrderFixtures.S1;
import static io.jangteo.query.order.OrderFixtures.S2;
import static io.jangteo.query.order.OrderFixtures.approved;
import static io.jangteo.query.order.OrderFixtures.confirmed;
import static io.jangteo.query.order.OrderFixtures.delivered;
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

/** Order states kept from earlier rebuilds give what a rebuild from the first event gives. */
class OrderRebuiltStatesTest extends ReplayStoresTest {

    private static final Viewer SUPPORT = new Viewer(ActorRole.SUPPORT, "support-1", null);


    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private PointInTime pointInTime;
    private OrderFeed feed;
    private int stored;

    @BeforeEach
    void setUp() {
        pointInTime = new PointInTime(scratch, erased::contains);
        feed = new OrderFeed(new OrderSummaryProjection(readStore.freshDatabase(),
                SimpleQueryUpdateEmitter.builder().build()));
    }

    @AfterEach
    void tearDown() {
        pointInTime.close();
    }

    private static List<Object> twentyEvents() {
        return List.of(placed("o-1"), requested("o-1"), approved("o-1"),
                preparing("o-1", S1), preparing("o-1", S2), shipped("o-1", S1), shipped("o-1", S2),
                delivered("o-1", S1), delivered("o-1", S2),
                returnRequested("o-1", "R-1", S1, ReturnReason.CHANGE_OF_MIND, "L1"), returnRejected("o-1", "R-1", S1),
                returnRequested("o-1", "R-2", S1, ReturnReason.DEFECTIVE, "L2"), returnApproved("o-1", "R-2", S1),
                returnReceived("o-1", "R-2", S1), refund("o-1", "RF-1", S1, List.of("L2"), 5_000, 0, 0, 0),
                exchangeRequested("o-1", "X-1", S2, 6_000, "L3"), exchangeApproved("o-1", "X-1", S2),
                exchangeShipped("o-1", "X-1", S2), confirmed("o-1", S1, 20_000, false),
                confirmed("o-1", S2, 30_000, true));
    }

    @Test
    void keptStatesResumeForLaterInstantsAndEarlierOnesAreStillRight() {
        List<Object> events = twentyEvents();
        events.subList(0, 8).forEach(event -> feed.order("o-1", event));
        store();
        assertThat(asOf(feed.now())).isEqualTo(fullRebuild(feed.now())).isPresent();
        events.subList(8, 14).forEach(event -> feed.order("o-1", event));
        store();
        assertThat(asOf(feed.now())).isEqualTo(fullRebuild(feed.now()));
        events.subList(14, 20).forEach(event -> feed.order("o-1", event));
        store();
        for (Instant instant = at(0).minusSeconds(30); !instant.isAfter(feed.now().plusSeconds(60));
             instant = instant.plusSeconds(30)) {
            assertThat(asOf(instant)).as("as of %s", instant).isEqualTo(fullRebuild(instant));
        }
        for (Instant instant = feed.now(); instant.isAfter(at(0)); instant = instant.minusSeconds(90)) {
            assertThat(asOf(instant)).as("backwards, as of %s", instant).isEqualTo(fullRebuild(instant));
        }
        assertThat(scratch.openDatabases()).as("scratch databases left behind").isZero();
    }

    @Test
    void anErasedBuyersOrdersAreDroppedAndRebuilt() {
        twentyEvents().subList(0, 5).forEach(event -> feed.order("o-1", event));
        store();
        Instant end = feed.now();
        asOf(end);
        assertThat(pointInTime.keepsStateOf(BUYER)).isTrue();

        erased.add(BUYER);

        assertThat(asOf(end)).isEqualTo(fullRebuild(end));
        assertThat(pointInTime.keepsStateOf(BUYER)).isFalse();
        assertThat(pointInTime.rebuiltStatesKept()).isZero();
    }

    @Test
    void measuresATwentyEventOrderRepeated() {
        twentyEvents().forEach(event -> feed.order("o-1", event));
        store();
        Instant end = feed.now();
        for (int i = 0; i < 20; i++) {
            fullRebuild(end); // warm-up
        }
        int runs = 100;
        double full = 0;
        for (int i = 0; i < runs; i++) {
            PointInTime fresh = fresh();
            long started = System.nanoTime();
            fresh.queries().find(new FindOrderAsOfQuery(id("o-1"), AsOf.of(end), SUPPORT));
            full += (System.nanoTime() - started) / 1e6 / runs;
            fresh.close();
        }
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            asOf(end);
        }
        double cached = (System.nanoTime() - started) / 1e6 / runs;
        started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            asOf(at(10 + i % 10).minusSeconds(1)); // earlier than the kept state: from the start
        }
        double earlier = (System.nanoTime() - started) / 1e6 / runs;
        System.out.printf("[pit-cache] order of 20 events as of an instant: full rebuild %.2f ms (mean of %d);"
                + " repeated with the cache %.3f ms (mean of %d); earlier instants %.2f ms%n", full, runs, cached,
                runs, earlier);
        assertThat(asOf(end)).isEqualTo(fullRebuild(end)).isPresent();
    }

    /** Stores what was delivered since the last call. */
    private void store() {
        List<DomainEventMessage<?>> delivered = feed.delivered();
        pointInTime.store(delivered.subList(stored, delivered.size()));
        stored = delivered.size();
    }

    private Optional<OrderView> asOf(Instant instant) {
        return pointInTime.queries().find(new FindOrderAsOfQuery(id("o-1"), AsOf.of(instant), SUPPORT));
    }

    private PointInTime fresh() {
        PointInTime fresh = new PointInTime(scratch, erased::contains);
        fresh.store(feed.delivered().subList(0, stored));
        return fresh;
    }

    private Optional<OrderView> fullRebuild(Instant instant) {
        PointInTime fresh = fresh();
        try {
            return fresh.queries().find(new FindOrderAsOfQuery(id("o-1"), AsOf.of(instant), SUPPORT));
        } finally {
            fresh.close();
        }
    }
}
