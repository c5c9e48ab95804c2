package io.jangteo.query.coupon;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.coupon.CountCouponUsesQuery;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.FindCouponQuery;
import io.jangteo.messages.coupon.FindCouponsQuery;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.jangteo.query.coupon.CouponFixtures.fixed;
import static io.jangteo.query.coupon.CouponFixtures.issue;
import static io.jangteo.query.coupon.CouponFixtures.rate;
import static io.jangteo.query.coupon.CouponFixtures.redeem;
import static io.jangteo.query.coupon.CouponFixtures.restore;
import static io.jangteo.query.coupon.CouponFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** "Now" is NOW; coupons are issued a day apart, the earliest first. */
class CouponQueryHandlerTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private static EmbeddedReadStore readStore;

    private EventFeed feed;
    private CouponQueryHandler coupons;

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
        MongoDatabase database = readStore.freshDatabase();
        feed = new EventFeed(CouponFixtures.projection(database, SimpleQueryUpdateEmitter.builder().build()));
        coupons = new CouponQueryHandler(CouponFixtures.directory(database), () -> NOW);
    }

    @Test
    void findsACouponWithTheTermsItWasIssuedWith() {
        CouponTerms terms = new CouponTerms("봄맞이 10%", io.jangteo.messages.coupon.DiscountKind.RATE, null, 10,
                Money.won(5_000), Money.won(30_000), new CouponScope(CouponScopeKind.CATEGORIES, List.of("food",
                "tea")), 2, START, NOW.plus(Duration.ofDays(30)));
        issue(feed, "SPRING-10", terms, "s-1", at(1));

        assertThat(coupons.find(new FindCouponQuery(CouponId.of("spring-10")))).get()
                .isEqualTo(new CouponView(CouponId.of("SPRING-10"), terms, CouponStatus.ACTIVE, "s-1", 0, at(1), 0));
        assertThat(coupons.find(new FindCouponQuery(CouponId.of("NO-SUCH")))).isEmpty();
    }

    @Test
    void aWithdrawnCouponShowsItsStatusAndVersion() {
        issue(feed, "GONE", fixed(1_000, null, CouponScope.all(), 1, START, null), null, at(1));
        withdraw(feed, "GONE");

        assertThat(coupons.find(new FindCouponQuery(CouponId.of("GONE")))).get()
                .extracting(CouponView::status, CouponView::version)
                .containsExactly(CouponStatus.WITHDRAWN, 1L);
    }

    @Test
    void listsNewestFirstBySellerAndLeavesOutWithdrawnAndExpiredWhenAskedTo() {
        issue(feed, "A-OPEN", fixed(1_000, null, CouponScope.all(), 1, START, null), null, at(1));
        issue(feed, "S1-OLD", fixed(1_000, null, CouponScope.seller("s-1"), 1, START, NOW), "s-1", at(2));
        issue(feed, "S1-GONE", fixed(1_000, null, CouponScope.seller("s-1"), 1, START, null), "s-1", at(3));
        withdraw(feed, "S1-GONE");
        issue(feed, "S1-SOON", rate(5, null, CouponScope.seller("s-1"), 1, NOW.plusSeconds(60), null), "s-1", at(4));
        issue(feed, "S1-OPEN", rate(5, null, CouponScope.seller("s-1"), 1, START, NOW.plusSeconds(1)), "s-1", at(5));
        issue(feed, "S2-OPEN", fixed(500, null, CouponScope.seller("s-2"), 1, START, null), "s-2", at(6));

        assertThat(codes(new FindCouponsQuery(null, false, 100)))
                .containsExactly("S2-OPEN", "S1-OPEN", "S1-SOON", "S1-GONE", "S1-OLD", "A-OPEN");
        assertThat(codes(new FindCouponsQuery("s-1", false, 100)))
                .containsExactly("S1-OPEN", "S1-SOON", "S1-GONE", "S1-OLD");
        // S1-OLD ended exactly now (the end is exclusive); one not valid yet is still active
        assertThat(codes(new FindCouponsQuery("s-1", true, 100))).containsExactly("S1-OPEN", "S1-SOON");
        assertThat(codes(new FindCouponsQuery(null, true, 2))).containsExactly("S2-OPEN", "S1-OPEN");
    }

    @Test
    void aListHoldsOneToAHundredCoupons() {
        assertThatIllegalArgumentException().isThrownBy(() -> coupons.find(new FindCouponsQuery(null, false, 0)));
        assertThatIllegalArgumentException().isThrownBy(() -> coupons.find(new FindCouponsQuery(null, false, 101)));
        assertThat(coupons.find(new FindCouponsQuery(null, false, 1))).isEmpty();
    }

    @Test
    void countsTheOrdersOfAMemberThatHoldTheCouponNow() {
        issue(feed, "WELCOME", fixed(3_000, null, CouponScope.all(), 3, START, null), null, at(1));
        redeem(feed, "WELCOME", "m-1", "o-1", 3_000);
        redeem(feed, "WELCOME", "m-1", "o-2", 3_000);
        redeem(feed, "WELCOME", "m-2", "o-3", 3_000);
        restore(feed, "WELCOME", "m-1", "o-1");

        assertThat(coupons.count(new CountCouponUsesQuery(CouponId.of("WELCOME"), MemberId.of("m-1")))).isEqualTo(1L);
        assertThat(coupons.count(new CountCouponUsesQuery(CouponId.of("WELCOME"), MemberId.of("m-2")))).isEqualTo(1L);
        assertThat(coupons.count(new CountCouponUsesQuery(CouponId.of("WELCOME"), MemberId.of("m-3")))).isZero();
        assertThat(coupons.count(new CountCouponUsesQuery(CouponId.of("OTHER"), MemberId.of("m-1")))).isZero();
        assertThat(coupons.find(new FindCouponQuery(CouponId.of("WELCOME")))).get()
                .extracting(CouponView::redemptions, CouponView::version)
                .containsExactly(2L, 4L);
    }

    private List<String> codes(FindCouponsQuery query) {
        return coupons.find(query).stream().map(view -> view.couponId().value()).toList();
    }

    private static Instant at(int day) {
        return START.plus(Duration.ofDays(day));
    }
}
