package io.jangteo.command.order;

import io.jangteo.command.order.LifecycleRules.ClaimOpen;
import io.jangteo.command.order.LifecycleRules.DepositNotTheAmountDue;
import io.jangteo.command.order.LifecycleRules.InvalidState;
import io.jangteo.command.order.LifecycleRules.LineNamedTwice;
import io.jangteo.command.order.LifecycleRules.LinesOfOneSellerOnly;
import io.jangteo.command.order.LifecycleRules.LinesRequired;
import io.jangteo.command.order.LifecycleRules.NothingToCancel;
import io.jangteo.command.order.LifecycleRules.ProviderRefused;
import io.jangteo.command.order.LifecycleRules.ProviderUnavailable;
import io.jangteo.command.order.LifecycleRules.RejectionCodeRequired;
import io.jangteo.command.order.LifecycleRules.SellerIdRequired;
import io.jangteo.command.order.LifecycleRules.UnknownClaim;
import io.jangteo.command.order.LifecycleRules.UnknownLine;
import io.jangteo.command.order.LifecycleRules.UnknownPaymentKey;
import io.jangteo.command.order.LifecycleRules.UnknownSellerPart;
import io.jangteo.command.order.LifecycleRules.WholeOrderOnly;
import io.jangteo.command.order.OrderAccessPolicy.NotTheBuyer;
import io.jangteo.command.order.OrderAccessPolicy.NotThisPartsSeller;
import io.jangteo.command.order.OrderAccessPolicy.NotYourLines;
import io.jangteo.command.order.OrderRules.IdempotencyKeyReused;
import io.jangteo.command.order.OrderRules.NoSuchOrder;
import io.jangteo.command.order.OrderRules.UnknownStoredMethod;
import io.jangteo.command.payment.PaymentDeclinedException;
import io.jangteo.command.payment.PaymentGateway;
import io.jangteo.command.payment.PaymentProviderUnavailable;
import io.jangteo.command.payment.PaymentRefundRefused;
import io.jangteo.command.shared.Reasons;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.ApproveExchange;
import io.jangteo.messages.order.ApprovePayment;
import io.jangteo.messages.order.ApproveReturn;
import io.jangteo.messages.order.CancelOrder;
import io.jangteo.messages.order.CancelledLine;
import io.jangteo.messages.order.ClaimStatus;
import io.jangteo.messages.order.ConfirmPurchase;
import io.jangteo.messages.order.ExchangeApproved;
import io.jangteo.messages.order.ExchangeRejected;
import io.jangteo.messages.order.ExchangeRequested;
import io.jangteo.messages.order.ExchangeShipped;
import io.jangteo.messages.order.ExpireOrder;
import io.jangteo.messages.order.LineStatus;
import io.jangteo.messages.order.MarkSellerPartDelivered;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLinesCancelled;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.PaymentStatus;
import io.jangteo.messages.order.PlaceOrder;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.ReceiveReturn;
import io.jangteo.messages.order.RecordDeposit;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.RejectExchange;
import io.jangteo.messages.order.RejectOrder;
import io.jangteo.messages.order.RejectReturn;
import io.jangteo.messages.order.RequestExchange;
import io.jangteo.messages.order.RequestPayment;
import io.jangteo.messages.order.RequestReturn;
import io.jangteo.messages.order.ReturnApproved;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.ReturnReceived;
import io.jangteo.messages.order.ReturnRejected;
import io.jangteo.messages.order.ReturnRequested;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.order.SellerPartPreparing;
import io.jangteo.messages.order.SellerPartShipped;
import io.jangteo.messages.order.SellerPartStatus;
import io.jangteo.messages.order.ShipExchange;
import io.jangteo.messages.order.ShipSellerPart;
import io.jangteo.messages.order.StartPreparing;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order (주문), from placement to purchase confirmation: its lines as quoted, one part per seller that moves through
 * fulfilment on its own (결제완료 → 배송준비중 → 배송중 → 배송완료 → 구매확정), its payment, cancellations, returns,
 * exchanges and refunds. Handlers return the order's version (the sequence number of its last event), so the API can
 * wait until the read model shows exactly this change.
 * <p>
 * Placement is idempotent: the id derives from the buyer and their idempotency key, and a second placement with the same
 * request answers the existing order (a placement without a quote only asks whether it exists). The payment provider is
 * called from the handlers through {@link PaymentGateway}; every call is idempotent per payment key or refund id, so a
 * command retried after a crash reaches the same payment and refund at the provider. When the provider does not answer
 * in time, no event is stored: people (the buyer, staff) get {@code PROVIDER_UNAVAILABLE}; system actors get the
 * gateway's {@link PaymentProviderUnavailable} itself, a transient failure their scheduler or event processor retries,
 * where a rule violation would be taken as a refusal for good.
 * <p>
 * Never snapshotted: an order's stream stays short.
 */
@Aggregate(cache = "aggregateCache")
public class Order {

    private static final Set<SellerPartStatus> BEFORE_SHIPMENT = EnumSet.of(SellerPartStatus.PAID,
            SellerPartStatus.PREPARING);

    @AggregateIdentifier
    private OrderId orderId;
    private MemberId buyerId;
    private String requestFingerprint;
    private OrderStatus status;
    private CouponId couponId;
    private String orderName;
    private final Map<String, OrderLine> lines = new LinkedHashMap<>();
    private final Map<SellerId, SellerPart> parts = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, Money> refunds = new LinkedHashMap<>();
    private long refunded;
    private PaymentChoice paymentChoice;
    private Money amountToPay;
    private String paymentKey;
    private PaymentStatus paymentStatus = PaymentStatus.NOT_REQUESTED;
    private Instant paymentExpiresAt;
    private long version = -1;

    protected Order() {
        // for Axon, and as the empty order a placement starts from
    }

    // ---- placement

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(PlaceOrder command,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                StoredPaymentMethods storedMethods) {
        Actor actor = Actor.of(actorId, actorRole, null);
        OrderAccessPolicy.assertBuyer(actor, command.buyerId());
        if (orderId != null && !buyerId.equals(command.buyerId())) {
            throw new NotTheBuyer();
        }
        String key = OrderRules.idempotencyKey(command.idempotencyKey());
        OrderRules.assertDerived(command.orderId(), command.buyerId(), key);
        String fingerprint = OrderRules.fingerprint(command.requestFingerprint());
        if (orderId != null) {
            if (!requestFingerprint.equals(fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            return version;
        }
        OrderQuote quote = command.quote();
        if (quote == null) {
            // a probe: thrown, so the empty order this handler was given is not stored
            throw new NoSuchOrder();
        }
        OrderRules.assertQuote(quote);
        var address = OrderRules.address(command.shippingAddress());
        PaymentChoice payment = OrderRules.payment(command.payment());
        String cartId = OrderRules.cartId(command.cartId());
        if (payment.method() == PaymentMethod.BRAND_PAY
                && storedMethods.billingKey(command.buyerId(), payment.storedMethodId()).isEmpty()) {
            throw new UnknownStoredMethod();
        }
        apply(new OrderPlaced(command.orderId(), command.buyerId(), key, fingerprint, quote, address, payment, cartId,
                now()));
        return version;
    }

    @CommandHandler
    long handle(RejectOrder command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        OrderAccessPolicy.assertSystem(Actor.of(null, actorRole, null));
        if (status == OrderStatus.REJECTED) {
            return version;
        }
        if (command.code() == null) {
            throw new RejectionCodeRequired();
        }
        String reason = command.reason() == null || command.reason().isBlank()
                ? null : Reasons.required(command.reason());
        assertOrderIn(OrderStatus.PLACED);
        apply(new OrderRejected(orderId, buyerId, command.rejections(), command.code(), reason, now()));
        return version;
    }

    // ---- payment

    @CommandHandler
    long handle(RequestPayment command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                PaymentGateway gateway, OrderSettings settings, StoredPaymentMethods storedMethods) {
        OrderAccessPolicy.assertSystem(Actor.of(null, actorRole, null));
        if (status != OrderStatus.PLACED) {
            return version;
        }
        Instant now = now();
        String key = PaymentGateway.paymentKey(orderId);
        PaymentMethod method = paymentChoice.method();
        if (amountToPay.amount() == 0) {
            // points and coupon cover everything: there is nothing to ask a provider for
            apply(new PaymentApproved(orderId, buyerId, key, method, amountToPay, null, now));
            return version;
        }
        if (method == PaymentMethod.BRAND_PAY) {
            chargeStoredMethod(gateway, storedMethods, key, now);
            return version;
        }
        Instant expiresAt = now.plus(method == PaymentMethod.BANK_TRANSFER
                ? settings.depositDeadline() : settings.paymentTimeout());
        try {
            PaymentGateway.Ready ready = gateway.ready(key, orderId, method, amountToPay, orderName,
                    paymentChoice.returnUrl(), expiresAt);
            apply(new PaymentRequested(orderId, buyerId, key, method, amountToPay, ready.redirectUrl(),
                    ready.virtualAccount(), expiresAt, now));
        } catch (PaymentDeclinedException declined) {
            apply(new PaymentDeclined(orderId, buyerId, key, method, declined.code(), declined.getMessage(), now));
        }
        return version;
    }

    /**
     * Brand pay: one charge, no redirect, so the request and its outcome are stored together and nothing waits for a
     * deadline. A method removed since placement is a decline, which ends the checkout like any other decline.
     */
    private void chargeStoredMethod(PaymentGateway gateway, StoredPaymentMethods storedMethods, String key,
                                    Instant now) {
        PaymentMethod method = PaymentMethod.BRAND_PAY;
        Optional<String> billingKey = storedMethods.billingKey(buyerId, paymentChoice.storedMethodId());
        if (billingKey.isEmpty()) {
            apply(new PaymentRequested(orderId, buyerId, key, method, amountToPay, null, null, null, now));
            apply(new PaymentDeclined(orderId, buyerId, key, method, "METHOD_UNAVAILABLE",
                    "The stored payment method is no longer registered", now));
            return;
        }
        try {
            PaymentGateway.Approval approval = gateway.chargeBillingKey(key, billingKey.get(), amountToPay, orderName);
            apply(new PaymentRequested(orderId, buyerId, key, method, amountToPay, null, null, null, now));
            apply(new PaymentApproved(orderId, buyerId, key, method, amountToPay, approval.providerTransactionId(),
                    approval.approvedAt()));
        } catch (PaymentDeclinedException declined) {
            apply(new PaymentRequested(orderId, buyerId, key, method, amountToPay, null, null, null, now));
            apply(new PaymentDeclined(orderId, buyerId, key, method, declined.code(), declined.getMessage(), now));
        }
    }

    /** A decline is an answer, stored as an event; the handler returns normally. */
    @CommandHandler
    long handle(ApprovePayment command,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                PaymentGateway gateway) {
        OrderAccessPolicy.assertBuyer(Actor.of(actorId, actorRole, null), buyerId);
        if (paymentStatus == PaymentStatus.APPROVED) {
            return version;
        }
        String token = LifecycleRules.approvalToken(command.approvalToken());
        assertOrderIn(OrderStatus.AWAITING_PAYMENT);
        try {
            approved(gateway.approve(paymentKey, token, amountToPay));
        } catch (PaymentDeclinedException declined) {
            apply(new PaymentDeclined(orderId, buyerId, paymentKey, paymentChoice.method(), declined.code(),
                    declined.getMessage(), now()));
        } catch (PaymentProviderUnavailable unavailable) {
            throw new ProviderUnavailable();
        }
        return version;
    }

    @CommandHandler
    long handle(RecordDeposit command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        OrderAccessPolicy.assertSystem(Actor.of(null, actorRole, null));
        if (paymentKey == null || !paymentKey.equals(command.paymentKey())) {
            throw new UnknownPaymentKey();
        }
        if (paymentStatus == PaymentStatus.APPROVED) {
            return version;
        }
        assertOrderIn(OrderStatus.AWAITING_DEPOSIT);
        if (!amountToPay.equals(command.amount())) {
            throw new DepositNotTheAmountDue(amountToPay);
        }
        apply(new PaymentApproved(orderId, buyerId, paymentKey, PaymentMethod.BANK_TRANSFER, amountToPay,
                command.providerTransactionId(), now()));
        return version;
    }

    /**
     * Asks the provider first: a buyer who approved in the last second, or a deposit the callback has not reported
     * yet, makes the order paid rather than expired. Cancelling at the provider closes the window for good; if the
     * payment got through even then, that approval wins.
     */
    @CommandHandler
    long handle(ExpireOrder command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                PaymentGateway gateway) {
        OrderAccessPolicy.assertSystem(Actor.of(null, actorRole, null));
        if (status != OrderStatus.AWAITING_PAYMENT && status != OrderStatus.AWAITING_DEPOSIT) {
            return version;
        }
        PaymentGateway.Status atProvider = gateway.status(paymentKey);
        if (atProvider.state() != PaymentGateway.State.APPROVED) {
            atProvider = gateway.cancel(paymentKey);
        }
        if (atProvider.state() == PaymentGateway.State.APPROVED) {
            approved(atProvider.approval());
            return version;
        }
        String reason = (status == OrderStatus.AWAITING_DEPOSIT ? "No deposit by " : "Not paid by ")
                + paymentExpiresAt;
        apply(new OrderExpired(orderId, buyerId, reason, now()));
        return version;
    }

    private void approved(PaymentGateway.Approval approval) {
        apply(new PaymentApproved(orderId, buyerId, paymentKey, paymentChoice.method(), amountToPay,
                approval.providerTransactionId(), approval.approvedAt()));
    }

    // ---- cancellation

    /**
     * Before payment the whole order goes (the provider's open payment is abandoned); after payment, lines not yet
     * shipped go and are refunded per seller part, with the part's shipping fee once none of its lines is left.
     */
    @CommandHandler
    long handle(CancelOrder command,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId,
                PaymentGateway gateway) {
        Actor actor = Actor.of(actorId, actorRole, actorSellerId);
        boolean unpaid = status == OrderStatus.PLACED || status == OrderStatus.AWAITING_PAYMENT
                || status == OrderStatus.AWAITING_DEPOSIT;
        if (unpaid) {
            OrderAccessPolicy.assertMayCancelUnpaid(actor, buyerId);
        } else {
            boolean sellsInOrder = parts.keySet().stream().anyMatch(actor::isSellerOf);
            OrderAccessPolicy.assertMayCancel(actor, buyerId, sellsInOrder);
        }
        String reason = Reasons.required(command.reason());
        List<OrderLine> named = named(command.lineIds());
        if (unpaid) {
            if (!named.isEmpty() && named.size() != lines.size()) {
                throw new WholeOrderOnly();
            }
            if (!cancelUnpaid(reason, gateway)) {
                return version;
            }
            // the buyer paid while the cancel was on its way: it proceeds as the cancellation of a paid order
            named = List.of();
        }
        assertOrderIn(OrderStatus.PAID);
        cancelPaidLines(actor, named, reason, gateway);
        return version;
    }

    /** Answers false when the order is cancelled; true when the provider reports the payment approved after all. */
    private boolean cancelUnpaid(String reason, PaymentGateway gateway) {
        if (status != OrderStatus.PLACED) {
            PaymentGateway.Status atProvider;
            try {
                atProvider = gateway.cancel(paymentKey);
            } catch (PaymentProviderUnavailable unavailable) {
                throw new ProviderUnavailable();
            }
            if (atProvider.state() == PaymentGateway.State.APPROVED) {
                approved(atProvider.approval());
                return true;
            }
        }
        apply(new OrderCancelled(orderId, buyerId, reason, now()));
        return false;
    }

    private void cancelPaidLines(Actor actor, List<OrderLine> named, String reason, PaymentGateway gateway) {
        // "every open line": those not yet shipped; a seller's, only its own
        boolean anyLine = actor.isBuyer(buyerId) || actor.isStaff() || actor.isSystem();
        List<OrderLine> targets = named.isEmpty()
                ? lines.values().stream()
                .filter(line -> line.status() == LineStatus.ORDERED)
                .filter(line -> BEFORE_SHIPMENT.contains(parts.get(line.sellerId()).status()))
                .filter(line -> anyLine || actor.isSellerOf(line.sellerId()))
                .toList()
                : named;
        if (targets.isEmpty()) {
            throw new NothingToCancel();
        }
        for (int i = 0; i < targets.size(); i++) {
            OrderLine line = targets.get(i);
            // sellers and staff may cancel while the goods are being prepared; the buyer only until then
            boolean privileged = actor.isStaff() || actor.isSystem() || actor.isSellerOf(line.sellerId());
            if (!privileged && !actor.isBuyer(buyerId)) {
                throw new NotYourLines(i);
            }
            if (line.status() != LineStatus.ORDERED) {
                throw InvalidState.ofLine(i, line.status());
            }
            SellerPartStatus partStatus = parts.get(line.sellerId()).status();
            if (privileged ? !BEFORE_SHIPMENT.contains(partStatus) : partStatus != SellerPartStatus.PAID) {
                throw new InvalidState(List.of("lineIds", Integer.toString(i)),
                        "Not possible while the seller's part of this line is " + partStatus);
            }
        }
        Set<String> cancelling = new HashSet<>();
        targets.forEach(line -> cancelling.add(line.lineId()));
        boolean wholeOrder = lines.values().stream()
                .allMatch(line -> line.status() == LineStatus.CANCELLED || cancelling.contains(line.lineId()));
        Instant now = now();
        List<RefundCompleted> refundsDue = new ArrayList<>();
        long refundedSoFar = refunded;
        for (SellerPart part : parts.values()) {
            List<OrderLine> ofPart = targets.stream().filter(line -> line.sellerId().equals(part.sellerId())).toList();
            if (ofPart.isEmpty()) {
                continue;
            }
            boolean partEmptied = lines.values().stream()
                    .filter(line -> line.sellerId().equals(part.sellerId()))
                    .allMatch(line -> line.status() == LineStatus.CANCELLED || cancelling.contains(line.lineId()));
            // not yet shipped (cancellation is before shipment), so shipping it costs the seller nothing
            Money shipping = partEmptied ? part.quoted().shippingFee() : zero();
            Money items = sum(ofPart.stream().map(line -> line.quoted().payAmount()).toList());
            long points = ofPart.stream().mapToLong(line -> line.quoted().points()).sum();
            RefundCompleted refund = refund(gateway, refundsDue.size(), refundedSoFar, part.sellerId(),
                    ofPart, items, shipping, zero(), points, reason, now);
            if (refund != null) {
                refundsDue.add(refund);
                refundedSoFar += refund.amount().amount();
            }
        }
        List<CancelledLine> cancelled = targets.stream()
                .map(line -> new CancelledLine(line.lineId(), line.quoted().productId(), line.quoted().variantId(),
                        line.quoted().quantity()))
                .toList();
        apply(new OrderLinesCancelled(orderId, buyerId, cancelled, reason, wholeOrder, wholeOrder ? couponId : null,
                now));
        refundsDue.forEach(refund -> apply(refund));
    }

    /**
     * Pays the refund back through the provider (before any event, so a refusal stores nothing) and answers its
     * event; null when there is neither money nor points to give back. {@code earlier} counts refunds of this command
     * not yet applied, so ids run on. Ids follow from what is stored: when the provider fails on a part's refund after
     * paying an earlier part's, nothing is stored, and the same command sent again asks for the same refund ids, which
     * the provider answers without paying twice.
     */
    private RefundCompleted refund(PaymentGateway gateway, int earlier, long refundedSoFar, SellerId sellerId,
                                   List<OrderLine> refundedLines, Money items, Money shipping, Money fee, long points,
                                   String reason, Instant now) {
        Money amount = items.plus(shipping).minus(fee);
        if (amount.amount() == 0 && points == 0) {
            return null;
        }
        LifecycleRules.assertWithinPayment(refundedSoFar, amount.amount(), amountToPay);
        String refundId = "RF" + (refunds.size() + earlier + 1);
        String providerRefundId = null;
        if (amount.amount() > 0) {
            try {
                providerRefundId = gateway.refund(paymentKey, refundId, amount);
            } catch (PaymentRefundRefused refused) {
                throw new ProviderRefused(refused.code());
            } catch (PaymentProviderUnavailable unavailable) {
                throw new ProviderUnavailable();
            }
        }
        return new RefundCompleted(orderId, buyerId, refundId, sellerId,
                refundedLines.stream().map(OrderLine::lineId).toList(), items, shipping, fee, amount, points,
                paymentKey, providerRefundId, reason, now);
    }

    // ---- fulfilment, per seller part

    @CommandHandler
    long handle(StartPreparing command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        OrderAccessPolicy.assertSellerOrStaff(Actor.of(null, actorRole, actorSellerId), command.sellerId());
        SellerPart part = part(command.sellerId());
        assertPartIn(part, SellerPartStatus.PAID);
        apply(new SellerPartPreparing(orderId, buyerId, part.sellerId(), now()));
        return version;
    }

    @CommandHandler
    long handle(ShipSellerPart command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        OrderAccessPolicy.assertSellerOrStaff(Actor.of(null, actorRole, actorSellerId), command.sellerId());
        SellerPart part = part(command.sellerId());
        String carrier = LifecycleRules.carrier(command.carrier());
        String trackingNumber = LifecycleRules.trackingNumber(command.trackingNumber());
        assertPartIn(part, SellerPartStatus.PAID, SellerPartStatus.PREPARING);
        apply(new SellerPartShipped(orderId, buyerId, part.sellerId(), carrier, trackingNumber, now()));
        return version;
    }

    /** Repeated (a carrier reporting twice) it changes nothing. */
    @CommandHandler
    long handle(MarkSellerPartDelivered command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId,
                OrderSettings settings) {
        OrderAccessPolicy.assertMayReportDelivery(Actor.of(null, actorRole, actorSellerId), command.sellerId());
        SellerPart part = part(command.sellerId());
        if (part.status() == SellerPartStatus.DELIVERED || part.status() == SellerPartStatus.PURCHASE_CONFIRMED) {
            return version;
        }
        assertPartIn(part, SellerPartStatus.SHIPPED);
        Instant now = now();
        apply(new SellerPartDelivered(orderId, buyerId, part.sellerId(), now, now.plus(settings.autoConfirmAfter())));
        return version;
    }

    /**
     * The amount is what the buyer paid for the part's lines that stay with them (not cancelled, not returned); a
     * part returned in full is still confirmed, for nothing. The auto-confirm deadline (a system actor) finds nothing
     * to do when the part moved on or a claim is open: the deadline is set again when the claim ends.
     */
    @CommandHandler
    long handle(ConfirmPurchase command,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        Actor actor = Actor.of(actorId, actorRole, null);
        OrderAccessPolicy.assertMayConfirm(actor, buyerId);
        SellerPart part = part(command.sellerId());
        if (part.status() == SellerPartStatus.PURCHASE_CONFIRMED) {
            return version;
        }
        boolean automatic = actor.isSystem();
        Optional<Claim> open = openClaim(part.sellerId());
        if (automatic && (part.status() != SellerPartStatus.DELIVERED || open.isPresent())) {
            return version;
        }
        assertPartIn(part, SellerPartStatus.DELIVERED);
        if (open.isPresent()) {
            throw new ClaimOpen(open.get().claimId());
        }
        Money amount = sum(linesOf(part.sellerId()).stream()
                .filter(line -> line.status() != LineStatus.CANCELLED && line.status() != LineStatus.RETURNED)
                .map(line -> line.quoted().payAmount())
                .toList());
        apply(new PurchaseConfirmed(orderId, buyerId, part.sellerId(), amount, automatic, now()));
        return version;
    }

    // ---- returns (반품)

    @CommandHandler
    long handle(RequestReturn command,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        OrderAccessPolicy.assertMayClaim(Actor.of(actorId, actorRole, null), buyerId);
        List<OrderLine> claimed = claimable(command.lineIds());
        ReturnReason reason = LifecycleRules.returnReason(command.reason());
        String detail = LifecycleRules.detail(command.detail());
        SellerId sellerId = assertClaimableState(claimed);
        String returnId = "R" + (countClaims(Claim.Kind.RETURN) + 1);
        apply(new ReturnRequested(orderId, buyerId, sellerId, returnId, ids(claimed), reason, detail,
                reason.buyerAtFault(), now()));
        return version;
    }

    @CommandHandler
    long handle(ApproveReturn command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        Claim claim = decidable(command.returnId(), Claim.Kind.RETURN, Actor.of(null, actorRole, actorSellerId));
        assertClaimIn(claim, "returnId", ClaimStatus.REQUESTED);
        apply(new ReturnApproved(orderId, buyerId, claim.sellerId(), claim.claimId(), now()));
        return version;
    }

    @CommandHandler
    long handle(RejectReturn command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        Claim claim = decidable(command.returnId(), Claim.Kind.RETURN, Actor.of(null, actorRole, actorSellerId));
        String reason = Reasons.required(command.reason());
        assertClaimIn(claim, "returnId", ClaimStatus.REQUESTED);
        apply(new ReturnRejected(orderId, buyerId, claim.sellerId(), claim.claimId(), reason, now()));
        return version;
    }

    /**
     * The goods are back: their pay amounts are refunded, less the seller's return fee when the buyer was at fault
     * (never more than the refund), and their points go back. The original shipping fee is not refunded.
     */
    @CommandHandler
    long handle(ReceiveReturn command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId,
                PaymentGateway gateway) {
        Claim claim = decidable(command.returnId(), Claim.Kind.RETURN, Actor.of(null, actorRole, actorSellerId));
        assertClaimIn(claim, "returnId", ClaimStatus.APPROVED);
        List<OrderLine> returned = claim.lineIds().stream().map(lines::get).toList();
        Money items = sum(returned.stream().map(line -> line.quoted().payAmount()).toList());
        Money returnFee = parts.get(claim.sellerId()).quoted().returnFee();
        Money fee = claim.buyerAtFault()
                ? (returnFee.amount() <= items.amount() ? returnFee : items)
                : zero();
        long points = returned.stream().mapToLong(line -> line.quoted().points()).sum();
        Instant now = now();
        RefundCompleted refund = refund(gateway, 0, refunded, claim.sellerId(), returned, items, zero(), fee, points,
                "return " + claim.claimId() + " (" + claim.reason() + ")", now);
        apply(new ReturnReceived(orderId, buyerId, claim.sellerId(), claim.claimId(), now));
        if (refund != null) {
            apply(refund);
        }
        return version;
    }

    // ---- exchanges (교환): the same variant again; the fee is recorded, collecting it is not part of the order

    @CommandHandler
    long handle(RequestExchange command,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        OrderAccessPolicy.assertMayClaim(Actor.of(actorId, actorRole, null), buyerId);
        List<OrderLine> claimed = claimable(command.lineIds());
        ReturnReason reason = LifecycleRules.returnReason(command.reason());
        String detail = LifecycleRules.detail(command.detail());
        SellerId sellerId = assertClaimableState(claimed);
        Money fee = reason.buyerAtFault() ? parts.get(sellerId).quoted().exchangeFee() : zero();
        String exchangeId = "X" + (countClaims(Claim.Kind.EXCHANGE) + 1);
        apply(new ExchangeRequested(orderId, buyerId, sellerId, exchangeId, ids(claimed), reason, detail,
                reason.buyerAtFault(), fee, now()));
        return version;
    }

    @CommandHandler
    long handle(ApproveExchange command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        Claim claim = decidable(command.exchangeId(), Claim.Kind.EXCHANGE, Actor.of(null, actorRole, actorSellerId));
        assertClaimIn(claim, "exchangeId", ClaimStatus.REQUESTED);
        apply(new ExchangeApproved(orderId, buyerId, claim.sellerId(), claim.claimId(), now()));
        return version;
    }

    @CommandHandler
    long handle(RejectExchange command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        Claim claim = decidable(command.exchangeId(), Claim.Kind.EXCHANGE, Actor.of(null, actorRole, actorSellerId));
        String reason = Reasons.required(command.reason());
        assertClaimIn(claim, "exchangeId", ClaimStatus.REQUESTED);
        apply(new ExchangeRejected(orderId, buyerId, claim.sellerId(), claim.claimId(), reason, now()));
        return version;
    }

    /**
     * The replacement is on its way: the lines are ORDERED again rather than EXCHANGED (the exchange stays in the
     * claims), so a faulty replacement can be returned or exchanged like any delivered line.
     */
    @CommandHandler
    long handle(ShipExchange command,
                @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_SELLER_ID) String actorSellerId) {
        Claim claim = decidable(command.exchangeId(), Claim.Kind.EXCHANGE, Actor.of(null, actorRole, actorSellerId));
        String carrier = LifecycleRules.carrier(command.carrier());
        String trackingNumber = LifecycleRules.trackingNumber(command.trackingNumber());
        assertClaimIn(claim, "exchangeId", ClaimStatus.APPROVED);
        apply(new ExchangeShipped(orderId, buyerId, claim.sellerId(), claim.claimId(), carrier, trackingNumber,
                now()));
        return version;
    }

    // ---- guards and lookups

    private void assertOrderIn(OrderStatus expected) {
        if (status != expected) {
            throw InvalidState.ofOrder(status);
        }
    }

    private static void assertPartIn(SellerPart part, SellerPartStatus... allowed) {
        for (SellerPartStatus candidate : allowed) {
            if (part.status() == candidate) {
                return;
            }
        }
        throw InvalidState.ofPart(part.status());
    }

    private static void assertClaimIn(Claim claim, String field, ClaimStatus expected) {
        if (claim.status() != expected) {
            throw InvalidState.ofClaim(field, claim.status());
        }
    }

    private SellerPart part(SellerId sellerId) {
        if (sellerId == null) {
            throw new SellerIdRequired();
        }
        SellerPart part = parts.get(sellerId);
        if (part == null) {
            throw new UnknownSellerPart();
        }
        return part;
    }

    /** The named lines, each once; unknown ids are NOT_FOUND at their index. */
    private List<OrderLine> named(List<String> lineIds) {
        List<OrderLine> named = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lineIds.size(); i++) {
            OrderLine line = lineIds.get(i) == null ? null : lines.get(lineIds.get(i));
            if (line == null) {
                throw new UnknownLine(i);
            }
            if (!seen.add(line.lineId())) {
                throw new LineNamedTwice(i);
            }
            named.add(line);
        }
        return named;
    }

    private List<OrderLine> claimable(List<String> lineIds) {
        if (lineIds.isEmpty()) {
            throw new LinesRequired();
        }
        return named(lineIds);
    }

    /** The lines' one seller, whose part must be delivered, and every line still as ordered. */
    private SellerId assertClaimableState(List<OrderLine> claimed) {
        SellerId sellerId = claimed.get(0).sellerId();
        if (claimed.stream().anyMatch(line -> !line.sellerId().equals(sellerId))) {
            throw new LinesOfOneSellerOnly();
        }
        assertPartIn(parts.get(sellerId), SellerPartStatus.DELIVERED);
        for (int i = 0; i < claimed.size(); i++) {
            if (claimed.get(i).status() != LineStatus.ORDERED) {
                throw InvalidState.ofLine(i, claimed.get(i).status());
            }
        }
        return sellerId;
    }

    /**
     * The claim a seller or staff decides on. Who may is checked before whether it exists: a seller with no part in
     * the order learns nothing, not even which claims it has.
     */
    private Claim decidable(String claimId, Claim.Kind kind, Actor actor) {
        String field = kind == Claim.Kind.RETURN ? "returnId" : "exchangeId";
        Claim claim = claimId == null ? null : claims.get(claimId);
        if (claim == null || claim.kind() != kind) {
            if (!actor.isStaff() && parts.keySet().stream().noneMatch(actor::isSellerOf)) {
                throw new NotThisPartsSeller();
            }
            throw new UnknownClaim(field);
        }
        OrderAccessPolicy.assertSellerOrStaff(actor, claim.sellerId());
        return claim;
    }

    private Optional<Claim> openClaim(SellerId sellerId) {
        return claims.values().stream().filter(claim -> claim.sellerId().equals(sellerId) && claim.isOpen())
                .findFirst();
    }

    private long countClaims(Claim.Kind kind) {
        return claims.values().stream().filter(claim -> claim.kind() == kind).count();
    }

    private List<OrderLine> linesOf(SellerId sellerId) {
        return lines.values().stream().filter(line -> line.sellerId().equals(sellerId)).toList();
    }

    private static List<String> ids(List<OrderLine> of) {
        return of.stream().map(OrderLine::lineId).toList();
    }

    private Money zero() {
        return Money.of(0, amountToPay.currency());
    }

    private Money sum(List<Money> amounts) {
        Money total = zero();
        for (Money amount : amounts) {
            total = total.plus(amount);
        }
        return total;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---- state: event sourcing handlers only assign

    @EventSourcingHandler
    void on(OrderPlaced event, @SequenceNumber long sequenceNumber) {
        orderId = event.orderId();
        buyerId = event.buyerId();
        requestFingerprint = event.requestFingerprint();
        status = OrderStatus.PLACED;
        OrderQuote quote = event.quote();
        couponId = quote.couponId();
        amountToPay = quote.amountToPay();
        orderName = OrderRules.orderName(quote.lines());
        for (QuotedLine line : quote.lines()) {
            lines.put(line.lineId(), new OrderLine(line, LineStatus.ORDERED));
        }
        for (QuotedSellerPart part : quote.sellers()) {
            parts.put(part.sellerId(), new SellerPart(part, SellerPartStatus.AWAITING_PAYMENT));
        }
        paymentChoice = event.payment();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(OrderRejected event, @SequenceNumber long sequenceNumber) {
        status = OrderStatus.REJECTED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PaymentRequested event, @SequenceNumber long sequenceNumber) {
        boolean deposit = event.method() == PaymentMethod.BANK_TRANSFER;
        paymentKey = event.paymentKey();
        paymentExpiresAt = event.expiresAt();
        paymentStatus = deposit ? PaymentStatus.AWAITING_DEPOSIT : PaymentStatus.READY;
        status = deposit ? OrderStatus.AWAITING_DEPOSIT : OrderStatus.AWAITING_PAYMENT;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PaymentApproved event, @SequenceNumber long sequenceNumber) {
        paymentKey = event.paymentKey();
        paymentStatus = PaymentStatus.APPROVED;
        status = OrderStatus.PAID;
        parts.replaceAll((id, part) -> part.withStatus(SellerPartStatus.PAID));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PaymentDeclined event, @SequenceNumber long sequenceNumber) {
        paymentKey = event.paymentKey();
        paymentStatus = PaymentStatus.DECLINED;
        status = OrderStatus.PAYMENT_DECLINED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(OrderExpired event, @SequenceNumber long sequenceNumber) {
        paymentStatus = PaymentStatus.EXPIRED;
        status = OrderStatus.EXPIRED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(OrderCancelled event, @SequenceNumber long sequenceNumber) {
        if (paymentStatus != PaymentStatus.NOT_REQUESTED) {
            paymentStatus = PaymentStatus.CANCELLED;
        }
        status = OrderStatus.CANCELLED;
        lines.replaceAll((id, line) -> line.withStatus(LineStatus.CANCELLED));
        parts.replaceAll((id, part) -> part.withStatus(SellerPartStatus.CANCELLED));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(OrderLinesCancelled event, @SequenceNumber long sequenceNumber) {
        for (CancelledLine cancelled : event.lines()) {
            lines.computeIfPresent(cancelled.lineId(), (id, line) -> line.withStatus(LineStatus.CANCELLED));
        }
        parts.replaceAll((id, part) -> linesOf(id).stream().allMatch(line -> line.status() == LineStatus.CANCELLED)
                ? part.withStatus(SellerPartStatus.CANCELLED) : part);
        settleStatus();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(RefundCompleted event, @SequenceNumber long sequenceNumber) {
        refunds.put(event.refundId(), event.amount());
        refunded += event.amount().amount();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(SellerPartPreparing event, @SequenceNumber long sequenceNumber) {
        partMoved(event.sellerId(), SellerPartStatus.PREPARING, sequenceNumber);
    }

    @EventSourcingHandler
    void on(SellerPartShipped event, @SequenceNumber long sequenceNumber) {
        partMoved(event.sellerId(), SellerPartStatus.SHIPPED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(SellerPartDelivered event, @SequenceNumber long sequenceNumber) {
        partMoved(event.sellerId(), SellerPartStatus.DELIVERED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(PurchaseConfirmed event, @SequenceNumber long sequenceNumber) {
        partMoved(event.sellerId(), SellerPartStatus.PURCHASE_CONFIRMED, sequenceNumber);
        settleStatus();
    }

    @EventSourcingHandler
    void on(ReturnRequested event, @SequenceNumber long sequenceNumber) {
        claims.put(event.returnId(), new Claim(event.returnId(), Claim.Kind.RETURN, event.sellerId(), event.lineIds(),
                event.reason(), event.buyerAtFault(), ClaimStatus.REQUESTED));
        claimMoved(event.returnId(), ClaimStatus.REQUESTED, LineStatus.RETURN_REQUESTED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReturnApproved event, @SequenceNumber long sequenceNumber) {
        claimMoved(event.returnId(), ClaimStatus.APPROVED, LineStatus.RETURN_APPROVED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReturnRejected event, @SequenceNumber long sequenceNumber) {
        claimMoved(event.returnId(), ClaimStatus.REJECTED, LineStatus.ORDERED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(ReturnReceived event, @SequenceNumber long sequenceNumber) {
        claimMoved(event.returnId(), ClaimStatus.COMPLETED, LineStatus.RETURNED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(ExchangeRequested event, @SequenceNumber long sequenceNumber) {
        claims.put(event.exchangeId(), new Claim(event.exchangeId(), Claim.Kind.EXCHANGE, event.sellerId(),
                event.lineIds(), event.reason(), event.buyerAtFault(), ClaimStatus.REQUESTED));
        claimMoved(event.exchangeId(), ClaimStatus.REQUESTED, LineStatus.EXCHANGE_REQUESTED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(ExchangeApproved event, @SequenceNumber long sequenceNumber) {
        claimMoved(event.exchangeId(), ClaimStatus.APPROVED, LineStatus.EXCHANGE_APPROVED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(ExchangeRejected event, @SequenceNumber long sequenceNumber) {
        claimMoved(event.exchangeId(), ClaimStatus.REJECTED, LineStatus.ORDERED, sequenceNumber);
    }

    @EventSourcingHandler
    void on(ExchangeShipped event, @SequenceNumber long sequenceNumber) {
        claimMoved(event.exchangeId(), ClaimStatus.COMPLETED, LineStatus.ORDERED, sequenceNumber);
    }

    private void partMoved(SellerId sellerId, SellerPartStatus newStatus, long sequenceNumber) {
        parts.computeIfPresent(sellerId, (id, part) -> part.withStatus(newStatus));
        version = sequenceNumber;
    }

    private void claimMoved(String claimId, ClaimStatus claimStatus, LineStatus lineStatus, long sequenceNumber) {
        Claim claim = claims.computeIfPresent(claimId, (id, existing) -> existing.withStatus(claimStatus));
        if (claim != null) {
            claim.lineIds().forEach(lineId ->
                    lines.computeIfPresent(lineId, (id, line) -> line.withStatus(lineStatus)));
        }
        version = sequenceNumber;
    }

    /** Cancelled when every line is; completed when every part is confirmed or cancelled, one at least confirmed. */
    private void settleStatus() {
        if (lines.values().stream().allMatch(line -> line.status() == LineStatus.CANCELLED)) {
            status = OrderStatus.CANCELLED;
        } else if (parts.values().stream().allMatch(part -> part.status() == SellerPartStatus.PURCHASE_CONFIRMED
                || part.status() == SellerPartStatus.CANCELLED)
                && parts.values().stream().anyMatch(part -> part.status() == SellerPartStatus.PURCHASE_CONFIRMED)) {
            status = OrderStatus.COMPLETED;
        }
    }
}
