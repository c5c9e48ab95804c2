package io.jangteo.graphql.cart;

import io.jangteo.messages.coupon.CountCouponUsesQuery;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.FindCouponsQuery;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Money;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The coupons that would discount a cart now, found with the coupon's own rule ({@link CouponTerms#discountFor}) on
 * the cart's purchasable lines at current prices: what is shown here is what the quote and checkout will grant. A
 * coupon code is what the buyer types to use it, so a coupon is a public offer in this model and listing the ones
 * that apply gives nothing away. For a member, coupons whose per-member limit is used up are left out; a guest sees
 * every coupon that applies, since signing in is all it takes to use one.
 */
@Component
class CartCoupons {

    /** Active coupons considered per cart; FindCouponsQuery answers newest first. */
    static final int CANDIDATES = 100;
    private static final int CONCURRENCY = 8;

    private final QueryGateway queryGateway;
    private final Supplier<Instant> now;

    @Autowired
    CartCoupons(QueryGateway queryGateway) {
        this(queryGateway, Instant::now);
    }

    CartCoupons(QueryGateway queryGateway, Supplier<Instant> now) {
        this.queryGateway = queryGateway;
        this.now = now;
    }

    /** The schema's {@code CartCoupon}. */
    record CartCouponNode(String code, String name, Money discount, Money minimumOrder, Instant validUntil,
                          Integer usesLeft) {
    }

    /** A coupon that would discount the lines, with that discount. */
    record Candidate(CouponView coupon, Money discount) {
    }

    Mono<List<CartCouponNode>> applicable(MemberId member, List<CartItemNode> items) {
        List<CouponLine> lines = lines(items);
        if (lines.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromFuture(() -> queryGateway.query(new FindCouponsQuery(null, true, CANDIDATES),
                        ResponseTypes.multipleInstancesOf(CouponView.class)))
                .map(coupons -> candidates(coupons, lines, now.get()))
                .flatMap(candidates -> member == null
                        ? Mono.just(candidates.stream().map(c -> node(c, null)).toList())
                        : withUsesLeft(member, candidates));
    }

    private Mono<List<CartCouponNode>> withUsesLeft(MemberId member, List<Candidate> candidates) {
        return Flux.fromIterable(candidates)
                .flatMapSequential(candidate -> Mono.fromFuture(() -> queryGateway.query(
                                new CountCouponUsesQuery(candidate.coupon().couponId(), member), Long.class))
                        .map(uses -> node(candidate, (int) Math.max(0,
                                candidate.coupon().terms().perMemberLimit() - uses))), CONCURRENCY)
                .filter(node -> node.usesLeft() > 0)
                .collectList();
    }

    /** The purchasable lines as a coupon sees them; a line's id is its index in the cart. */
    static List<CouponLine> lines(List<CartItemNode> items) {
        List<CouponLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CartItemNode item = items.get(i);
            if (item.purchasable()) {
                lines.add(new CouponLine(String.valueOf(i), item.productId(), item.sellerId(), item.categoryId(),
                        item.lineAmount()));
            }
        }
        return lines;
    }

    /** Usable now and discounting these lines, largest discount first (then newest, as the query answered). */
    static List<Candidate> candidates(List<CouponView> coupons, List<CouponLine> lines, Instant now) {
        if (lines.isEmpty()) {
            return List.of();
        }
        String currency = lines.get(0).amount().currency();
        List<Candidate> candidates = new ArrayList<>();
        for (CouponView coupon : coupons) {
            CouponTerms terms = coupon.terms();
            if (coupon.status() != CouponStatus.ACTIVE || !terms.validAt(now)) {
                continue;
            }
            if (terms.fixedAmount() != null && !terms.fixedAmount().currency().equals(currency)) {
                continue;
            }
            long discount = terms.discountFor(lines);
            if (discount > 0) {
                candidates.add(new Candidate(coupon, new Money(discount, currency)));
            }
        }
        candidates.sort(Comparator.comparingLong((Candidate c) -> c.discount().amount()).reversed());
        return candidates;
    }

    private static CartCouponNode node(Candidate candidate, Integer usesLeft) {
        CouponTerms terms = candidate.coupon().terms();
        return new CartCouponNode(candidate.coupon().couponId().value(), terms.name(), candidate.discount(),
                terms.minimumOrder(), terms.validUntil(), usesLeft);
    }
}
