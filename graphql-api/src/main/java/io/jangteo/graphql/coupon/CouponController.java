package io.jangteo.graphql.coupon;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.FindCouponQuery;
import io.jangteo.messages.coupon.FindCouponsQuery;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;

/** Coupon queries: a code anyone may check, and the lists issuers and staff manage. */
@Controller
class CouponController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final QueryGateway queryGateway;

    CouponController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @QueryMapping
    Mono<CouponNode> coupon(@Argument String code, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        CouponId couponId;
        try {
            couponId = CouponId.of(code);
        } catch (IllegalArgumentException e) {
            return Mono.empty(); // a code that cannot be one names no coupon
        }
        return Mono.fromFuture(() -> queryGateway.query(new FindCouponQuery(couponId),
                        ResponseTypes.optionalInstanceOf(CouponView.class)))
                .flatMap(Mono::justOrEmpty)
                .filter(coupon -> CouponNode.mayRead(actor, coupon))
                .map(coupon -> CouponNode.of(coupon, CouponNode.mayManage(actor, coupon)));
    }

    @QueryMapping
    Mono<List<CouponNode>> coupons(@Argument Boolean activeOnly, @Argument Integer first,
                                   Authentication authentication) {
        Actor actor = Actor.from(authentication)
                .requireRole(ActorRole.SELLER, ActorRole.SUPPORT, ActorRole.ADMIN, ActorRole.ANALYST);
        int limit = first == null ? DEFAULT_LIMIT : first;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'first' must be between 1 and " + MAX_LIMIT);
        }
        if (actor.role() == ActorRole.SELLER && actor.sellerId() == null) {
            throw new ApiException(ApiException.Code.FORBIDDEN, "A seller without a shop has no coupons");
        }
        // a seller's list is its own shop's, whatever else exists
        String issuer = actor.role() == ActorRole.SELLER ? actor.sellerId() : null;
        FindCouponsQuery query = new FindCouponsQuery(issuer, Boolean.TRUE.equals(activeOnly), limit);
        return Mono.fromFuture(() -> queryGateway.query(query, ResponseTypes.multipleInstancesOf(CouponView.class)))
                .map(coupons -> coupons.stream()
                        .filter(coupon -> CouponNode.mayManage(actor, coupon))
                        .map(coupon -> CouponNode.of(coupon, true))
                        .toList());
    }
}
