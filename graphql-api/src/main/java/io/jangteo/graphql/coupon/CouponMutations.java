package io.jangteo.graphql.coupon;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.Inputs.MoneyInput;
import io.jangteo.graphql.support.Mutations;
import io.jangteo.graphql.support.Mutations.Prepared;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponScope;
import io.jangteo.messages.coupon.CouponScopeKind;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.DiscountKind;
import io.jangteo.messages.coupon.FindCouponQuery;
import io.jangteo.messages.coupon.IssueCoupon;
import io.jangteo.messages.coupon.WithdrawCoupon;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Coupon mutations. Only admins and sellers ever issue or withdraw coupons, so the API turns everyone else away; the
 * Coupon aggregate decides the rest (a seller only for its own shop, only the issuer withdraws) and validates the
 * terms. The aggregate names fields of its command ({@code terms.…}, {@code couponId}); they are shown at the input
 * fields they came from.
 */
@Controller
class CouponMutations {

    private final Mutations mutations;
    private final Clock clock = Clock.systemUTC();

    CouponMutations(Mutations mutations) {
        this.mutations = mutations;
    }

    record CouponScopeInput(CouponScopeKind kind, List<String> ids) {
    }

    record IssueCouponInput(String code, String name, DiscountKind kind, MoneyInput fixedAmount, Integer ratePercent,
                            MoneyInput maxDiscount, MoneyInput minimumOrder, CouponScopeInput scope,
                            Integer perMemberLimit, Instant validFrom, Instant validUntil) {
    }

    record WithdrawCouponInput(String code, String reason) {
    }

    record CouponPayload(CouponNode coupon, List<UserError> errors) {
    }

    @MutationMapping
    Mono<CouponPayload> issueCoupon(@Argument IssueCouponInput input, Authentication authentication,
                                    @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN, ActorRole.SELLER);
        return run(actor, request, () -> {
            CouponId couponId = code(input.code());
            return new Prepared(new IssueCoupon(couponId, terms(input, actor)), new FindCouponQuery(couponId));
        });
    }

    @MutationMapping
    Mono<CouponPayload> withdrawCoupon(@Argument WithdrawCouponInput input, Authentication authentication,
                                       @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        Actor actor = Actor.from(authentication).requireRole(ActorRole.ADMIN, ActorRole.SELLER);
        return run(actor, request, () -> {
            CouponId couponId = Inputs.id(input.code(), CouponId::of, "coupon", "code");
            return new Prepared(new WithdrawCoupon(couponId, input.reason()), new FindCouponQuery(couponId));
        });
    }

    private Mono<CouponPayload> run(Actor actor, RequestContext request, Supplier<Prepared> prepare) {
        // whoever just issued or withdrew it is its issuer or an admin: they see its figures
        return mutations.run(actor, request, prepare, CouponView.class, CouponView::version,
                view -> CouponNode.of(view, true),
                (coupon, errors) -> new CouponPayload(coupon, errors.stream().map(CouponMutations::atInput).toList()));
    }

    private static CouponId code(String raw) {
        try {
            return CouponId.of(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "code"),
                    "A coupon code is 3 to 32 letters, digits and dashes");
        }
    }

    private CouponTerms terms(IssueCouponInput input, Actor actor) {
        return new CouponTerms(input.name() == null ? null : input.name().strip(), input.kind(),
                Inputs.money(input.fixedAmount(), "fixedAmount"),
                input.ratePercent() == null ? 0 : input.ratePercent(),
                Inputs.money(input.maxDiscount(), "maxDiscount"),
                Inputs.money(input.minimumOrder(), "minimumOrder"),
                scope(input.scope(), actor),
                input.perMemberLimit() == null ? 1 : input.perMemberLimit(),
                input.validFrom() == null ? clock.instant() : input.validFrom(),
                input.validUntil());
    }

    /** Without a scope, a seller's coupon covers its own shop and an admin's everything. */
    private static CouponScope scope(CouponScopeInput input, Actor actor) {
        if (input == null) {
            return actor.role() == ActorRole.SELLER && actor.sellerId() != null
                    ? CouponScope.seller(actor.sellerId()) : CouponScope.all();
        }
        if (input.kind() == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "scope", "kind"), "Choose the scope");
        }
        return new CouponScope(input.kind(), input.ids());
    }

    /** {@code input.terms.x} → {@code input.x}; {@code input.couponId} → {@code input.code}. */
    static UserError atInput(UserError error) {
        List<String> field = error.field();
        if (field.size() >= 2 && field.get(0).equals("input")) {
            List<String> mapped = new ArrayList<>(field.size());
            mapped.add("input");
            if (field.get(1).equals("terms")) {
                mapped.addAll(field.subList(2, field.size()));
            } else if (field.get(1).equals("couponId")) {
                mapped.add("code");
                mapped.addAll(field.subList(2, field.size()));
            } else {
                mapped.addAll(field.subList(1, field.size()));
            }
            return new UserError(error.code(), mapped, error.message());
        }
        return error;
    }
}
