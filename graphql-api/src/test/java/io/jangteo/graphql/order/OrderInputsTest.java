package io.jangteo.graphql.order;

import io.jangteo.graphql.order.OrderInputs.LineInput;
import io.jangteo.graphql.order.OrderInputs.OrderRequest;
import io.jangteo.graphql.order.OrderInputs.PaymentInput;
import io.jangteo.graphql.order.OrderInputs.PlaceOrderInput;
import io.jangteo.graphql.order.OrderInputs.ShippingAddressInput;
import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderInputsTest {

    private static final ShippingAddressInput ADDRESS = new ShippingAddressInput(" 김장터 ", "010-1234-5678", null,
            "63309", "제주특별자치도 제주시 첨단로 242", null, null);
    private static final PaymentInput CARD = new PaymentInput(PaymentMethod.CARD, null, null);

    @Test
    void mapsARequestIntoMessageValues() {
        OrderRequest request = OrderInputs.placeOrder(new PlaceOrderInput("checkout-1",
                List.of(new LineInput("p1", "v1", 2), new LineInput("p2", null, 1)), null, ADDRESS, " welcome-10 ",
                500L, new PaymentInput(PaymentMethod.BRAND_PAY, "pm-1", null)));

        assertThat(request.idempotencyKey()).isEqualTo("checkout-1");
        assertThat(request.fromCart()).isFalse();
        assertThat(request.lines()).containsExactly(
                new OrderLineInput(ProductId.of("p1"), VariantId.of("v1"), 2),
                new OrderLineInput(ProductId.of("p2"), VariantId.DEFAULT, 1));
        assertThat(request.address()).isEqualTo(new ShippingAddress("김장터", "010-1234-5678", "KR", "63309",
                "제주특별자치도 제주시 첨단로 242", null, null));
        assertThat(request.address().destination().country()).isEqualTo("KR");
        assertThat(request.couponId()).isEqualTo(CouponId.of("WELCOME-10"));
        assertThat(request.points()).isEqualTo(500);
        assertThat(request.payment().storedMethodId()).isEqualTo(PaymentMethodId.of("pm-1"));
    }

    @Test
    void aCartRequestHasNoLinesAndNoPointsMeansZero() {
        OrderRequest request = OrderInputs.placeOrder(new PlaceOrderInput("k", null, true, ADDRESS, null, null, CARD));

        assertThat(request.fromCart()).isTrue();
        assertThat(request.lines()).isNull();
        assertThat(request.points()).isZero();
        assertThat(request.couponId()).isNull();
    }

    @Test
    void refusesMalformedInputAtItsPath() {
        List<LineInput> lines = List.of(new LineInput("p1", null, 1));
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("", lines, null, ADDRESS, null, 0L, CARD)),
                ErrorCode.INVALID_INPUT, "input", "idempotencyKey");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("x".repeat(65), lines, null, ADDRESS, null, 0L,
                CARD)), ErrorCode.INVALID_INPUT, "input", "idempotencyKey");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("a b", lines, null, ADDRESS, null, 0L, CARD)),
                ErrorCode.INVALID_INPUT, "input", "idempotencyKey");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", lines, true, ADDRESS, null, 0L, CARD)),
                ErrorCode.INVALID_INPUT, "input", "fromCart");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", null, false, ADDRESS, null, 0L, CARD)),
                ErrorCode.INVALID_INPUT, "input", "lines");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", List.of(new LineInput("p1", null, 1),
                        new LineInput(" ", null, 1)), null, ADDRESS, null, 0L, CARD)),
                ErrorCode.NOT_FOUND, "input", "lines", "1", "productId");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", List.of(new LineInput("p1", "x".repeat(65),
                        1)), null, ADDRESS, null, 0L, CARD)),
                ErrorCode.NOT_FOUND, "input", "lines", "0", "variantId");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", lines, null, ADDRESS, "no", 0L, CARD)),
                ErrorCode.COUPON_NOT_APPLICABLE, "input", "couponCode");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", lines, null, ADDRESS, null, 0L,
                new PaymentInput(null, null, null))), ErrorCode.INVALID_INPUT, "input", "payment", "method");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", lines, null, ADDRESS, null, 0L,
                        new PaymentInput(PaymentMethod.BRAND_PAY, " ", null))),
                ErrorCode.INVALID_INPUT, "input", "payment", "storedMethodId");
        assertRefused(() -> OrderInputs.placeOrder(new PlaceOrderInput("k", lines, null, null, null, 0L, CARD)),
                ErrorCode.INVALID_INPUT, "input", "shippingAddress");
    }

    @Test
    void anEmptyListOfLinesIsLeftForTheQuoteToRefuse() {
        assertThat(OrderInputs.placeOrder(new PlaceOrderInput("k", List.of(), null, ADDRESS, null, 0L, CARD)).lines())
                .isEmpty();
    }

    @Test
    void theSellerPartIsTheOneNamedOrTheActingSellersOwn() {
        assertThat(OrderInputs.sellerId("shop-1", "shop-2")).isEqualTo(SellerId.of("shop-1"));
        assertThat(OrderInputs.sellerId(null, "shop-2")).isEqualTo(SellerId.of("shop-2"));
        assertRefused(() -> OrderInputs.sellerId(null, null), ErrorCode.INVALID_INPUT, "input", "sellerId");
    }

    @Test
    void anOrderIdThatCannotBeOneNamesNoOrder() {
        assertRefused(() -> OrderInputs.orderId(" "), ErrorCode.NOT_FOUND, "input", "orderId");
        assertRefused(() -> OrderInputs.orderId(null), ErrorCode.INVALID_INPUT, "input", "orderId");
        assertThat(OrderInputs.orderId("ord-1").value()).isEqualTo("ord-1");
    }

    @Test
    void aDestinationDefaultsToKoreaInUpperCase() {
        assertThat(OrderInputs.destination(new OrderInputs.DestinationInput("jp", null)).country()).isEqualTo("JP");
        assertThat(OrderInputs.destination(new OrderInputs.DestinationInput(null, " 04524 ")))
                .satisfies(d -> {
                    assertThat(d.country()).isEqualTo("KR");
                    assertThat(d.postcode()).isEqualTo("04524");
                });
    }

    private static void assertRefused(ThrowingCallable mapping, ErrorCode code, String... field) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, mapping);
        assertThat(refused).as("refused").isNotNull();
        UserError error = refused.error();
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.field()).containsExactly(field);
    }
}
