package io.jangteo.query.order;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.ClaimStatus;
import io.jangteo.messages.order.ClaimView;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.LineStatus;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLineView;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.OrderStatus;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentStatus;
import io.jangteo.messages.order.PaymentView;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.RefundView;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.SellerPartStatus;
import io.jangteo.messages.order.SellerPartView;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.order.VirtualAccount;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.FeeComponent;
import io.jangteo.messages.shipping.FeeKind;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.jangteo.query.shared.BsonValues.enumValue;
import static io.jangteo.query.shared.BsonValues.instant;
import static io.jangteo.query.shared.BsonValues.money;

/**
 * The shape of an order document in the {@code orders} collection: the whole order as {@link OrderView} shows it to
 * those who see everything, plus {@code sellerIds} (the shops with a part, for a seller's list) and {@code paid}
 * (whether the order was ever paid, after which its status follows its parts and lines). Times are epoch
 * milliseconds, money minor units plus currency (see {@link BsonValues}).
 */
final class OrderSummaryDocument {

    static final String COLLECTION = "orders";

    static final String BUYER_ID = "buyerId";
    static final String SELLER_IDS = "sellerIds";
    static final String STATUS = "status";
    static final String PAID = "paid";
    static final String LINES = "lines";
    static final String SELLERS = "sellers";
    static final String ITEMS_TOTAL = "itemsTotal";
    static final String COUPON_ID = "couponId";
    static final String COUPON_DISCOUNT = "couponDiscount";
    static final String POINTS_USED = "pointsUsed";
    static final String SHIPPING_TOTAL = "shippingTotal";
    static final String AMOUNT_TO_PAY = "amountToPay";
    static final String REFUNDED_TOTAL = "refundedTotal";
    static final String PAYMENT = "payment";
    static final String SHIPPING_ADDRESS = "shippingAddress";
    static final String CLAIMS = "claims";
    static final String REFUNDS = "refunds";
    static final String REJECTIONS = "rejections";
    static final String STATUS_REASON = "statusReason";
    static final String GRADE = "grade";
    static final String PLACED_AT = "placedAt";
    static final String UPDATED_AT = "updatedAt";

    // a line
    static final String LINE_ID = "lineId";
    static final String SELLER_ID = "sellerId";
    // a seller part
    static final String CARRIER = "carrier";
    static final String TRACKING_NUMBER = "trackingNumber";
    static final String PREPARING_AT = "preparingAt";
    static final String SHIPPED_AT = "shippedAt";
    static final String DELIVERED_AT = "deliveredAt";
    static final String AUTO_CONFIRM_AT = "autoConfirmAt";
    static final String CONFIRMED_AT = "confirmedAt";
    static final String RETURN_FEE = "returnFee";
    // the payment
    static final String PAYMENT_STATUS = "status";
    // a claim
    static final String CLAIM_ID = "claimId";
    static final String LINE_IDS = "lineIds";
    static final String REJECT_REASON = "rejectReason";
    static final String RETURN = "RETURN";
    static final String EXCHANGE = "EXCHANGE";

    private OrderSummaryDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    /**
     * The indexes the order lists need on a real MongoDB, each ending in the list order (newest first, id breaking
     * ties). The embedded server accepts and ignores them, so there every list scans the collection.
     */
    static void createIndexes(MongoCollection<Document> orders) {
        orders.createIndex(Indexes.descending(PLACED_AT, "_id"), new IndexOptions().name("placed"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending(BUYER_ID), Indexes.descending(PLACED_AT, "_id")),
                new IndexOptions().name("buyer_placed"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending(SELLER_IDS), Indexes.descending(PLACED_AT, "_id")),
                new IndexOptions().name("seller_placed"));
        orders.createIndex(Indexes.compoundIndex(Indexes.ascending(STATUS), Indexes.descending(PLACED_AT, "_id")),
                new IndexOptions().name("status_placed"));
    }

    // ---- writing

    static Document placed(OrderPlaced event, Instant occurredAt) {
        OrderQuote quote = event.quote();
        List<Document> lines = new ArrayList<>();
        Set<String> sellerIds = new LinkedHashSet<>();
        for (QuotedLine line : quote.lines()) {
            lines.add(line(line));
        }
        List<Document> parts = new ArrayList<>();
        for (QuotedSellerPart part : quote.sellers()) {
            parts.add(part(part));
            sellerIds.add(part.sellerId().value());
        }
        for (QuotedLine line : quote.lines()) {
            sellerIds.add(line.sellerId().value());
        }
        Instant placedAt = event.placedAt() == null ? occurredAt : event.placedAt();
        Money zero = new Money(0, quote.amountToPay().currency());
        return new Document()
                .append(BUYER_ID, event.buyerId().value())
                .append(SELLER_IDS, List.copyOf(sellerIds))
                .append(STATUS, OrderStatus.PLACED.name())
                .append(PAID, false)
                .append(LINES, lines)
                .append(SELLERS, parts)
                .append(ITEMS_TOTAL, money(quote.itemsTotal()))
                .append(COUPON_ID, quote.couponId() == null ? null : quote.couponId().value())
                .append(COUPON_DISCOUNT, money(quote.couponDiscount()))
                .append(POINTS_USED, quote.points())
                .append(SHIPPING_TOTAL, money(quote.shippingTotal()))
                .append(AMOUNT_TO_PAY, money(quote.amountToPay()))
                .append(REFUNDED_TOTAL, money(zero))
                .append(PAYMENT, new Document("method", event.payment() == null ? null : event.payment().method().name())
                        .append(PAYMENT_STATUS, PaymentStatus.NOT_REQUESTED.name())
                        .append("paymentKey", null)
                        .append("amount", money(quote.amountToPay()))
                        .append("redirectUrl", null)
                        .append("virtualAccount", null)
                        .append("expiresAt", null)
                        .append("approvedAt", null)
                        .append("declineCode", null)
                        .append("declineMessage", null))
                .append(SHIPPING_ADDRESS, address(event.shippingAddress()))
                .append(CLAIMS, List.of())
                .append(REFUNDS, List.of())
                .append(REJECTIONS, List.of())
                .append(STATUS_REASON, null)
                .append(GRADE, quote.grade())
                .append(PLACED_AT, BsonValues.millis(placedAt))
                .append(UPDATED_AT, BsonValues.millis(occurredAt));
    }

    private static Document line(QuotedLine line) {
        return new Document(LINE_ID, line.lineId())
                .append("productId", line.productId().value())
                .append("variantId", line.variantId().value())
                .append(SELLER_ID, line.sellerId().value())
                .append("productName", line.productName())
                .append("sku", line.sku())
                .append("optionValues", line.optionValues())
                .append("unitPrice", money(line.unitPrice()))
                .append("quantity", line.quantity())
                .append("amount", money(line.amount()))
                .append("couponDiscount", money(line.couponDiscount()))
                .append("points", line.points())
                .append("payAmount", money(line.payAmount()))
                .append(STATUS, LineStatus.ORDERED.name());
    }

    private static Document part(QuotedSellerPart part) {
        List<Document> breakdown = new ArrayList<>();
        for (FeeComponent component : part.shippingBreakdown()) {
            breakdown.add(new Document("kind", component.kind() == null ? null : component.kind().name())
                    .append("amount", money(component.amount()))
                    .append("description", component.description()));
        }
        return new Document(SELLER_ID, part.sellerId().value())
                .append("sellerName", part.sellerName())
                .append(STATUS, SellerPartStatus.AWAITING_PAYMENT.name())
                .append("policyVersion", part.policyVersion())
                .append("itemsAmount", money(part.itemsAmount()))
                .append("shippingFee", money(part.shippingFee()))
                .append("shippingBreakdown", breakdown)
                .append(RETURN_FEE, money(part.returnFee()))
                .append("exchangeFee", money(part.exchangeFee()))
                .append(CARRIER, null)
                .append(TRACKING_NUMBER, null)
                .append(PREPARING_AT, null)
                .append(SHIPPED_AT, null)
                .append(DELIVERED_AT, null)
                .append(AUTO_CONFIRM_AT, null)
                .append(CONFIRMED_AT, null);
    }

    static Document address(ShippingAddress address) {
        return address == null ? null : new Document("recipient", address.recipient())
                .append("phone", address.phone())
                .append("country", address.country())
                .append("postcode", address.postcode())
                .append("address1", address.address1())
                .append("address2", address.address2())
                .append("memo", address.memo());
    }

    static Document virtualAccount(VirtualAccount account) {
        return account == null ? null : new Document("bank", account.bank())
                .append("accountNumber", account.accountNumber())
                .append("holder", account.holder())
                .append("dueAt", millis(account.dueAt()));
    }

    static Document claim(String claimId, String kind, SellerId sellerId, List<String> lineIds, ReturnReason reason,
                          String detail, boolean buyerAtFault, Money fee, Instant requestedAt) {
        return new Document(CLAIM_ID, claimId)
                .append("kind", kind)
                .append(SELLER_ID, sellerId == null ? null : sellerId.value())
                .append(LINE_IDS, lineIds == null ? List.of() : List.copyOf(lineIds))
                .append("reason", reason == null ? null : reason.name())
                .append("detail", detail)
                .append("buyerAtFault", buyerAtFault)
                .append(STATUS, ClaimStatus.REQUESTED.name())
                .append(REJECT_REASON, null)
                .append("fee", money(fee))
                .append(CARRIER, null)
                .append(TRACKING_NUMBER, null)
                .append("requestedAt", millis(requestedAt))
                .append(UPDATED_AT, millis(requestedAt));
    }

    static Document refund(RefundCompleted event) {
        return new Document("refundId", event.refundId())
                .append(SELLER_ID, event.sellerId() == null ? null : event.sellerId().value())
                .append(LINE_IDS, event.lineIds() == null ? List.of() : List.copyOf(event.lineIds()))
                .append("itemsRefund", money(event.itemsRefund()))
                .append("shippingRefund", money(event.shippingRefund()))
                .append("feeDeducted", money(event.feeDeducted()))
                .append("amount", money(event.amount()))
                .append("points", event.points())
                .append("reason", event.reason())
                .append("refundedAt", millis(event.refundedAt()));
    }

    static Document rejection(LineRejection rejection) {
        return new Document(LINE_ID, rejection.lineId())
                .append("code", rejection.code() == null ? null : rejection.code().name())
                .append("message", rejection.message());
    }

    static Long millis(Instant instant) {
        return instant == null ? null : BsonValues.millis(instant);
    }

    // ---- reading

    static OrderView toView(Document document) {
        return new OrderView(
                OrderId.of(document.getString("_id")),
                MemberId.of(document.getString(BUYER_ID)),
                enumValue(document, STATUS, OrderStatus.class),
                BsonValues.documents(document, LINES, OrderSummaryDocument::lineView),
                BsonValues.documents(document, SELLERS, OrderSummaryDocument::partView),
                money(document, ITEMS_TOTAL),
                document.getString(COUPON_ID) == null ? null : CouponId.of(document.getString(COUPON_ID)),
                money(document, COUPON_DISCOUNT),
                BsonValues.number(document, POINTS_USED),
                money(document, SHIPPING_TOTAL),
                money(document, AMOUNT_TO_PAY),
                money(document, REFUNDED_TOTAL),
                paymentView(document.get(PAYMENT, Document.class)),
                addressView(document.get(SHIPPING_ADDRESS, Document.class)),
                BsonValues.documents(document, CLAIMS, OrderSummaryDocument::claimView),
                BsonValues.documents(document, REFUNDS, OrderSummaryDocument::refundView),
                BsonValues.documents(document, REJECTIONS, OrderSummaryDocument::rejectionView),
                document.getString(STATUS_REASON),
                document.getString(GRADE),
                instant(document, PLACED_AT),
                instant(document, UPDATED_AT),
                BsonValues.number(document, VersionedDocuments.VERSION));
    }

    private static OrderLineView lineView(Document line) {
        return new OrderLineView(line.getString(LINE_ID), ProductId.of(line.getString("productId")),
                VariantId.of(line.getString("variantId")), SellerId.of(line.getString(SELLER_ID)),
                line.getString("productName"), line.getString("sku"), BsonValues.strings(line, "optionValues"),
                money(line, "unitPrice"), BsonValues.number(line, "quantity"), money(line, "amount"),
                money(line, "couponDiscount"), BsonValues.number(line, "points"), money(line, "payAmount"),
                enumValue(line, STATUS, LineStatus.class));
    }

    private static SellerPartView partView(Document part) {
        return new SellerPartView(SellerId.of(part.getString(SELLER_ID)), part.getString("sellerName"),
                enumValue(part, STATUS, SellerPartStatus.class), (int) BsonValues.number(part, "policyVersion"),
                money(part, "itemsAmount"), money(part, "shippingFee"),
                BsonValues.documents(part, "shippingBreakdown", component -> new FeeComponent(
                        enumValue(component, "kind", FeeKind.class), money(component, "amount"),
                        component.getString("description"))),
                money(part, RETURN_FEE), money(part, "exchangeFee"), part.getString(CARRIER),
                part.getString(TRACKING_NUMBER), instant(part, PREPARING_AT), instant(part, SHIPPED_AT),
                instant(part, DELIVERED_AT), instant(part, AUTO_CONFIRM_AT), instant(part, CONFIRMED_AT));
    }

    private static PaymentView paymentView(Document payment) {
        if (payment == null) {
            return null;
        }
        Document account = payment.get("virtualAccount", Document.class);
        return new PaymentView(enumValue(payment, "method", PaymentMethod.class),
                enumValue(payment, PAYMENT_STATUS, PaymentStatus.class), payment.getString("paymentKey"),
                money(payment, "amount"), payment.getString("redirectUrl"),
                account == null ? null : new VirtualAccount(account.getString("bank"),
                        account.getString("accountNumber"), account.getString("holder"), instant(account, "dueAt")),
                instant(payment, "expiresAt"), instant(payment, "approvedAt"), payment.getString("declineCode"),
                payment.getString("declineMessage"));
    }

    private static ShippingAddress addressView(Document address) {
        return address == null ? null : new ShippingAddress(address.getString("recipient"),
                address.getString("phone"), address.getString("country"), address.getString("postcode"),
                address.getString("address1"), address.getString("address2"), address.getString("memo"));
    }

    private static ClaimView claimView(Document claim) {
        return new ClaimView(claim.getString(CLAIM_ID), claim.getString("kind"),
                claim.getString(SELLER_ID) == null ? null : SellerId.of(claim.getString(SELLER_ID)),
                BsonValues.strings(claim, LINE_IDS), enumValue(claim, "reason", ReturnReason.class),
                claim.getString("detail"), Boolean.TRUE.equals(claim.getBoolean("buyerAtFault")),
                enumValue(claim, STATUS, ClaimStatus.class), claim.getString(REJECT_REASON), money(claim, "fee"),
                claim.getString(CARRIER), claim.getString(TRACKING_NUMBER), instant(claim, "requestedAt"),
                instant(claim, UPDATED_AT));
    }

    private static RefundView refundView(Document refund) {
        return new RefundView(refund.getString("refundId"),
                refund.getString(SELLER_ID) == null ? null : SellerId.of(refund.getString(SELLER_ID)),
                BsonValues.strings(refund, LINE_IDS), money(refund, "itemsRefund"), money(refund, "shippingRefund"),
                money(refund, "feeDeducted"), money(refund, "amount"), BsonValues.number(refund, "points"),
                refund.getString("reason"), instant(refund, "refundedAt"));
    }

    private static LineRejection rejectionView(Document rejection) {
        return new LineRejection(rejection.getString(LINE_ID), enumValue(rejection, "code", ErrorCode.class),
                rejection.getString("message"));
    }
}
