package io.jangteo.query.seller;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.seller.FindSellerQuery;
import io.jangteo.messages.seller.FindSellersByIdsQuery;
import io.jangteo.messages.seller.FindSellersQuery;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerPage;
import io.jangteo.messages.seller.SellerProfileChanged;
import io.jangteo.messages.seller.SellerReinstated;
import io.jangteo.messages.seller.SellerRejected;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.seller.ShippingPolicyChanged;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jangteo.query.seller.SellerFixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class SellerDirectoryTest {

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private SimpleQueryUpdateEmitter emitter;
    private SellerDirectoryProjection projection;
    private EventFeed feed;
    private SellerQueryHandler sellers;

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
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new SellerDirectoryProjection(database, emitter);
        feed = new EventFeed(projection);
        sellers = new SellerQueryHandler(new SellerDirectory(database));
    }

    @Test
    void aRegisteredShopIsPendingWithEverythingItRegisteredWith() {
        feed.next("s-1", registered("s-1", "김치마을"));

        assertThat(find("s-1")).isEqualTo(new SellerView("s-1", "김치마을", "김대표", "1234567890", "shop@example.kr",
                "010-1234-5678", SellerFixtures.ACCOUNT, "actor-s-1", SellerStatus.PENDING, null, null, 0, 0,
                EventFeed.at(0), EventFeed.at(0)));
    }

    @Test
    void statusFollowsApprovalSuspensionAndReinstatementWithTheirReasons() {
        SellerId id = SellerId.of("s-1");
        feed.next("s-1", registered("s-1", "김치마을"));

        feed.next("s-1", new SellerApproved(id));
        assertThat(find("s-1")).extracting(SellerView::status, SellerView::statusReason, SellerView::version)
                .containsExactly(SellerStatus.ACTIVE, null, 1L);

        feed.next("s-1", new SellerSuspended(id, "위생 점검"));
        assertThat(find("s-1")).extracting(SellerView::status, SellerView::statusReason, SellerView::updatedAt)
                .containsExactly(SellerStatus.SUSPENDED, "위생 점검", EventFeed.at(2));

        feed.next("s-1", new SellerReinstated(id, "점검 통과"));
        assertThat(find("s-1")).extracting(SellerView::status, SellerView::statusReason)
                .containsExactly(SellerStatus.ACTIVE, "점검 통과");
    }

    @Test
    void aRejectedShopShowsWhy() {
        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-1", new SellerRejected(SellerId.of("s-1"), "사업자번호 불일치"));

        assertThat(find("s-1")).extracting(SellerView::status, SellerView::statusReason)
                .containsExactly(SellerStatus.REJECTED, "사업자번호 불일치");
    }

    @Test
    void aProfileChangeReplacesTheContactDetailsButKeepsTheBusinessNumber() {
        SettlementAccount account = new SettlementAccount("004", "김판매", "123-***-***456", "tok-2");
        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-1", new SellerProfileChanged(SellerId.of("s-1"), "김치마을 본점", "이대표", "new@example.kr",
                "010-9999-0000", account));

        assertThat(find("s-1")).extracting(SellerView::shopName, SellerView::representative,
                        SellerView::contactEmail, SellerView::contactPhone, SellerView::settlementAccount,
                        SellerView::businessNumber, SellerView::createdAt)
                .containsExactly("김치마을 본점", "이대표", "new@example.kr", "010-9999-0000", account, "1234567890",
                        EventFeed.at(0));
    }

    @Test
    void theShippingPolicyIsKeptWhole() {
        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-1", new ShippingPolicyChanged(SellerId.of("s-1"), 1, SellerFixtures.domesticPolicy(true)));
        feed.next("s-1", new ShippingPolicyChanged(SellerId.of("s-1"), 2, SellerFixtures.worldwidePolicy()));

        assertThat(find("s-1")).extracting(SellerView::shippingPolicy, SellerView::shippingPolicyVersion)
                .containsExactly(SellerFixtures.worldwidePolicy(), 2);
    }

    @Test
    void aLateOrRedeliveredEventDoesNotMoveTheShopBack() {
        SellerId id = SellerId.of("s-1");
        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-1", new SellerApproved(id));
        feed.next("s-1", new SellerSuspended(id, "위생 점검"));

        feed.deliver(new SellerApproved(id), 1);
        feed.deliver(registered("s-1", "다른 이름"), 0);

        assertThat(find("s-1")).extracting(SellerView::shopName, SellerView::status, SellerView::version)
                .containsExactly("김치마을", SellerStatus.SUSPENDED, 2L);
    }

    @Test
    void replayAfterAResetRebuildsTheSameDirectory() {
        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-1", new SellerApproved(SellerId.of("s-1")));
        feed.next("s-2", registered("s-2", "장터상회"));
        SellerPage before = sellers.find(new FindSellersQuery(null, 10, null));

        projection.reset();
        assertThat(sellers.find(new FindSellersQuery(null, 10, null)).items()).isEmpty();
        feed.restart();
        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-1", new SellerApproved(SellerId.of("s-1")));
        feed.next("s-2", registered("s-2", "장터상회"));

        assertThat(sellers.find(new FindSellersQuery(null, 10, null))).isEqualTo(before);
    }

    @Test
    void subscribersOfAShopReceiveEachNewViewAndNothingForStaleEvents() {
        List<SellerView> updates = Subscriptions.subscribe(emitter, new FindSellerQuery(SellerId.of("s-1")),
                SellerView.class);
        List<SellerView> others = Subscriptions.subscribe(emitter, new FindSellerQuery(SellerId.of("s-2")),
                SellerView.class);

        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-1", new SellerApproved(SellerId.of("s-1")));
        feed.deliver(new SellerApproved(SellerId.of("s-1")), 1);

        assertThat(updates).extracting(SellerView::status, SellerView::version)
                .containsExactly(tuple(SellerStatus.PENDING, 0L), tuple(SellerStatus.ACTIVE, 1L));
        assertThat(others).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownShop() {
        assertThat(sellers.find(new FindSellerQuery(SellerId.of("nobody")))).isEmpty();
    }

    @Test
    void aBatchLookupReturnsTheShopsThatExistOnceEach() {
        feed.next("s-1", registered("s-1", "김치마을"));
        feed.next("s-2", registered("s-2", "장터상회"));
        feed.next("s-3", registered("s-3", "바다수산"));

        List<SellerView> found = sellers.find(new FindSellersByIdsQuery(List.of(SellerId.of("s-3"),
                SellerId.of("nobody"), SellerId.of("s-1"), SellerId.of("s-3")))).sellers();

        assertThat(found).extracting(SellerView::id).containsExactlyInAnyOrder("s-3", "s-1");
    }

    @Test
    void aBatchLookupSeesAChangeMadeAfterAnEarlierLookup() {
        feed.next("s-1", registered("s-1", "김치마을"));
        sellers.find(new FindSellersByIdsQuery(List.of(SellerId.of("s-1"))));

        feed.next("s-1", new SellerApproved(SellerId.of("s-1")));

        assertThat(sellers.find(new FindSellersByIdsQuery(List.of(SellerId.of("s-1")))).sellers())
                .extracting(SellerView::status).containsExactly(SellerStatus.ACTIVE);
    }

    @Test
    void listsShopsInRegistrationOrderPageByPage() {
        for (String id : List.of("s-9", "s-2", "s-7", "s-1", "s-5")) {
            feed.next(id, registered(id, "Shop " + id));
        }

        SellerPage first = sellers.find(new FindSellersQuery(null, 2, null));
        SellerPage second = sellers.find(new FindSellersQuery(null, 2, first.cursors().get(1)));
        SellerPage last = sellers.find(new FindSellersQuery(null, 2, second.cursors().get(1)));

        assertThat(ids(first)).containsExactly("s-9", "s-2");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(ids(second)).containsExactly("s-7", "s-1");
        assertThat(second.hasNextPage()).isTrue();
        assertThat(ids(last)).containsExactly("s-5");
        assertThat(last.hasNextPage()).isFalse();
        assertThat(last.totalCount()).isEqualTo(5);
    }

    @Test
    void listsOnlyShopsInTheAskedStatus() {
        for (String id : List.of("s-1", "s-2", "s-3", "s-4")) {
            feed.next(id, registered(id, "Shop " + id));
        }
        feed.next("s-3", new SellerApproved(SellerId.of("s-3")));
        feed.next("s-1", new SellerApproved(SellerId.of("s-1")));

        SellerPage pending = sellers.find(new FindSellersQuery(SellerStatus.PENDING, 1, null));
        SellerPage active = sellers.find(new FindSellersQuery(SellerStatus.ACTIVE, 10, null));

        assertThat(ids(pending)).containsExactly("s-2");
        assertThat(pending.totalCount()).isEqualTo(2);
        assertThat(pending.hasNextPage()).isTrue();
        assertThat(ids(active)).containsExactly("s-1", "s-3");
        assertThat(active.hasNextPage()).isFalse();
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatIllegalArgumentException().isThrownBy(() -> sellers.find(new FindSellersQuery(null, 2, "xyz")));
    }

    private SellerView find(String id) {
        return sellers.find(new FindSellerQuery(SellerId.of(id))).orElseThrow();
    }

    private static List<String> ids(SellerPage page) {
        return page.items().stream().map(SellerView::id).toList();
    }
}
