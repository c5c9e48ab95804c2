package io.jangteo.graphql.coupon;

import io.jangteo.graphql.security.Actor;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.shared.Money;

import java.time.Instant;

/**
 * A coupon as the schema shows it: its terms flattened, and {@code redemptions} (how many orders hold it: business
 * figures of the issuer) only for its issuing seller and staff.
 */
record CouponNode(String code, String name, DiscountKind kind, Money fixedAmount, int ratePercent, Money maxDiscount,
                  Money minimumOrder, CouponScope scope, int perMemberLimit, Instant validFrom, Instant validUntil,
                  CouponStatus status, String issuerSellerId, Long redemptions, Instant issuedAt, long version) {

    static CouponNode of(CouponView view, boolean showRedemptions) {
        CouponTerms terms = view.terms();
        return new CouponNode(view.couponId().value(), terms.name(), terms.kind(), terms.fixedAmount(),
                terms.ratePercent(), terms.maxDiscount(), terms.minimumOrder(), terms.scope(), terms.perMemberLimit(),
                terms.validFrom(), terms.validUntil(), view.status(), view.issuerSellerId(),
                showRedemptions ? view.redemptions() : null, view.issuedAt(), view.version());
    }

    /** Staff, or the seller whose shop issued it. */
    static boolean mayManage(Actor actor, CouponView coupon) {
        return switch (actor.role()) {
            case SUPPORT, ADMIN, ANALYST -> true;
            case SELLER -> actor.sellerId() != null && actor.sellerId().equals(coupon.issuerSellerId());
            default -> false;
        };
    }

    /** Anyone may look up a usable code; a withdrawn coupon is its issuer's and staff's business. */
    static boolean mayRead(Actor actor, CouponView coupon) {
        return coupon.status() == CouponStatus.ACTIVE || mayManage(actor, coupon);
    }
}
