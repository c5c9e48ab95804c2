package io.jangteo.query.coupon;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.CouponRedeemed;
import io.jangteo.messages.coupon.CouponRestored;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponWithdrawn;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.time.Instant;

/** Coupon events and wiring for tests of this and other query-side packages. */
public final class CouponFixtures {

    private CouponFixtures() {
    }

    public static Object projection(MongoDatabase database, QueryUpdateEmitter emitter) {
        return new CouponDirectoryProjection(database, emitter);
    }

    public static CouponDirectory directory(MongoDatabase database) {
        return new CouponDirectory(database);
    }

    /** A fixed amount off, from {@code validFrom} until {@code validUntil} (null: no end). */
    public static CouponTerms fixed(long won, Money minimumOrder, CouponScope scope, int perMemberLimit,
                                    Instant validFrom, Instant validUntil) {
        return new CouponTerms(won + " won off", DiscountKind.FIXED, Money.won(won), 0, null, minimumOrder, scope,
                perMemberLimit, validFrom, validUntil);
    }

    public static CouponTerms rate(int percent, Money maxDiscount, CouponScope scope, int perMemberLimit,
                                   Instant validFrom, Instant validUntil) {
        return new CouponTerms(percent + "% off", DiscountKind.RATE, null, percent, maxDiscount, null, scope,
                perMemberLimit, validFrom, validUntil);
    }

    /** Issues a coupon as the coupon aggregate's first event. */
    public static void issue(EventFeed feed, String code, CouponTerms terms, String issuerSellerId, Instant issuedAt) {
        feed.next(code, new CouponIssued(CouponId.of(code), terms, issuerSellerId, issuedAt));
    }

    public static void redeem(EventFeed feed, String code, String memberId, String orderId, long discount) {
        feed.next(code, new CouponRedeemed(CouponId.of(code), MemberId.of(memberId), orderId, Money.won(discount),
                EventFeed.T0));
    }

    public static void restore(EventFeed feed, String code, String memberId, String orderId) {
        feed.next(code, new CouponRestored(CouponId.of(code), MemberId.of(memberId), orderId, "cancelled",
                EventFeed.T0));
    }

    public static void withdraw(EventFeed feed, String code) {
        feed.next(code, new CouponWithdrawn(CouponId.of(code), "ended early", EventFeed.T0));
    }
}
