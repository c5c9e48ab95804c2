package io.jangteo.query.order;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.order.CancelledLine;
import io.jangteo.messages.order.ClaimStatus;
import io.jangteo.messages.order.ExchangeApproved;
import io.jangteo.messages.order.ExchangeRejected;
import io.jangteo.messages.order.ExchangeRequested;
import io.jangteo.messages.order.ExchangeShipped;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.LineStatus;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLinesCancelled;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.PaymentStatus;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.ReturnApproved;
import io.jangteo.messages.order.ReturnReceived;
import io.jangteo.messages.order.ReturnRejected;
import io.jangteo.messages.order.ReturnRequested;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.order.SellerPartPreparing;
import io.jangteo.messages.order.SellerPartShipped;
import io.jangteo.messages.order.SellerPartStatus;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErasesPersonalData;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static io.jangteo.query.order.OrderSummaryDocument.CARRIER;
import static io.jangteo.query.order.OrderSummaryDocument.CLAIMS;
import static io.jangteo.query.order.OrderSummaryDocument.CLAIM_ID;
import static io.jangteo.query.order.OrderSummaryDocument.LINES;
import static io.jangteo.query.order.OrderSummaryDocument.LINE_ID;
import static io.jangteo.query.order.OrderSummaryDocument.LINE_IDS;
import static io.jangteo.query.order.OrderSummaryDocument.PAID;
import static io.jangteo.query.order.OrderSummaryDocument.PAYMENT;
import static io.jangteo.query.order.OrderSummaryDocument.PAYMENT_STATUS;
import static io.jangteo.query.order.OrderSummaryDocument.REFUNDS;
import static io.jangteo.query.order.OrderSummaryDocument.SELLERS;
import static io.jangteo.query.order.OrderSummaryDocument.SELLER_ID;
import static io.jangteo.query.order.OrderSummaryDocument.STATUS;
import static io.jangteo.query.order.OrderSummaryDocument.STATUS_REASON;
import static io.jangteo.query.order.OrderSummaryDocument.TRACKING_NUMBER;
import static io.jangteo.query.order.OrderSummaryDocument.UPDATED_AT;
import static io.jangteo.query.order.OrderSummaryDocument.millis;

/**
 * The order read model ({@code orders}), one document per order, version-guarded (see {@link VersionedDocuments}) so a
 * replay or a redelivery gives the same documents. Every order event moves the version, because the API waits for
 * exactly the version its command produced; each subscriber of {@link FindOrderQuery} for the order then receives the
 * new view as its viewer may see it (see {@link OrderVisibility}).
 * <p>
 * Once paid, an order's status follows its parts and lines: {@code CANCELLED} when every line is cancelled,
 * {@code COMPLETED} when every part is confirmed or cancelled and at least one confirmed, else {@code PAID}. An order
 * that ends before payment (rejected, declined, expired, cancelled) takes its parts with it to {@code CANCELLED}, so
 * no seller waits for a payment that will not come; only a cancellation also cancels the lines.
 * <p>
 * The shipping address arrives decrypted, or null once the buyer is erased; an erasure also blanks the addresses
 * already stored, so the read model never outlives the key.
 */
@Component
@ProcessingGroup(OrderSummaryProjection.PROCESSING_GROUP)
class OrderSummaryProjection {

    static final String PROCESSING_GROUP = "order-summary";

    private final VersionedDocuments orders;
    private final QueryUpdateEmitter updateEmitter;

    OrderSummaryProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter) {
        this.orders = new VersionedDocuments(OrderSummaryDocument.collection(database), new ChangeCounters(database),
                PROCESSING_GROUP);
        OrderSummaryDocument.createIndexes(orders.collection());
        this.updateEmitter = updateEmitter;
    }

    // ---- checkout

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        emit(orders.create(event.orderId().value(), version,
                sequence -> OrderSummaryDocument.placed(event, occurredAt)));
    }

    @EventHandler
    void on(OrderRejected event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        List<LineRejection> rejections = event.rejections() == null ? List.of() : event.rejections();
        change(event.orderId(), version, occurredAt, order -> {
            order.append(OrderSummaryDocument.REJECTIONS,
                    rejections.stream().map(OrderSummaryDocument::rejection).toList());
            endUnpaid(order, OrderStatus.REJECTED, null, event.reason());
        });
    }

    @EventHandler
    void on(PaymentRequested event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        boolean deposit = event.virtualAccount() != null;
        change(event.orderId(), version, occurredAt, order -> {
            order.append(STATUS, (deposit ? OrderStatus.AWAITING_DEPOSIT : OrderStatus.AWAITING_PAYMENT).name());
            payment(order)
                    .append("method", event.method() == null ? null : event.method().name())
                    .append(PAYMENT_STATUS, (deposit ? PaymentStatus.AWAITING_DEPOSIT : PaymentStatus.READY).name())
                    .append("paymentKey", event.paymentKey())
                    .append("amount", BsonValues.money(event.amount()))
                    .append("redirectUrl", event.redirectUrl())
                    .append("virtualAccount", OrderSummaryDocument.virtualAccount(event.virtualAccount()))
                    .append("expiresAt", millis(event.expiresAt()));
        });
    }

    @EventHandler
    void on(PaymentApproved event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.orderId(), version, occurredAt, order -> {
            order.append(PAID, true).append(STATUS_REASON, null);
            Document payment = payment(order)
                    .append(PAYMENT_STATUS, PaymentStatus.APPROVED.name())
                    .append("paymentKey", event.paymentKey())
                    .append("approvedAt", millis(event.approvedAt()));
            if (event.method() != null) {
                payment.append("method", event.method().name());
            }
            if (event.amount() != null) {
                payment.append("amount", BsonValues.money(event.amount()));
            }
            for (Document part : list(order, SELLERS)) {
                if (SellerPartStatus.AWAITING_PAYMENT.name().equals(part.getString(STATUS))) {
                    part.append(STATUS, SellerPartStatus.PAID.name());
                }
            }
            settle(order);
        });
    }

    @EventHandler
    void on(PaymentDeclined event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.orderId(), version, occurredAt, order -> {
            payment(order)
                    .append("declineCode", event.providerCode())
                    .append("declineMessage", event.message());
            endUnpaid(order, OrderStatus.PAYMENT_DECLINED, PaymentStatus.DECLINED, event.message());
        });
    }

    @EventHandler
    void on(OrderExpired event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.orderId(), version, occurredAt,
                order -> endUnpaid(order, OrderStatus.EXPIRED, PaymentStatus.EXPIRED, event.reason()));
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.orderId(), version, occurredAt, order -> {
            for (Document line : list(order, LINES)) {
                line.append(STATUS, LineStatus.CANCELLED.name());
            }
            endUnpaid(order, OrderStatus.CANCELLED, PaymentStatus.CANCELLED, event.reason());
        });
    }

    // ---- after payment: cancellations and refunds

    @EventHandler
    void on(OrderLinesCancelled event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        Set<String> lineIds = new HashSet<>();
        for (CancelledLine line : event.lines()) {
            lineIds.add(line.lineId());
        }
        change(event.orderId(), version, occurredAt, order -> {
            setLines(order, lineIds, LineStatus.CANCELLED);
            settle(order);
            if (OrderStatus.CANCELLED.name().equals(order.getString(STATUS))) {
                order.append(STATUS_REASON, event.reason());
            }
        });
    }

    @EventHandler
    void on(RefundCompleted event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.orderId(), version, occurredAt, order -> {
            List<Document> refunds = list(order, REFUNDS);
            boolean known = refunds.stream().anyMatch(refund -> refund.getString("refundId") != null
                    && refund.getString("refundId").equals(event.refundId()));
            if (!known) {
                refunds.add(OrderSummaryDocument.refund(event));
            }
            order.append(OrderSummaryDocument.REFUNDED_TOTAL, BsonValues.money(refundedTotal(order, refunds)));
        });
    }

    // ---- fulfilment, per seller

    @EventHandler
    void on(SellerPartPreparing event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        part(event.orderId(), event.sellerId(), version, occurredAt, part -> part
                .append(STATUS, SellerPartStatus.PREPARING.name())
                .append(OrderSummaryDocument.PREPARING_AT, millis(event.preparingAt())));
    }

    @EventHandler
    void on(SellerPartShipped event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        part(event.orderId(), event.sellerId(), version, occurredAt, part -> part
                .append(STATUS, SellerPartStatus.SHIPPED.name())
                .append(CARRIER, event.carrier())
                .append(TRACKING_NUMBER, event.trackingNumber())
                .append(OrderSummaryDocument.SHIPPED_AT, millis(event.shippedAt())));
    }

    @EventHandler
    void on(SellerPartDelivered event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        part(event.orderId(), event.sellerId(), version, occurredAt, part -> part
                .append(STATUS, SellerPartStatus.DELIVERED.name())
                .append(OrderSummaryDocument.DELIVERED_AT, millis(event.deliveredAt()))
                .append(OrderSummaryDocument.AUTO_CONFIRM_AT, millis(event.autoConfirmAt())));
    }

    @EventHandler
    void on(PurchaseConfirmed event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        part(event.orderId(), event.sellerId(), version, occurredAt, part -> part
                .append(STATUS, SellerPartStatus.PURCHASE_CONFIRMED.name())
                .append(OrderSummaryDocument.CONFIRMED_AT, millis(event.confirmedAt())));
    }

    // ---- returns and exchanges

    @EventHandler
    void on(ReturnRequested event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.orderId(), version, occurredAt, order -> {
            // the fee the refund will deduct: the part's snapshotted return fee, only when the buyer is at fault
            Document part = findPart(order, event.sellerId());
            Money returnFee = part == null ? null : BsonValues.money(part, OrderSummaryDocument.RETURN_FEE);
            Money currency = BsonValues.money(order, OrderSummaryDocument.AMOUNT_TO_PAY);
            Money fee = event.buyerAtFault() && returnFee != null ? returnFee
                    : new Money(0, returnFee != null ? returnFee.currency() : currency.currency());
            addClaim(order, OrderSummaryDocument.claim(event.returnId(), OrderSummaryDocument.RETURN,
                    event.sellerId(), event.lineIds(), event.reason(), event.detail(), event.buyerAtFault(), fee,
                    event.requestedAt() == null ? occurredAt : event.requestedAt()));
            setLines(order, event.lineIds(), LineStatus.RETURN_REQUESTED);
        });
    }

    @EventHandler
    void on(ReturnApproved event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        claim(event.orderId(), event.returnId(), version, occurredAt, ClaimStatus.APPROVED, null,
                LineStatus.RETURN_APPROVED, claim -> { });
    }

    @EventHandler
    void on(ReturnRejected event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        claim(event.orderId(), event.returnId(), version, occurredAt, ClaimStatus.REJECTED, event.reason(),
                LineStatus.ORDERED, claim -> { });
    }

    @EventHandler
    void on(ReturnReceived event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        claim(event.orderId(), event.returnId(), version, occurredAt, ClaimStatus.COMPLETED, null,
                LineStatus.RETURNED, claim -> { });
    }

    @EventHandler
    void on(ExchangeRequested event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.orderId(), version, occurredAt, order -> {
            addClaim(order, OrderSummaryDocument.claim(event.exchangeId(), OrderSummaryDocument.EXCHANGE,
                    event.sellerId(), event.lineIds(), event.reason(), event.detail(), event.buyerAtFault(),
                    event.exchangeFee(), event.requestedAt() == null ? occurredAt : event.requestedAt()));
            setLines(order, event.lineIds(), LineStatus.EXCHANGE_REQUESTED);
        });
    }

    @EventHandler
    void on(ExchangeApproved event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        claim(event.orderId(), event.exchangeId(), version, occurredAt, ClaimStatus.APPROVED, null,
                LineStatus.EXCHANGE_APPROVED, claim -> { });
    }

    @EventHandler
    void on(ExchangeRejected event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        claim(event.orderId(), event.exchangeId(), version, occurredAt, ClaimStatus.REJECTED, event.reason(),
                LineStatus.ORDERED, claim -> { });
    }

    @EventHandler
    void on(ExchangeShipped event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        claim(event.orderId(), event.exchangeId(), version, occurredAt, ClaimStatus.COMPLETED, null,
                LineStatus.EXCHANGED, claim -> claim
                        .append(CARRIER, event.carrier())
                        .append(TRACKING_NUMBER, event.trackingNumber()));
    }

    // ---- personal data

    /**
     * The buyer's key is gone: blank the addresses already stored. Not an order event, so no order's version moves;
     * the same update again changes nothing, and a replay brings the addresses back as null anyway.
     */
    @EventHandler
    void on(ErasesPersonalData event) {
        orders.writeThrough().updateMany(Filters.eq(OrderSummaryDocument.BUYER_ID, event.dataSubject()),
                Updates.set(OrderSummaryDocument.SHIPPING_ADDRESS, null));
    }

    @ResetHandler
    void reset() {
        orders.reset();
    }

    // ----

    /**
     * An order that ends before it is paid: its parts will never be fulfilled. The payment, if one was asked for,
     * ends as {@code paymentStatus}; one never asked for stays not requested.
     */
    private static void endUnpaid(Document order, OrderStatus status, PaymentStatus paymentStatus, String reason) {
        order.append(STATUS, status.name()).append(STATUS_REASON, reason);
        Document payment = payment(order);
        if (paymentStatus != null
                && !PaymentStatus.NOT_REQUESTED.name().equals(payment.getString(PAYMENT_STATUS))
                && !PaymentStatus.APPROVED.name().equals(payment.getString(PAYMENT_STATUS))) {
            payment.append(PAYMENT_STATUS, paymentStatus.name());
        }
        for (Document part : list(order, SELLERS)) {
            part.append(STATUS, SellerPartStatus.CANCELLED.name());
        }
    }

    /** Statuses that follow from the lines and parts: see the class comment. */
    private static void settle(Document order) {
        List<Document> lines = list(order, LINES);
        List<Document> parts = list(order, SELLERS);
        for (Document part : parts) {
            String sellerId = part.getString(SELLER_ID);
            List<Document> own = lines.stream().filter(line -> sellerId.equals(line.getString(SELLER_ID))).toList();
            if (!own.isEmpty() && own.stream().allMatch(OrderSummaryProjection::isCancelled)) {
                part.append(STATUS, SellerPartStatus.CANCELLED.name());
            }
        }
        if (!Boolean.TRUE.equals(order.getBoolean(PAID))) {
            return;
        }
        OrderStatus status;
        if (!lines.isEmpty() && lines.stream().allMatch(OrderSummaryProjection::isCancelled)) {
            status = OrderStatus.CANCELLED;
        } else if (parts.stream().allMatch(part -> hasStatus(part, SellerPartStatus.PURCHASE_CONFIRMED)
                || hasStatus(part, SellerPartStatus.CANCELLED))
                && parts.stream().anyMatch(part -> hasStatus(part, SellerPartStatus.PURCHASE_CONFIRMED))) {
            status = OrderStatus.COMPLETED;
        } else {
            status = OrderStatus.PAID;
        }
        order.append(STATUS, status.name());
    }

    private static boolean isCancelled(Document line) {
        return LineStatus.CANCELLED.name().equals(line.getString(STATUS));
    }

    private static boolean hasStatus(Document part, SellerPartStatus status) {
        return status.name().equals(part.getString(STATUS));
    }

    private static Money refundedTotal(Document order, List<Document> refunds) {
        Money total = new Money(0, BsonValues.money(order, OrderSummaryDocument.AMOUNT_TO_PAY).currency());
        for (Document refund : refunds) {
            Money amount = BsonValues.money(refund, "amount");
            if (amount != null) {
                total = total.plus(amount);
            }
        }
        return total;
    }

    private static void setLines(Document order, Collection<String> lineIds, LineStatus status) {
        if (lineIds == null) {
            return;
        }
        for (Document line : list(order, LINES)) {
            if (lineIds.contains(line.getString(LINE_ID))) {
                line.append(STATUS, status.name());
            }
        }
    }

    private static void addClaim(Document order, Document claim) {
        List<Document> claims = list(order, CLAIMS);
        claims.removeIf(existing -> existing.getString(CLAIM_ID).equals(claim.getString(CLAIM_ID)));
        claims.add(claim);
    }

    private static Document findPart(Document order, SellerId sellerId) {
        if (sellerId == null) {
            return null;
        }
        for (Document part : list(order, SELLERS)) {
            if (sellerId.value().equals(part.getString(SELLER_ID))) {
                return part;
            }
        }
        return null;
    }

    private static Document payment(Document order) {
        Document payment = order.get(PAYMENT, Document.class);
        if (payment == null) {
            payment = new Document();
            order.append(PAYMENT, payment);
        }
        return payment;
    }

    /**
     * The list under {@code field}, made mutable and put back in place, so changes to it and to its documents land
     * in the order (the documents are the driver's fresh copies, owned by this change).
     */
    private static List<Document> list(Document order, String field) {
        List<Document> list = new ArrayList<>(BsonValues.documents(order, field, document -> document));
        order.put(field, list);
        return list;
    }

    private void part(OrderId orderId, SellerId sellerId, long version, Instant occurredAt,
                      Consumer<Document> change) {
        change(orderId, version, occurredAt, order -> {
            Document part = findPart(order, sellerId);
            if (part != null) {
                change.accept(part);
            }
            settle(order);
        });
    }

    /** A step of a return or exchange: the claim's status, and its lines' status ({@code ORDERED} after a refusal). */
    private void claim(OrderId orderId, String claimId, long version, Instant occurredAt, ClaimStatus status,
                       String rejectReason, LineStatus lineStatus, Consumer<Document> more) {
        change(orderId, version, occurredAt, order -> {
            for (Document claim : list(order, CLAIMS)) {
                if (claim.getString(CLAIM_ID).equals(claimId)) {
                    claim.append(STATUS, status.name())
                            .append(UPDATED_AT, BsonValues.millis(occurredAt));
                    if (rejectReason != null) {
                        claim.append(OrderSummaryDocument.REJECT_REASON, rejectReason);
                    }
                    more.accept(claim);
                    setLines(order, BsonValues.strings(claim, LINE_IDS), lineStatus);
                }
            }
        });
    }

    private void change(OrderId orderId, long version, Instant occurredAt, Consumer<Document> change) {
        emit(orders.change(orderId.value(), version, order -> {
            change.accept(order);
            return order.append(UPDATED_AT, BsonValues.millis(occurredAt));
        }));
    }

    /**
     * Each distinct viewer among the order's subscribers gets the view it may see (a seller its own cut, an analyst
     * no address), so one emission never shows a subscriber more than its query would; subscribers who may not see
     * the order get nothing.
     */
    private void emit(Document written) {
        if (written == null) {
            return;
        }
        String id = written.getString("_id");
        Set<Viewer> viewers = new LinkedHashSet<>();
        updateEmitter.activeSubscriptions().forEach(subscription -> {
            if (subscription.getPayload() instanceof FindOrderQuery query && query.orderId().value().equals(id)) {
                viewers.add(query.viewer());
            }
        });
        if (viewers.isEmpty()) {
            return;
        }
        OrderView order = OrderSummaryDocument.toView(written);
        for (Viewer viewer : viewers) {
            Optional<OrderView> visible = OrderVisibility.as(viewer, order);
            visible.ifPresent(view -> updateEmitter.emit(FindOrderQuery.class,
                    query -> query.orderId().value().equals(id) && query.viewer().equals(viewer), view));
        }
    }
}
