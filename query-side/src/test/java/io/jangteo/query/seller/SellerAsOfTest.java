package io.jangteo.query.seller;

import io.jangteo.query.history.ReplayStoresTest;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.ChangesView;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.messages.audit.FindChangesQuery;
import io.jangteo.messages.audit.FindSellerAsOfQuery;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerProfileChanged;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.seller.ShippingPolicyChanged;
import io.jangteo.query.history.ErasedMembers;
import io.jangteo.query.history.PointInTime;
import io.jangteo.query.shared.DomainEventFeed;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.jangteo.query.seller.SellerFixtures.ACCOUNT;
import static io.jangteo.query.seller.SellerFixtures.domesticPolicy;
import static io.jangteo.query.seller.SellerFixtures.registered;
import static io.jangteo.query.shared.DomainEventFeed.at;
import static org.assertj.core.api.Assertions.assertThat;

class SellerAsOfTest extends ReplayStoresTest {


    private PointInTime pointInTime;
    private SellerEvents feed;
    private SellerDirectory live;

    @BeforeEach
    void setUp() {
        MongoDatabase database = readStore.freshDatabase();
        pointInTime = new PointInTime(scratch, ErasedMembers.NONE);
        feed = new SellerEvents(new SellerDirectoryProjection(database, SimpleQueryUpdateEmitter.builder().build()));
        live = new SellerDirectory(database);
    }

    @AfterEach
    void tearDown() {
        pointInTime.close();
    }

    @Test
    void theShopAsOfAnInstantIsWhatTheLiveDirectoryShowedAfterExactlyTheEventsBefore() {
        List<Object> events = List.of(registered("s-1", "김치마을"), new SellerApproved(SellerId.of("s-1")),
                new ShippingPolicyChanged(SellerId.of("s-1"), 1, domesticPolicy(true)),
                new SellerProfileChanged(SellerId.of("s-1"), "김치마을 본점", "박대표", "shop@example.kr",
                        "010-1111-2222", ACCOUNT),
                new SellerSuspended(SellerId.of("s-1"), "정산 서류 미비"),
                new ShippingPolicyChanged(SellerId.of("s-1"), 2, domesticPolicy(false)));
        List<SellerView> shown = new ArrayList<>();
        for (Object event : events) {
            feed.seller("s-1", event);
            shown.add(live.current().find("s-1").orElseThrow());
        }
        pointInTime.store(feed.delivered());

        for (int n = 0; n < events.size(); n++) {
            assertThat(asOf("s-1", at(n).plusSeconds(59))).as("after %d events", n + 1).contains(shown.get(n));
        }
        assertThat(shown.get(4).status()).isEqualTo(SellerStatus.SUSPENDED);
        assertThat(asOf("s-1", at(0).minusNanos(1))).isEmpty();
    }

    @Test
    void changesBetweenTwoInstantsShowTheStatusAndPolicyFieldsThatDiffer() {
        feed.seller("s-1", registered("s-1", "김치마을"));
        feed.seller("s-1", new SellerApproved(SellerId.of("s-1")));
        feed.seller("s-1", new ShippingPolicyChanged(SellerId.of("s-1"), 1, domesticPolicy(true)));
        feed.seller("s-1", new SellerSuspended(SellerId.of("s-1"), "정산 서류 미비"));
        feed.seller("s-1", new ShippingPolicyChanged(SellerId.of("s-1"), 2, domesticPolicy(false)));
        pointInTime.store(feed.delivered());

        ChangesView changes = pointInTime.queries().find(new FindChangesQuery("s-1", at(2), at(4))).orElseThrow();

        assertThat(changes).extracting(ChangesView::aggregateType, ChangesView::fromVersion, ChangesView::toVersion,
                ChangesView::eventCount).containsExactly("Seller", 2L, 4L, 2);
        assertThat(changes.changes()).containsExactlyInAnyOrder(
                new FieldChange("status", "\"ACTIVE\"", "\"SUSPENDED\"", false),
                new FieldChange("statusReason", null, "\"정산 서류 미비\"", false),
                new FieldChange("shippingPolicy.bundleShipping", "true", "false", false),
                new FieldChange("shippingPolicyVersion", "1", "2", false));
    }

    private Optional<SellerView> asOf(String sellerId, Instant instant) {
        return pointInTime.queries().find(new FindSellerAsOfQuery(SellerId.of(sellerId), AsOf.of(instant)));
    }

    /** Seller events as stored messages, one minute apart. */
    static final class SellerEvents extends DomainEventFeed {

        SellerEvents(Object projection) {
            super(projection);
        }

        long seller(String sellerId, Object event) {
            return nextOf("Seller", sellerId, event);
        }
    }
}
