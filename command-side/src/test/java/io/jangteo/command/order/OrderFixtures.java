package io.jangteo.command.order;

import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.PlaceOrder;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.order.SellerPartPreparing;
import io.jangteo.messages.order.SellerPartShipped;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builders shared by the order tests: one consistent order of two sellers and three lines, with a coupon and points.
 * <pre>
 * line  seller  unit × qty       amount  coupon  points  payAmount
 * L1    A       30,000 × 2       60,000   6,000   3,000     51,000
 * L2    A       15,000 × 1       15,000   1,500   1,000     12,500
 * L3    B       20,000 × 1       20,000   2,000   1,000     17,000
 * items 95,000 − coupon 9,500 + shipping 3,000 (A free, B 3,000) − points 5,000 = 83,500 to pay
 * A: return fee 6,000, exchange fee 6,000;  B: return fee 5,000, exchange fee 10,000
 * </pre>
 */
final class OrderFixtures {

    static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    static final Instant APPROVED_AT = T0.plusSeconds(90);
    static final MemberId BUYER = MemberId.of("member-1");
    static final MemberId OTHER_MEMBER = MemberId.of("member-2");
    static final String KEY = "checkout-7f3a";
    static final OrderId ORDER = OrderId.forIdempotencyKey(BUYER, KEY);
    static final String PAYMENT_KEY = "pay-" + ORDER.value();
    static final String FINGERPRINT = "sha256:3b1f0c";
    static final SellerId SELLER_A = SellerId.of("seller-a");
    static final SellerId SELLER_B = SellerId.of("seller-b");
    static final SellerId OTHER_SELLER = SellerId.of("seller-z");
    static final CouponId COUPON = CouponId.of("WELCOME10");
    static final PaymentMethodId CARD_ON_FILE = PaymentMethodId.of("pm-1");
    static final String RETURN_URL = "https://shop.example/orders/return";
    static final String REDIRECT_URL = "https://pay.example/" + PAYMENT_KEY;
    static final String REASON = "Changed my mind";
    static final OrderSettings SETTINGS = OrderSettings.DEFAULTS;

    private OrderFixtures() {
    }

    static FixtureConfiguration<Order> fixture(ScriptedPaymentGateway gateway, FakeStoredPaymentMethods storedMethods) {
        FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(gateway);
        fixture.registerInjectableResource(SETTINGS);
        fixture.registerInjectableResource(storedMethods);
        return fixture;
    }

    static Money won(long amount) {
        return Money.won(amount);
    }

    // ---- the quote

    static QuotedLine line(String lineId, SellerId seller, long unitPrice, long quantity, long coupon, long points) {
        long amount = unitPrice * quantity;
        return new QuotedLine(lineId, ProductId.of("p-" + lineId), VariantId.of("v-" + lineId), seller,
                "Product " + lineId, "SKU-" + lineId, List.of("Blue", "M"), "cat-1", 500, won(unitPrice), quantity,
                won(amount), won(coupon), points, won(amount - coupon - points));
    }

    static QuotedLine l1() {
        return line("L1", SELLER_A, 30_000, 2, 6_000, 3_000);
    }

    static QuotedLine l2() {
        return line("L2", SELLER_A, 15_000, 1, 1_500, 1_000);
    }

    static QuotedLine l3() {
        return line("L3", SELLER_B, 20_000, 1, 2_000, 1_000);
    }

    static QuotedSellerPart partA() {
        return new QuotedSellerPart(SELLER_A, "Shop A", 3, won(75_000), won(0), List.of(), 1, won(6_000),
                won(6_000));
    }

    static QuotedSellerPart partB() {
        return new QuotedSellerPart(SELLER_B, "Shop B", 1, won(20_000), won(3_000), List.of(), 1, won(5_000),
                won(10_000));
    }

    static OrderQuote quote() {
        return new OrderQuote(List.of(l1(), l2(), l3()), List.of(partA(), partB()), won(95_000), COUPON, won(9_500),
                5_000, won(3_000), won(83_500), "SILVER");
    }

    static OrderQuote quote(List<QuotedLine> lines, List<QuotedSellerPart> sellers, long itemsTotal,
                            CouponId couponId, long couponDiscount, long points, long shippingTotal,
                            long amountToPay) {
        return new OrderQuote(lines, sellers, won(itemsTotal), couponId, won(couponDiscount), points,
                won(shippingTotal), won(amountToPay), "SILVER");
    }

    /** One line of seller A, paid in full by points and a coupon. */
    static OrderQuote freeQuote() {
        QuotedLine line = line("L1", SELLER_A, 10_000, 1, 4_000, 6_000);
        QuotedSellerPart part = new QuotedSellerPart(SELLER_A, "Shop A", 3, won(10_000), won(0), List.of(), 1,
                won(6_000), won(6_000));
        return quote(List.of(line), List.of(part), 10_000, COUPON, 4_000, 6_000, 0, 0);
    }

    static ShippingAddress address() {
        return new ShippingAddress("Kim Minji", "010-1234-5678", "KR", "63309", "제주특별자치도 제주시 첨단로 242",
                "3층", "문 앞에 놓아 주세요");
    }

    static PaymentChoice kakaoPay() {
        return new PaymentChoice(PaymentMethod.KAKAO_PAY, null, RETURN_URL);
    }

    static PaymentChoice bankTransfer() {
        return new PaymentChoice(PaymentMethod.BANK_TRANSFER, null, null);
    }

    static PaymentChoice brandPay() {
        return new PaymentChoice(PaymentMethod.BRAND_PAY, CARD_ON_FILE, null);
    }

    // ---- commands and events

    static PlaceOrder placeOrder() {
        return placeOrder(quote(), kakaoPay());
    }

    static PlaceOrder placeOrder(OrderQuote quote, PaymentChoice payment) {
        return new PlaceOrder(ORDER, BUYER, KEY, FINGERPRINT, quote, address(), payment, "cart-member-1");
    }

    static PlaceOrder placeOrder(ShippingAddress address) {
        return new PlaceOrder(ORDER, BUYER, KEY, FINGERPRINT, quote(), address, kakaoPay(), "cart-member-1");
    }

    static PlaceOrder probe(String fingerprint) {
        return new PlaceOrder(ORDER, BUYER, KEY, fingerprint, null, null, null, null);
    }

    static OrderPlaced placed() {
        return placed(quote(), kakaoPay());
    }

    static OrderPlaced placed(OrderQuote quote, PaymentChoice payment) {
        return new OrderPlaced(ORDER, BUYER, KEY, FINGERPRINT, quote, address(), payment, "cart-member-1", T0);
    }

    static PaymentRequested paymentRequested() {
        return new PaymentRequested(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.KAKAO_PAY, won(83_500), REDIRECT_URL,
                null, T0.plus(Duration.ofMinutes(30)), T0);
    }

    static PaymentApproved paymentApproved() {
        return new PaymentApproved(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.KAKAO_PAY, won(83_500), "tx-1",
                APPROVED_AT);
    }

    /** Placed, requested and approved: both parts PAID. */
    static Object[] paid() {
        return new Object[]{placed(), paymentRequested(), paymentApproved()};
    }

    static SellerPartPreparing preparing(SellerId seller) {
        return new SellerPartPreparing(ORDER, BUYER, seller, T0);
    }

    static SellerPartShipped shipped(SellerId seller) {
        return new SellerPartShipped(ORDER, BUYER, seller, "CJ대한통운", "6543-2109-8765", T0);
    }

    static SellerPartDelivered delivered(SellerId seller) {
        return new SellerPartDelivered(ORDER, BUYER, seller, T0, T0.plus(Duration.ofDays(7)));
    }

    /** Paid, and the part of {@code seller} delivered. */
    static Object[] paidAndDelivered(SellerId... sellers) {
        List<Object> events = new ArrayList<>(Arrays.asList(paid()));
        for (SellerId seller : sellers) {
            events.add(shipped(seller));
            events.add(delivered(seller));
        }
        return events.toArray();
    }

    static Object[] and(Object[] given, Object... more) {
        List<Object> events = new ArrayList<>(Arrays.asList(given));
        events.addAll(Arrays.asList(more));
        return events.toArray();
    }

    // ---- who acts

    static Map<String, Object> buyer() {
        return actingAs(ActorRole.CUSTOMER, BUYER.value(), null);
    }

    static Map<String, Object> otherCustomer() {
        return actingAs(ActorRole.CUSTOMER, OTHER_MEMBER.value(), null);
    }

    static Map<String, Object> sellerOf(SellerId shop) {
        return actingAs(ActorRole.SELLER, "owner-of-" + shop.value(), shop.value());
    }

    static Map<String, Object> staff(ActorRole role) {
        return actingAs(role, role.name().toLowerCase() + "-1", null);
    }

    static Map<String, Object> system() {
        return actingAs(ActorRole.SYSTEM, "system:checkout", null);
    }

    static Map<String, Object> actingAs(ActorRole role, String actorId, String sellerId) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditKeys.ACTOR_ROLE, role.name());
        metaData.put(AuditKeys.ACTOR_ID, actorId);
        metaData.put(AuditKeys.REQUEST_ID, "req-1");
        if (sellerId != null) {
            metaData.put(AuditKeys.ACTOR_SELLER_ID, sellerId);
        }
        return metaData;
    }

    /** The buyer's stored methods as the member aggregate would answer. */
    static final class FakeStoredPaymentMethods implements StoredPaymentMethods {
        private final Map<PaymentMethodId, String> billingKeys = new HashMap<>();
        final List<PaymentMethodId> asked = new ArrayList<>();

        FakeStoredPaymentMethods with(PaymentMethodId id, String billingKey) {
            billingKeys.put(id, billingKey);
            return this;
        }

        void remove(PaymentMethodId id) {
            billingKeys.remove(id);
        }

        @Override
        public Optional<String> billingKey(MemberId memberId, PaymentMethodId paymentMethodId) {
            asked.add(paymentMethodId);
            return BUYER.equals(memberId) ? Optional.ofNullable(billingKeys.get(paymentMethodId)) : Optional.empty();
        }
    }
}
