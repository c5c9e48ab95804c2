package io.jangteo.command.order;

import io.jangteo.command.order.OrderFixtures.FakeStoredPaymentMethods;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PlaceOrder;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.CARD_ON_FILE;
import static io.jangteo.command.order.OrderFixtures.COUPON;
import static io.jangteo.command.order.OrderFixtures.FINGERPRINT;
import static io.jangteo.command.order.OrderFixtures.KEY;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.OTHER_MEMBER;
import static io.jangteo.command.order.OrderFixtures.RETURN_URL;
import static io.jangteo.command.order.OrderFixtures.SELLER_A;
import static io.jangteo.command.order.OrderFixtures.SELLER_B;
import static io.jangteo.command.order.OrderFixtures.T0;
import static io.jangteo.command.order.OrderFixtures.address;
import static io.jangteo.command.order.OrderFixtures.brandPay;
import static io.jangteo.command.order.OrderFixtures.buyer;
import static io.jangteo.command.order.OrderFixtures.kakaoPay;
import static io.jangteo.command.order.OrderFixtures.l1;
import static io.jangteo.command.order.OrderFixtures.l2;
import static io.jangteo.command.order.OrderFixtures.l3;
import static io.jangteo.command.order.OrderFixtures.line;
import static io.jangteo.command.order.OrderFixtures.otherCustomer;
import static io.jangteo.command.order.OrderFixtures.partA;
import static io.jangteo.command.order.OrderFixtures.partB;
import static io.jangteo.command.order.OrderFixtures.placeOrder;
import static io.jangteo.command.order.OrderFixtures.placed;
import static io.jangteo.command.order.OrderFixtures.probe;
import static io.jangteo.command.order.OrderFixtures.quote;
import static io.jangteo.command.order.OrderFixtures.sellerOf;
import static io.jangteo.command.order.OrderFixtures.staff;
import static io.jangteo.command.order.OrderFixtures.system;
import static io.jangteo.command.order.OrderFixtures.won;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Placing an order: access, idempotency (retries and probes), and what a quote, address and payment must be. */
class OrderPlacementTest {

    private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();
    private final FakeStoredPaymentMethods storedMethods = new FakeStoredPaymentMethods();
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(gateway, storedMethods);
    }

    @Test
    void theBuyerPlacesAnOrderAsQuoted() {
        fixture.givenCurrentTime(T0)
                .when(placeOrder(), buyer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(placed())
                .expectResultMessagePayload(0L);
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void theAddressIsStoredTrimmedAndEmptyOptionalFieldsAsNull() {
        ShippingAddress untidy = new ShippingAddress("  Kim Minji ", " 010-1234-5678", " KR ", " 63309 ",
                " 제주특별자치도 제주시 첨단로 242 ", "  ", "");
        fixture.givenCurrentTime(T0)
                .when(placeOrder(untidy), buyer())
                .expectEvents(new OrderPlaced(ORDER, BUYER, KEY, FINGERPRINT, quote(),
                        new ShippingAddress("Kim Minji", "010-1234-5678", "KR", "63309",
                                "제주특별자치도 제주시 첨단로 242", null, null),
                        kakaoPay(), "cart-member-1", T0));
    }

    @Test
    void aMemberOfAnyRoleShopsAsThemselves() {
        fixture.givenCurrentTime(T0)
                .when(placeOrder(), OrderFixtures.actingAs(ActorRole.SELLER, BUYER.value(), "seller-x"))
                .expectEvents(placed());
    }

    @Test
    void aRetryWithTheSameRequestAnswersTheOrderAndStoresNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(placeOrder(), buyer())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void theSameKeyWithAnotherRequestIsIdempotencyKeyReused() {
        PlaceOrder other = new PlaceOrder(ORDER, BUYER, KEY, "sha256:other", quote(), address(), kakaoPay(), null);
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(other, buyer())
                .expectNoEvents()
                .expectException(OrderRules.IdempotencyKeyReused.class)
                .expectException(violation(ErrorCode.IDEMPOTENCY_KEY_REUSED, List.of("idempotencyKey")));
    }

    @Test
    void aProbeOfAPlacedOrderIsAnsweredLikeARetry() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(probe(FINGERPRINT), buyer())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aProbeWithAnotherFingerprintIsIdempotencyKeyReused() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(probe("sha256:other"), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.IDEMPOTENCY_KEY_REUSED, List.of("idempotencyKey")));
    }

    @Test
    void aProbeOfAnOrderNeverPlacedIsNotFoundAndStoresNothing() {
        fixture.givenNoPriorActivity()
                .when(probe(FINGERPRINT), buyer())
                .expectNoEvents()
                .expectException(OrderRules.NoSuchOrder.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of()));
    }

    @Test
    void onlyTheBuyerPlacesTheirOrder() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(), otherCustomer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anotherMemberLearnsNothingAboutAnExistingOrderEvenByProbing() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new PlaceOrder(ORDER, OTHER_MEMBER, KEY, FINGERPRINT, null, null, null, null), otherCustomer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void systemActorsAndAnonymousVisitorsDoNotPlaceOrders() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(), OrderFixtures.actingAs(ActorRole.SYSTEM, BUYER.value(), null))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenNoPriorActivity()
                .when(placeOrder(), OrderFixtures.actingAs(ActorRole.ANONYMOUS, BUYER.value(), null))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void accessIsCheckedBeforeTheInput() {
        PlaceOrder invalid = new PlaceOrder(ORDER, BUYER, "bad key!", FINGERPRINT, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(invalid, staff(ActorRole.ADMIN))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void brandPayNeedsAMethodTheBuyerHasStored() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(quote(), brandPay()), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("payment", "storedMethodId")));
        assertThat(storedMethods.asked).containsExactly(CARD_ON_FILE);
    }

    @Test
    void brandPayWithAStoredMethodIsPlaced() {
        storedMethods.with(CARD_ON_FILE, "bk_sbx_1");
        fixture.givenCurrentTime(T0)
                .when(placeOrder(quote(), brandPay()), buyer())
                .expectEvents(placed(quote(), brandPay()));
    }

    @Test
    void anOrderPaidInFullByPointsAndCouponIsPlaced() {
        fixture.givenCurrentTime(T0)
                .when(placeOrder(OrderFixtures.freeQuote(), kakaoPay()), buyer())
                .expectEvents(placed(OrderFixtures.freeQuote(), kakaoPay()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPlacements")
    void anInvalidPlacementIsRefusedOnItsField(String what, PlaceOrder command, List<String> field) {
        fixture.givenNoPriorActivity()
                .when(command, buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, field));
    }

    static Stream<Arguments> invalidPlacements() {
        List<Arguments> cases = new ArrayList<>();
        // the key and the request
        cases.add(refused("a key with spaces", new PlaceOrder(OrderId.forIdempotencyKey(BUYER, "a b"), BUYER, "a b",
                FINGERPRINT, quote(), address(), kakaoPay(), null), "idempotencyKey"));
        cases.add(refused("a key of 65 characters", withKey("k".repeat(65)), "idempotencyKey"));
        cases.add(refused("no key", new PlaceOrder(ORDER, BUYER, null, FINGERPRINT, quote(), address(), kakaoPay(),
                null), "idempotencyKey"));
        cases.add(refused("an order id not derived from the key", new PlaceOrder(OrderId.of("ord-guess"), BUYER, KEY,
                FINGERPRINT, quote(), address(), kakaoPay(), null), "orderId"));
        cases.add(refused("no fingerprint", new PlaceOrder(ORDER, BUYER, KEY, " ", quote(), address(), kakaoPay(),
                null), "requestFingerprint"));
        cases.add(refused("a cart id of 65 characters", new PlaceOrder(ORDER, BUYER, KEY, FINGERPRINT, quote(),
                address(), kakaoPay(), "c".repeat(65)), "cartId"));
        // lines
        cases.add(refused("no lines", withQuote(quote(List.of(), List.of(partA()), 0, null, 0, 0, 0, 0)), "lines"));
        cases.add(refused("51 lines", withQuote(fiftyOneLines()), "lines"));
        cases.add(refused("a line id with a colon", withLines(line("L:1", SELLER_A, 30_000, 2, 6_000, 3_000)),
                "lines", "0", "lineId"));
        cases.add(refused("two lines with one id", withLines(l1(), line("L1", SELLER_A, 15_000, 1, 1_500, 1_000)),
                "lines", "1", "lineId"));
        cases.add(refused("quantity 0", withLines(l1(), line("L2", SELLER_A, 15_000, 0, 0, 0)), "lines", "1",
                "quantity"));
        cases.add(refused("quantity 1000", withLines(l1(), line("L2", SELLER_A, 15, 1_000, 0, 0)), "lines", "1",
                "quantity"));
        cases.add(refused("an amount that is not price times quantity", withLines(l1(), changed(l2(),
                won(14_000), won(1_500), 1_000, won(11_500))), "lines", "1", "amount"));
        cases.add(refused("a pay amount that does not add up", withLines(l1(), changed(l2(), won(15_000),
                won(1_500), 1_000, won(13_500))), "lines", "1", "payAmount"));
        cases.add(refused("a negative pay amount", withLines(l1(), changed(l2(), won(15_000), won(10_000),
                6_000, won(-1_000))), "lines", "1", "payAmount"));
        cases.add(refused("negative points", withLines(l1(), changed(l2(), won(15_000), won(1_500), -1,
                won(13_501))), "lines", "1", "points"));
        cases.add(refused("a line in dollars", withLines(l1(), changed(l2(), Money.of(15_000, "USD"), won(1_500),
                1_000, won(12_500))), "lines", "1", "amount"));
        // seller parts
        cases.add(refused("a seller without its part", withQuote(quote(List.of(l1(), l2(), l3()), List.of(partA()),
                95_000, COUPON, 9_500, 5_000, 0, 80_500)), "sellers"));
        cases.add(refused("a part of a seller with no line", withQuote(quote(List.of(l1(), l2()),
                List.of(partA(), partB()), 75_000, COUPON, 7_500, 4_000, 3_000, 66_500)), "sellers", "1",
                "sellerId"));
        cases.add(refused("one seller's part twice", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), partA(), partB()), 95_000, COUPON, 9_500, 5_000, 3_000, 83_500)), "sellers", "1",
                "sellerId"));
        cases.add(refused("a part's items amount that is not its lines' sum", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), new QuotedSellerPart(SELLER_B, "Shop B", 1, won(19_000), won(3_000), List.of(), 1,
                        won(5_000), won(10_000))), 95_000, COUPON, 9_500, 5_000, 3_000, 83_500)),
                "sellers", "1", "itemsAmount"));
        cases.add(refused("a negative shipping fee", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), new QuotedSellerPart(SELLER_B, "Shop B", 1, won(20_000), won(-3_000), List.of(), 1,
                        won(5_000), won(10_000))), 95_000, COUPON, 9_500, 5_000, -3_000, 77_500)),
                "sellers", "1", "shippingFee"));
        // totals
        cases.add(refused("an items total that does not add up", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), partB()), 94_000, COUPON, 9_500, 5_000, 3_000, 82_500)), "itemsTotal"));
        cases.add(refused("a coupon discount that does not add up", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), partB()), 95_000, COUPON, 9_000, 5_000, 3_000, 84_000)), "couponDiscount"));
        cases.add(refused("points that do not add up", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), partB()), 95_000, COUPON, 9_500, 4_000, 3_000, 84_500)), "points"));
        cases.add(refused("a shipping total that does not add up", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), partB()), 95_000, COUPON, 9_500, 5_000, 2_500, 83_000)), "shippingTotal"));
        cases.add(refused("an amount to pay that does not add up", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), partB()), 95_000, COUPON, 9_500, 5_000, 3_000, 83_000)), "amountToPay"));
        cases.add(refused("a discount without a coupon", withQuote(quote(List.of(l1(), l2(), l3()),
                List.of(partA(), partB()), 95_000, null, 9_500, 5_000, 3_000, 83_500)), "couponId"));
        cases.add(refused("a coupon without a discount", withQuote(quote(List.of(line("L1", SELLER_A, 30_000, 2, 0, 0)),
                List.of(new QuotedSellerPart(SELLER_A, "Shop A", 3, won(60_000), won(0), List.of(), 1, won(6_000),
                        won(6_000))), 60_000, CouponId.of("SPRING"), 0, 0, 0, 60_000)), "couponId"));
        // the address
        cases.add(refused("no address", placeOrder((ShippingAddress) null), "shippingAddress"));
        cases.add(refused("no recipient", placeOrder(new ShippingAddress(" ", "010-1234-5678", "KR", "06236",
                "서울 강남구 테헤란로 152", null, null)), "shippingAddress", "recipient"));
        cases.add(refused("no phone", placeOrder(new ShippingAddress("Kim Minji", null, "KR", "06236",
                "서울 강남구 테헤란로 152", null, null)), "shippingAddress", "phone"));
        cases.add(refused("no street address", placeOrder(new ShippingAddress("Kim Minji", "010-1234-5678", "KR",
                "06236", "", null, null)), "shippingAddress", "address1"));
        cases.add(refused("a recipient of 101 characters", placeOrder(new ShippingAddress("가".repeat(101),
                "010-1234-5678", "KR", "06236", "서울 강남구 테헤란로 152", null, null)), "shippingAddress",
                "recipient"));
        cases.add(refused("a country that is no ISO code", placeOrder(new ShippingAddress("Kim Minji", "010-1234-5678",
                "Korea", "06236", "서울 강남구 테헤란로 152", null, null)), "shippingAddress", "country"));
        cases.add(refused("a Korean postcode of four digits", placeOrder(new ShippingAddress("Kim Minji",
                "010-1234-5678", "KR", "0623", "서울 강남구 테헤란로 152", null, null)), "shippingAddress",
                "postcode"));
        // the payment
        cases.add(refused("no payment", placeOrder(quote(), null), "payment"));
        cases.add(refused("brand pay without a stored method", placeOrder(quote(),
                new PaymentChoice(PaymentMethod.BRAND_PAY, null, null)), "payment", "storedMethodId"));
        cases.add(refused("a card with a stored method", placeOrder(quote(),
                new PaymentChoice(PaymentMethod.CARD, PaymentMethodId.of("pm-1"), RETURN_URL)), "payment",
                "storedMethodId"));
        cases.add(refused("an ftp return URL", placeOrder(quote(),
                new PaymentChoice(PaymentMethod.KAKAO_PAY, null, "ftp://shop.example/return")), "payment",
                "returnUrl"));
        cases.add(refused("a relative return URL", placeOrder(quote(),
                new PaymentChoice(PaymentMethod.KAKAO_PAY, null, "/orders/return")), "payment", "returnUrl"));
        return cases.stream();
    }

    @Test
    void aForeignAddressNeedsNoPostcode() {
        ShippingAddress tokyo = new ShippingAddress("Kim Minji", "+81312345678", "JP", null, "1-1 Marunouchi",
                "Chiyoda-ku", null);
        fixture.givenCurrentTime(T0)
                .when(placeOrder(tokyo), buyer())
                .expectEvents(new OrderPlaced(ORDER, BUYER, KEY, FINGERPRINT, quote(), tokyo, kakaoPay(),
                        "cart-member-1", T0));
    }

    @Test
    void aSellerPlacingForTheirShopIsStillOnlyTheBuyer() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(), sellerOf(SELLER_A))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void systemActorsDoNotPlaceOrdersEvenForTheBuyer() {
        fixture.givenNoPriorActivity()
                .when(placeOrder(), system())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    private static Arguments refused(String what, PlaceOrder command, String... field) {
        return Arguments.of(what, command, List.of(field));
    }

    private static PlaceOrder withKey(String key) {
        return new PlaceOrder(ORDER, BUYER, key, FINGERPRINT, quote(), address(), kakaoPay(), null);
    }

    private static PlaceOrder withQuote(OrderQuote quote) {
        return placeOrder(quote, kakaoPay());
    }

    /** The quote's parts and totals with these lines (only the first wrong thing matters to each case). */
    private static PlaceOrder withLines(QuotedLine... lines) {
        return withQuote(new OrderQuote(List.of(lines), List.of(partA()), won(75_000), COUPON, won(7_500), 4_000,
                won(0), won(63_500), "SILVER"));
    }

    private static QuotedLine changed(QuotedLine line, Money amount, Money coupon, long points, Money payAmount) {
        return new QuotedLine(line.lineId(), line.productId(), line.variantId(), line.sellerId(), line.productName(),
                line.sku(), line.optionValues(), line.categoryId(), line.weightGrams(), line.unitPrice(),
                line.quantity(), amount, coupon, points, payAmount);
    }

    private static OrderQuote fiftyOneLines() {
        List<QuotedLine> lines = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            lines.add(line("L" + i, SELLER_A, 1_000, 1, 0, 0));
        }
        return quote(lines, List.of(new QuotedSellerPart(SELLER_A, "Shop A", 3, won(51_000), won(0), List.of(), 1,
                won(0), won(0))), 51_000, null, 0, 0, 0, 51_000);
    }
}
