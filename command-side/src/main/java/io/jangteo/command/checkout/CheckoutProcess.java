package io.jangteo.command.checkout;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jangteo.command.schedule.Refusals;
import io.jangteo.command.schedule.SystemActor;
import io.jangteo.messages.catalog.CommitStock;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ReleaseStock;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.RedeemCoupon;
import io.jangteo.messages.coupon.RestoreCoupon;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.RejectOrder;
import io.jangteo.messages.order.RequestPayment;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checkout, from a placed order to its payment, as the system actor {@code system:checkout}: it holds stock for every
 * line (at the price the buyer was shown), spends the order's points and redeems its coupon, then asks for the
 * payment. When anything cannot be had, the order is rejected naming what, and whatever was held is given back; a
 * declined, expired or cancelled payment gives everything back; an approved one turns the held stock into sold stock.
 * <p>
 * Refusals (a rule said no) are answers; any other failure (a timeout, no handler, a conflict that persists) is thrown,
 * so the event processor handles the event again. Every step can be repeated safely: reservations are named by order
 * and line, the points spending by order, a coupon counts an order once, and a repeated payment request changes
 * nothing. So a retry, or a crash half-way, holds nothing twice.
 * <p>
 * Its state is what it holds, so that it gives back exactly that. Public with a public constructor and its fields
 * visible to Jackson, because the saga store (MongoDB) writes and reads it with the application's serializer.
 */
@Saga
@ProcessingGroup(CheckoutProcess.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class CheckoutProcess {

    static final String PROCESSING_GROUP = "checkout";
    static final String ACTOR = "checkout";
    /** Events name their order by an {@link OrderId}; Axon associates by its {@code toString()}, the plain value. */
    private static final String ASSOCIATION = "orderId";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** A conflict is a collision with a concurrent change: another attempt on fresh state usually gets through. */
    private static final int ATTEMPTS_ON_CONFLICT = 3;
    private static final Logger log = LoggerFactory.getLogger(CheckoutProcess.class);

    private String orderId;
    private String buyerId;
    /** Line id to product id of the lines whose units are held for the order. */
    private Map<String, String> heldStock = new LinkedHashMap<>();
    /** Points spent on the order and not given back. */
    private long spentPoints;
    /** The coupon the order holds a use of; null when none or given back. */
    private String redeemedCoupon;

    @Autowired
    @JsonIgnore
    private transient CommandGateway commandGateway;

    public CheckoutProcess() {
        // for Axon and Jackson
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION, keyName = ASSOCIATION)
    void on(OrderPlaced event) {
        orderId = event.orderId().value();
        buyerId = event.buyerId().value();
        // the same value Axon took from OrderId.toString() for the start; said here so the lookup key is plain
        SagaLifecycle.associateWith(ASSOCIATION, orderId);
        OrderQuote quote = event.quote();
        List<LineRejection> rejections = holdStock(event.orderId(), quote);
        if (rejections.isEmpty() && quote.points() > 0) {
            spendPoints(event.orderId(), event.buyerId(), quote.points()).ifPresent(rejections::add);
        }
        if (rejections.isEmpty() && quote.couponId() != null) {
            redeemCoupon(event.buyerId(), quote).ifPresent(rejections::add);
        }
        if (!rejections.isEmpty()) {
            reject(quote, rejections);
            return;
        }
        requestPayment(quote);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION, keyName = ASSOCIATION)
    void on(PaymentApproved event) {
        for (Iterator<Map.Entry<String, String>> held = heldStock.entrySet().iterator(); held.hasNext(); ) {
            Map.Entry<String, String> line = held.next();
            send(new CommitStock(ProductId.of(line.getValue()), order().reservationId(line.getKey())))
                    .ifPresent(refusal -> log.error("Order {} is paid, but its line {} could not be taken from stock: "
                            + "{} {}", orderId, line.getKey(), refusal.code(), refusal.message()));
            held.remove();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION, keyName = ASSOCIATION)
    void on(PaymentDeclined event) {
        giveBack("order " + orderId + " declined");
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION, keyName = ASSOCIATION)
    void on(OrderExpired event) {
        giveBack("order " + orderId + " expired");
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION, keyName = ASSOCIATION)
    void on(OrderCancelled event) {
        giveBack("order " + orderId + " cancelled");
    }

    /**
     * Checkout gives back before the rejection ends it; this only finds something held when a retried start found
     * everything available after the order was already rejected, and the order answered the payment request with
     * nothing.
     */
    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION, keyName = ASSOCIATION)
    void on(OrderRejected event) {
        giveBack("order " + orderId + " rejected");
    }

    /** Every line is tried, so a rejection names all the lines that cannot be had, not only the first. */
    private List<LineRejection> holdStock(OrderId order, OrderQuote quote) {
        List<LineRejection> rejections = new ArrayList<>();
        for (QuotedLine line : quote.lines()) {
            Optional<RuleViolation> refusal = send(new ReserveStock(line.productId(), line.variantId(),
                    order.reservationId(line.lineId()), line.quantity(), line.unitPrice()));
            if (refusal.isPresent()) {
                rejections.add(new LineRejection(line.lineId(), refusal.get().code(), refusal.get().message()));
            } else {
                heldStock.put(line.lineId(), line.productId().value());
            }
        }
        return rejections;
    }

    /** A refusal concerns the order as a whole: its rejection names no line. */
    private Optional<LineRejection> spendPoints(OrderId order, MemberId buyer, long points) {
        RewardsId account;
        try {
            account = RewardsId.of(buyer);
        } catch (IllegalArgumentException tooLong) {
            return Optional.of(new LineRejection(null, ErrorCode.INSUFFICIENT_POINTS,
                    "This member has no points account"));
        }
        Optional<RuleViolation> refusal = send(new SpendPoints(account, buyer, order.pointsSpendId(), points, orderId));
        if (refusal.isEmpty()) {
            spentPoints = points;
        }
        return refusal.map(CheckoutProcess::orderRejection);
    }

    private Optional<LineRejection> redeemCoupon(MemberId buyer, OrderQuote quote) {
        List<CouponLine> lines = quote.lines().stream()
                .map(line -> new CouponLine(line.lineId(), line.productId().value(), line.sellerId().value(),
                        line.categoryId(), line.amount()))
                .toList();
        Optional<RuleViolation> refusal = send(new RedeemCoupon(quote.couponId(), buyer, orderId, lines,
                quote.couponDiscount()));
        if (refusal.isEmpty()) {
            redeemedCoupon = quote.couponId().value();
        }
        return refusal.map(CheckoutProcess::orderRejection);
    }

    /**
     * A refusal other than "the order moved on" (the buyer cancelled meanwhile) leaves the order waiting for a payment
     * that will never be asked for: it is rejected instead.
     */
    private void requestPayment(OrderQuote quote) {
        Optional<RuleViolation> refusal = send(new RequestPayment(order()));
        if (refusal.isEmpty()) {
            return;
        }
        if (refusal.get().code() == ErrorCode.INVALID_STATE) {
            log.info("Order {} moved on before its payment was requested ({}); giving back what it held", orderId,
                    refusal.get().message());
            giveBack("order " + orderId + " closed before payment");
            SagaLifecycle.end();
            return;
        }
        reject(quote, List.of(orderRejection(refusal.get())));
    }

    /**
     * The rejection goes first: until the order is rejected it may still be paid, so nothing it holds is given back
     * before. A retry after a crash in between finds the order rejected and gives back what it holds.
     */
    private void reject(OrderQuote quote, List<LineRejection> rejections) {
        send(new RejectOrder(order(), rejections, rejections.get(0).code(), RejectionReason.of(quote, rejections)))
                .ifPresent(refusal -> {
                    if (refusal.code() == ErrorCode.INVALID_STATE) {
                        log.info("Order {} moved on before it could be rejected ({})", orderId, refusal.message());
                    } else {
                        log.warn("Rejecting order {} was refused: {} {}", orderId, refusal.code(), refusal.message());
                    }
                });
        giveBack("order " + orderId + " rejected");
        SagaLifecycle.end();
    }

    /**
     * Stock and coupon first, points last: releasing and restoring again change nothing, but refunding a refunded
     * spending is refused, so a failure that makes the processor repeat this never refunds twice. A refusal means
     * there is nothing (more) to give back: it is logged, not repeated.
     */
    private void giveBack(String reason) {
        for (Iterator<Map.Entry<String, String>> held = heldStock.entrySet().iterator(); held.hasNext(); ) {
            Map.Entry<String, String> line = held.next();
            send(new ReleaseStock(ProductId.of(line.getValue()), order().reservationId(line.getKey())))
                    .ifPresent(refusal -> log.warn("Releasing the stock of order {} line {} was refused: {} {}",
                            orderId, line.getKey(), refusal.code(), refusal.message()));
            held.remove();
        }
        if (redeemedCoupon != null) {
            send(new RestoreCoupon(CouponId.of(redeemedCoupon), orderId, reason))
                    .ifPresent(refusal -> log.warn("Restoring coupon {} for order {} was refused: {} {}",
                            redeemedCoupon, orderId, refusal.code(), refusal.message()));
            redeemedCoupon = null;
        }
        if (spentPoints > 0) {
            MemberId buyer = MemberId.of(buyerId);
            send(new RefundPoints(RewardsId.of(buyer), buyer, order().pointsSpendId(), spentPoints, reason))
                    .ifPresent(refusal -> log.warn("Refunding the {} points of order {} was refused: {} {}",
                            spentPoints, orderId, refusal.code(), refusal.message()));
            spentPoints = 0;
        }
    }

    /**
     * The command's refusal, or empty when it was done. A failure another attempt may get past is thrown, after a few
     * immediate attempts when it is a conflict; a provider that did not answer is such a failure, though reported as
     * a rule.
     */
    private Optional<RuleViolation> send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                .andMetaData(SystemActor.metaData(ACTOR)),
                        COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return Optional.empty();
            } catch (RuntimeException failure) {
                Optional<RuleViolation> refusal = Refusals.permanent(failure);
                if (refusal.isPresent() && refusal.get().code() != ErrorCode.PROVIDER_UNAVAILABLE) {
                    return refusal;
                }
                if (attempt >= ATTEMPTS_ON_CONFLICT || !Conflicts.isConflict(failure)) {
                    throw failure;
                }
                log.debug("{} for order {} collided with a concurrent change; attempt {}", command.getClass()
                        .getSimpleName(), orderId, attempt + 1);
            }
        }
    }

    private static LineRejection orderRejection(RuleViolation refusal) {
        return new LineRejection(null, refusal.code(), refusal.message());
    }

    private OrderId order() {
        return OrderId.of(orderId);
    }
}
