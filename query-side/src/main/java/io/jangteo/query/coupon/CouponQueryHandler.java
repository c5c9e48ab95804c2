package io.jangteo.query.coupon;

import io.jangteo.messages.coupon.CountCouponUsesQuery;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.FindCouponQuery;
import io.jangteo.messages.coupon.FindCouponsQuery;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Coupon reads. Who may see which coupons (a seller its own, staff all) is the API's decision. */
@Component
class CouponQueryHandler {

    private final CouponDirectory directory;
    private final Supplier<Instant> now;

    @Autowired
    CouponQueryHandler(CouponDirectory directory, ObjectProvider<Clock> clock) {
        // the application's clock if it has one, else the one aggregates read, so "expired" means the same on both sides
        this(directory, () -> clock.getIfAvailable(() -> GenericEventMessage.clock).instant());
    }

    CouponQueryHandler(CouponDirectory directory, Supplier<Instant> now) {
        this.directory = directory;
        this.now = now;
    }

    @QueryHandler
    Optional<CouponView> find(FindCouponQuery query) {
        return directory.find(query.couponId());
    }

    @QueryHandler
    List<CouponView> find(FindCouponsQuery query) {
        return directory.list(query.issuerSellerId(), query.activeOnly(), query.limit(), now.get());
    }

    @QueryHandler
    Long count(CountCouponUsesQuery query) {
        if (query.couponId() == null || query.memberId() == null) {
            return 0L;
        }
        return directory.activeUses(query.couponId(), query.memberId());
    }
}
