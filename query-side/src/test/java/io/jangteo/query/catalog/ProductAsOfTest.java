package io.jangteo.query.catalog;

import io.jangteo.query.history.ReplayStoresTest;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindProductAsOfQuery;
import io.jangteo.messages.catalog.BasePriceChanged;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPublished;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.StockReserved;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.history.ErasedMembers;
import io.jangteo.query.history.PointInTime;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.DomainEventFeed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jangteo.query.catalog.CatalogFixtures.DEFAULT;
import static io.jangteo.query.catalog.CatalogFixtures.created;
import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

class ProductAsOfTest extends ReplayStoresTest {

    private static final ProductId P1 = ProductId.of("p-1");
    private static final SellerId S1 = SellerId.of("s-1");


    private PointInTime pointInTime;
    private Events events;
    private ProductCatalog live;

    @BeforeEach
    void setUp() {
        MongoDatabase database = readStore.freshDatabase();
        QueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        SellerDirectory sellers = new SellerDirectory(database);
        pointInTime = new PointInTime(scratch, ErasedMembers.NONE);
        events = new Events(new ProductCatalogProjection(database, sellers, emitter),
                SellerFixtures.projection(database, emitter));
        live = CatalogFixtures.catalog(database, sellers);
    }

    @AfterEach
    void tearDown() {
        pointInTime.close();
    }

    @Test
    void theProductAsOfAnInstantIsWhatTheLiveCatalogShowedThenWithItsShopsStandingThen() {
        List<Runnable> life = List.of(
                () -> events.seller(SellerFixtures.registered("s-1", "김치마을")),
                () -> events.product(created("p-1", "s-1", "배추김치", 12_000)),
                () -> events.seller(new SellerApproved(S1)),
                () -> events.product(new StockReceived(P1, S1, DEFAULT, 10, "입고", 10, 0)),
                () -> events.product(new ProductPublished(P1, S1, ProductStatus.ON_SALE)),
                () -> events.product(new BasePriceChanged(P1, S1, Money.won(12_000), Money.won(13_500))),
                () -> events.product(new StockReserved(P1, S1, DEFAULT, ReservationId.of("r-1"), 4, 10, 4)),
                () -> events.seller(new SellerSuspended(S1, "점검")),
                () -> events.product(new ProductRenamed(P1, S1, "배추김치", "포기김치")));
        List<Optional<ProductView>> shown = new ArrayList<>();
        for (Runnable event : life) {
            event.run();
            shown.add(live.findOne("p-1"));
        }
        pointInTime.store(events.all);

        for (int n = 0; n < life.size(); n++) {
            assertThat(asOf(at(n).plusSeconds(30))).as("after %d events", n + 1).isEqualTo(shown.get(n));
        }
        assertThat(shown.get(6)).get().extracting(ProductView::sellerActive, ProductView::inStock)
                .containsExactly(true, true);
        assertThat(shown.get(7)).get().extracting(ProductView::sellerActive).isEqualTo(false);
        assertThat(asOf(at(1).minusSeconds(1))).as("before its creation").isEmpty();
    }

    @Test
    void aPageOfProductAndShopEventsGetsWhatEachChangedAndAnAggregateWithoutReplayItsPayload() {
        events.seller(SellerFixtures.registered("s-1", "김치마을"));
        events.product(created("p-1", "s-1", "배추김치", 12_000));
        events.product(new BasePriceChanged(P1, S1, Money.won(12_000), Money.won(13_500)));
        events.seller(new SellerApproved(S1));
        DomainEventMessage<?> notice = DomainEventFeed.message("Notice", "n-1", 0,
                new Noticed("n-1", 3_000, null), at(10));
        pointInTime.store(events.all);
        pointInTime.store(List.of(notice));

        Map<String, List<FieldChange>> changes = pointInTime.changes().changedBy(
                List.of(notice, events.all.get(3), events.all.get(2)));

        assertThat(changes.get(events.all.get(2).getIdentifier())).containsExactlyInAnyOrder(
                new FieldChange("basePrice.amount", "12000", "13500", false),
                new FieldChange("minPrice.amount", "12000", "13500", false),
                new FieldChange("maxPrice.amount", "12000", "13500", false));
        assertThat(changes.get(events.all.get(3).getIdentifier())).containsExactly(
                new FieldChange("status", "\"PENDING\"", "\"ACTIVE\"", false));
        assertThat(changes.get(notice.getIdentifier())).containsExactly(
                new FieldChange("noticeId", null, "\"n-1\"", false),
                new FieldChange("amount", null, "3000", false),
                new FieldChange("note", null, null, false));
    }

    private Optional<ProductView> asOf(Instant instant) {
        return pointInTime.queries().find(new FindProductAsOfQuery(P1, AsOf.of(instant)));
    }

    record Noticed(String noticeId, long amount, String note) {
    }

    /** Product and seller events on one clock, one minute apart, delivered live and kept to be stored. */
    static final class Events {

        private final DomainEventFeed products;
        private final DomainEventFeed sellers;
        private final Map<String, Long> next = new HashMap<>();
        private final List<DomainEventMessage<?>> all = new ArrayList<>();

        Events(Object productProjection, Object sellerProjection) {
            products = new DomainEventFeed(productProjection) { };
            sellers = new DomainEventFeed(sellerProjection) { };
        }

        void product(Object event) {
            deliver(products, "Product", "p-1", event);
        }

        void seller(Object event) {
            deliver(sellers, "Seller", "s-1", event);
        }

        private void deliver(DomainEventFeed feed, String type, String id, Object event) {
            long sequence = next.merge(id, 0L, (a, b) -> a + 1);
            DomainEventMessage<?> message = DomainEventFeed.message(type, id, sequence, event, at(all.size()));
            feed.deliver(message);
            all.add(message);
        }
    }
}
