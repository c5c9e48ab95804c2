package io.jangteo.command.coupon;

import io.jangteo.command.shared.Reasons;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.CouponRedeemed;
import io.jangteo.messages.coupon.CouponRestored;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponWithdrawn;
import io.jangteo.messages.coupon.IssueCoupon;
import io.jangteo.messages.coupon.RedeemCoupon;
import io.jangteo.messages.coupon.RestoreCoupon;
import io.jangteo.messages.coupon.WithdrawCoupon;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A coupon (쿠폰), named by its code, and the orders that use it.
 * <p>
 * Issuing creates the coupon if missing rather than through a creating constructor: an existing code is then loaded
 * and refused as {@code DUPLICATE ["code"]}, which the buyer's form can show, instead of failing on the append as a
 * stream-creation conflict that only says "retry". Each order uses the coupon once: checkout's retries of the same
 * order change nothing, and a use given back stays given back. Handlers return the coupon's version (the sequence
 * number of its last event), so the API can wait until the read model shows the change.
 */
@Aggregate(cache = "aggregateCache")
public class Coupon {

    @AggregateIdentifier
    private CouponId couponId;
    /** Null until issued. */
    private CouponTerms terms;
    private String issuerSellerId;
    private boolean withdrawn;
    /** By order id. */
    private final Map<String, Redemption> redemptions = new LinkedHashMap<>();
    private long version = -1;

    protected Coupon() {
        // for Axon, and as the not-yet-issued coupon an IssueCoupon starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(IssueCoupon command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        String issuer = CouponAccessPolicy.assertMayIssue(command.terms().scope(), actorRole, actorSellerId);
        CouponTerms valid = CouponRules.validTerms(command.terms());
        if (terms != null) {
            throw new CouponRules.CodeTaken(command.couponId());
        }
        apply(new CouponIssued(command.couponId(), valid, issuer, now()));
        return version;
    }

    @CommandHandler
    long handle(WithdrawCoupon command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        CouponAccessPolicy.assertMayWithdraw(issuerSellerId, actorRole, actorSellerId);
        String reason = Reasons.required(command.reason());
        if (withdrawn) {
            throw new CouponRules.AlreadyWithdrawn();
        }
        apply(new CouponWithdrawn(couponId, reason, now()));
        return version;
    }

    @CommandHandler
    long handle(RedeemCoupon command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        CouponAccessPolicy.assertSystem(actorRole);
        String orderId = CouponRules.orderId(command.orderId());
        if (redemptions.containsKey(orderId)) {
            return version;
        }
        CouponRules.assertNotWithdrawn(withdrawn);
        Instant now = now();
        CouponRules.assertValidAt(terms, now);
        CouponRules.assertWithinMemberLimit(terms, activeUses(command.memberId()));
        CouponRules.assertSameCurrency(terms, command.lines(), command.discount());
        CouponRules.assertDiscount(terms, command.lines(), command.discount());
        apply(new CouponRedeemed(couponId, command.memberId(), orderId, command.discount(), now));
        return version;
    }

    /** Also on a withdrawn coupon: withdrawing stops new uses, it does not keep the uses of failed orders. */
    @CommandHandler
    long handle(RestoreCoupon command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        CouponAccessPolicy.assertSystemOrAdmin(actorRole);
        String orderId = CouponRules.orderId(command.orderId());
        String reason = Reasons.required(command.reason());
        Redemption redemption = redemptions.get(orderId);
        if (redemption != null && !redemption.restored()) {
            apply(new CouponRestored(couponId, redemption.memberId(), orderId, reason, now()));
        }
        return version;
    }

    /** Orders of this member holding the coupon now: a use given back counts no more. */
    private long activeUses(MemberId memberId) {
        return redemptions.values().stream()
                .filter(redemption -> !redemption.restored() && redemption.memberId().equals(memberId))
                .count();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(CouponIssued event, @SequenceNumber long sequenceNumber) {
        couponId = event.couponId();
        terms = event.terms();
        issuerSellerId = event.issuerSellerId();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(CouponWithdrawn event, @SequenceNumber long sequenceNumber) {
        withdrawn = true;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(CouponRedeemed event, @SequenceNumber long sequenceNumber) {
        redemptions.put(event.orderId(), new Redemption(event.memberId(), false));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(CouponRestored event, @SequenceNumber long sequenceNumber) {
        redemptions.computeIfPresent(event.orderId(), (id, redemption) -> redemption.givenBack());
        version = sequenceNumber;
    }
}
