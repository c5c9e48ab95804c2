package io.jangteo.query.coupon;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.CouponRedeemed;
import io.jangteo.messages.coupon.CouponRestored;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.CouponWithdrawn;
import io.jangteo.messages.coupon.FindCouponQuery;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.jangteo.query.coupon.CouponFixtures.fixed;
import static io.jangteo.query.coupon.CouponFixtures.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CouponDirectoryProjectionTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final MemberId M1 = MemberId.of("m-1");
    private static final MemberId M2 = MemberId.of("m-2");

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private QueryUpdateEmitter emitter;
    private CouponDirectoryProjection projection;
    private EventFeed feed;
    private CouponDirectory directory;
    private final List<Object[]> delivered = new ArrayList<>();

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
        projection = new CouponDirectoryProjection(database, emitter);
        feed = new EventFeed(projection);
        directory = new CouponDirectory(database);
    }

    @Test
    void subscribersOfACouponReceiveEachNewVersionOfItOnly() {
        List<CouponView> updates = Subscriptions.subscribe(emitter, new FindCouponQuery(CouponId.of("WELCOME")),
                CouponView.class);

        next("WELCOME", new CouponIssued(CouponId.of("WELCOME"), fixed(3_000, null, CouponScope.all(), 1, START,
                null), null, START));
        next("OTHER", new CouponIssued(CouponId.of("OTHER"), fixed(1_000, null, CouponScope.all(), 1, START, null),
                null, START));
        next("WELCOME", redeemed("WELCOME", M1, "o-1"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(updates)
                .extracting(view -> view.couponId().value(), CouponView::version, CouponView::redemptions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WELCOME", 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("WELCOME", 1L, 1L)));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        next("WELCOME", new CouponIssued(CouponId.of("WELCOME"), fixed(3_000, null, CouponScope.all(), 2, START,
                null), null, START));
        long redeemed = next("WELCOME", redeemed("WELCOME", M1, "o-1"));
        next("WELCOME", restored("WELCOME", M1, "o-1"));

        feed.deliver(redeemed("WELCOME", M1, "o-1"), redeemed);

        assertThat(directory.activeUses(CouponId.of("WELCOME"), M1)).isZero();
        assertThat(directory.find(CouponId.of("WELCOME"))).get()
                .extracting(CouponView::redemptions, CouponView::version).containsExactly(0L, 2L);
    }

    @Test
    void aReplayFromTheStartGivesTheSameReadModel() {
        next("WELCOME", new CouponIssued(CouponId.of("WELCOME"), fixed(3_000, Money.won(30_000), CouponScope.all(),
                2, START, null), null, START));
        next("S1-TEN", new CouponIssued(CouponId.of("S1-TEN"), rate(10, Money.won(5_000), CouponScope.seller("s-1"),
                1, START, START.plus(Duration.ofDays(30))), "s-1", START.plusSeconds(60)));
        next("WELCOME", redeemed("WELCOME", M1, "o-1"));
        next("S1-TEN", redeemed("S1-TEN", M1, "o-1"));
        next("WELCOME", redeemed("WELCOME", M2, "o-2"));
        next("WELCOME", redeemed("WELCOME", M1, "o-3"));
        next("WELCOME", restored("WELCOME", M1, "o-1"));
        next("S1-TEN", new CouponWithdrawn(CouponId.of("S1-TEN"), "ended early", START.plusSeconds(600)));
        List<Document> coupons = all(CouponDocument.COLLECTION);
        List<Document> uses = all(CouponUses.COLLECTION);

        projection.reset();
        assertThat(all(CouponDocument.COLLECTION)).isEmpty();
        feed.restart();
        for (Object[] event : delivered) {
            feed.deliver(event[0], (Long) event[1]);
        }

        assertThat(all(CouponDocument.COLLECTION)).isEqualTo(coupons);
        assertThat(all(CouponUses.COLLECTION)).isEqualTo(uses);
        assertThat(directory.find(CouponId.of("WELCOME"))).get().extracting(CouponView::redemptions).isEqualTo(2L);
        assertThat(directory.activeUses(CouponId.of("WELCOME"), M1)).isEqualTo(1);
        assertThat(directory.activeUses(CouponId.of("WELCOME"), M2)).isEqualTo(1);
        assertThat(directory.activeUses(CouponId.of("S1-TEN"), M1)).isEqualTo(1);
    }

    private long next(String code, Object event) {
        long version = feed.next(code, event);
        delivered.add(new Object[]{event, version});
        return version;
    }

    private List<Document> all(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static CouponRedeemed redeemed(String code, MemberId member, String orderId) {
        return new CouponRedeemed(CouponId.of(code), member, orderId, Money.won(1_000), START);
    }

    private static CouponRestored restored(String code, MemberId member, String orderId) {
        return new CouponRestored(CouponId.of(code), member, orderId, "cancelled", START);
    }
}
