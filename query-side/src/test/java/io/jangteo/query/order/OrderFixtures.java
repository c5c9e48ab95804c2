package io.jangteo.query.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.CancelledLine;
import io.jangteo.messages.order.ExchangeApproved;
import io.jangteo.messages.order.ExchangeRejected;
import io.jangteo.messages.order.ExchangeRequested;
import io.jangteo.messages.order.ExchangeShipped;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLinesCancelled;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.ReturnApproved;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.ReturnReceived;
import io.jangteo.messages.order.ReturnRejected;
import io.jangteo.messages.order.ReturnRequested;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.order.SellerPartPreparing;
import io.jangteo.messages.order.SellerPartShipped;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.order.VirtualAccount;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.FeeComponent;
import io.jangteo.messages.shipping.FeeKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.jangteo.messages.shared.Money.won;

/**
 * Order events for the tests of this package. The standard order: buyer {@link #BUYER} buys from two shops, L1 (2 ×
 * 10,000) and L2 (5,000) from {@link #S1}, L3 (30,000) from {@link #S2}, with coupon WELCOME-10 (2,750 off) and
 * 1,000 points, shipping 3,000 at S1 and free at S2: 55,000 − 2,750 + 3,000 − 1,000 = 54,250 to pay.
 */
final class OrderFixtures {

    static final String BUYER = "m-buyer";
    static final SellerId S1 = SellerId.of("s-1");
    static final SellerId S2 = SellerId.of("s-2");
    static final ShippingAddress ADDRESS = new ShippingAddress("김구매", "010-1234-5678", "KR", "06236",
            "서울 강남구 테헤란로 123", "101동 1001호", "문 앞에 놓아 주세요");
    static final Instant T = Instant.parse("2025-03-01T09:00:00Z");

    static final QuotedLine L1 = line("L1", S1, "p-1", "red-m", "티셔츠", 10_000, 2, 1_000, 500);
    static final QuotedLine L2 = line("L2", S1, "p-2", "default", "양말", 5_000, 1, 250, 125);
    static final QuotedLine L3 = line("L3", S2, "p-3", "default", "운동화", 30_000, 1, 1_500, 375);
    static final QuotedSellerPart PART_1 = new QuotedSellerPart(S1, "김치마을", 3, won(25_000), won(3_000),
            List.of(new FeeComponent(FeeKind.BASE, won(3_000), "기본 배송비")), 1, won(3_000), won(6_000));
    static final QuotedSellerPart PART_2 = new QuotedSellerPart(S2, "장터상회", 1, won(30_000), won(0),
            List.of(new FeeComponent(FeeKind.BASE, won(3_000), "기본 배송비"),
                    new FeeComponent(FeeKind.FREE_SHIPPING, won(-3_000), "무료배송")), 1, won(2_500), won(5_000));
    static final OrderQuote QUOTE = new OrderQuote(List.of(L1, L2, L3), List.of(PART_1, PART_2), won(55_000),
            CouponId.of("WELCOME-10"), won(2_750), 1_000, won(3_000), won(54_250), "SILVER");

    private OrderFixtures() {
    }

    static MemberId member(String memberId) {
        return MemberId.of(memberId);
    }

    static OrderId id(String orderId) {
        return OrderId.of(orderId);
    }

    static QuotedLine line(String lineId, SellerId seller, String productId, String variantId, String name,
                           long unitPrice, long quantity, long couponDiscount, long points) {
        long amount = unitPrice * quantity;
        return new QuotedLine(lineId, ProductId.of(productId), VariantId.of(variantId), seller, name,
                productId + "-" + variantId, List.of(variantId), "c-1", 300, won(unitPrice), quantity, won(amount),
                won(couponDiscount), points, won(amount - couponDiscount - points));
    }

    /** An order of one line from one shop, without coupon or points, for lists. */
    static OrderQuote singleQuote(SellerId seller, long amount) {
        QuotedLine line = line("L1", seller, "p-" + seller.value(), "default", "상품", amount, 1, 0, 0);
        QuotedSellerPart part = new QuotedSellerPart(seller, "Shop " + seller.value(), 1, won(amount), won(0),
                List.of(), 1, won(3_000), won(6_000));
        return new OrderQuote(List.of(line), List.of(part), won(amount), null, won(0), 0, won(0), won(amount),
                "BASIC");
    }

    static OrderPlaced placed(String orderId) {
        return placed(orderId, BUYER, QUOTE, T);
    }

    static OrderPlaced placed(String orderId, String buyer, OrderQuote quote, Instant placedAt) {
        return new OrderPlaced(id(orderId), member(buyer), "key-" + orderId, "fp-" + orderId, quote, ADDRESS,
                new PaymentChoice(PaymentMethod.KAKAO_PAY, null, "https://shop.example/return"), "cart-" + buyer,
                placedAt);
    }

    static OrderPlaced erasedPlaced(String orderId) {
        OrderPlaced placed = placed(orderId);
        return new OrderPlaced(placed.orderId(), placed.buyerId(), placed.idempotencyKey(),
                placed.requestFingerprint(), placed.quote(), null, placed.payment(), placed.cartId(),
                placed.placedAt());
    }

    static OrderRejected rejected(String orderId) {
        return new OrderRejected(id(orderId), member(BUYER),
                List.of(new LineRejection("L3", ErrorCode.OUT_OF_STOCK, "재고 부족: 운동화")), ErrorCode.OUT_OF_STOCK,
                "재고가 부족한 상품이 있습니다", T.plusSeconds(5));
    }

    static PaymentRequested requested(String orderId) {
        return new PaymentRequested(id(orderId), member(BUYER), "pay-" + orderId, PaymentMethod.KAKAO_PAY,
                won(54_250), "https://sandbox.pay/ready/" + orderId, null, T.plus(Duration.ofMinutes(30)),
                T.plusSeconds(10));
    }

    static final VirtualAccount ACCOUNT = new VirtualAccount("국민은행", "123-456-7890", "장터", T.plus(
            Duration.ofDays(1)));

    static PaymentRequested depositRequested(String orderId) {
        return new PaymentRequested(id(orderId), member(BUYER), "pay-" + orderId, PaymentMethod.BANK_TRANSFER,
                won(54_250), null, ACCOUNT, ACCOUNT.dueAt(), T.plusSeconds(10));
    }

    static PaymentApproved approved(String orderId) {
        return new PaymentApproved(id(orderId), member(BUYER), "pay-" + orderId, PaymentMethod.KAKAO_PAY,
                won(54_250), "tx-" + orderId, T.plusSeconds(60));
    }

    static PaymentDeclined declined(String orderId) {
        return new PaymentDeclined(id(orderId), member(BUYER), "pay-" + orderId, PaymentMethod.KAKAO_PAY,
                "CARD_DECLINED", "한도 초과", T.plusSeconds(60));
    }

    static OrderExpired expired(String orderId) {
        return new OrderExpired(id(orderId), member(BUYER), "입금 기한 경과", ACCOUNT.dueAt());
    }

    static OrderCancelled cancelled(String orderId) {
        return new OrderCancelled(id(orderId), member(BUYER), "단순 변심", T.plusSeconds(30));
    }

    static OrderLinesCancelled linesCancelled(String orderId, boolean wholeOrder, QuotedLine... lines) {
        List<CancelledLine> cancelled = java.util.Arrays.stream(lines)
                .map(line -> new CancelledLine(line.lineId(), line.productId(), line.variantId(), line.quantity()))
                .toList();
        return new OrderLinesCancelled(id(orderId), member(BUYER), cancelled, "품절 취소", wholeOrder,
                wholeOrder ? CouponId.of("WELCOME-10") : null, T.plusSeconds(120));
    }

    static RefundCompleted refund(String orderId, String refundId, SellerId seller, List<String> lineIds,
                                  long items, long shipping, long fee, long points) {
        return new RefundCompleted(id(orderId), member(BUYER), refundId, seller, lineIds, won(items), won(shipping),
                won(fee), won(items + shipping - fee), points, "pay-" + orderId, "prov-" + refundId, "환불",
                T.plusSeconds(600));
    }

    static SellerPartPreparing preparing(String orderId, SellerId seller) {
        return new SellerPartPreparing(id(orderId), member(BUYER), seller, T.plus(Duration.ofHours(1)));
    }

    static SellerPartShipped shipped(String orderId, SellerId seller) {
        return new SellerPartShipped(id(orderId), member(BUYER), seller, "CJ대한통운", "TRK-" + seller.value(),
                T.plus(Duration.ofHours(5)));
    }

    static SellerPartDelivered delivered(String orderId, SellerId seller) {
        return new SellerPartDelivered(id(orderId), member(BUYER), seller, T.plus(Duration.ofDays(2)),
                T.plus(Duration.ofDays(9)));
    }

    static PurchaseConfirmed confirmed(String orderId, SellerId seller, long amount, boolean automatic) {
        return new PurchaseConfirmed(id(orderId), member(BUYER), seller, won(amount), automatic,
                T.plus(Duration.ofDays(3)));
    }

    static ReturnRequested returnRequested(String orderId, String returnId, SellerId seller, ReturnReason reason,
                                           String... lineIds) {
        return new ReturnRequested(id(orderId), member(BUYER), seller, returnId, List.of(lineIds), reason,
                "사이즈가 맞지 않아요", reason.buyerAtFault(), T.plus(Duration.ofDays(2)).plusSeconds(60));
    }

    static ReturnApproved returnApproved(String orderId, String returnId, SellerId seller) {
        return new ReturnApproved(id(orderId), member(BUYER), seller, returnId, T.plus(Duration.ofDays(2)));
    }

    static ReturnRejected returnRejected(String orderId, String returnId, SellerId seller) {
        return new ReturnRejected(id(orderId), member(BUYER), seller, returnId, "사용 흔적", T.plus(
                Duration.ofDays(2)));
    }

    static ReturnReceived returnReceived(String orderId, String returnId, SellerId seller) {
        return new ReturnReceived(id(orderId), member(BUYER), seller, returnId, T.plus(Duration.ofDays(3)));
    }

    static ExchangeRequested exchangeRequested(String orderId, String exchangeId, SellerId seller, long fee,
                                               String... lineIds) {
        return new ExchangeRequested(id(orderId), member(BUYER), seller, exchangeId, List.of(lineIds),
                ReturnReason.ORDERED_WRONG_OPTION, "다른 색상으로", true, won(fee), T.plus(Duration.ofDays(2)));
    }

    static ExchangeApproved exchangeApproved(String orderId, String exchangeId, SellerId seller) {
        return new ExchangeApproved(id(orderId), member(BUYER), seller, exchangeId, T.plus(Duration.ofDays(2)));
    }

    static ExchangeRejected exchangeRejected(String orderId, String exchangeId, SellerId seller) {
        return new ExchangeRejected(id(orderId), member(BUYER), seller, exchangeId, "재고 없음",
                T.plus(Duration.ofDays(2)));
    }

    static ExchangeShipped exchangeShipped(String orderId, String exchangeId, SellerId seller) {
        return new ExchangeShipped(id(orderId), member(BUYER), seller, exchangeId, "한진택배", "TRK-X",
                T.plus(Duration.ofDays(3)));
    }

    static Money zero() {
        return won(0);
    }
}
