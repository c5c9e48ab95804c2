package io.jangteo.graphql.order;

import io.jangteo.graphql.order.OrderInputs.LineInput;
import io.jangteo.graphql.order.OrderInputs.OrderRequest;
import io.jangteo.graphql.order.OrderInputs.PaymentInput;
import io.jangteo.graphql.order.OrderInputs.PlaceOrderInput;
import io.jangteo.graphql.order.OrderInputs.ShippingAddressInput;
import io.jangteo.messages.order.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final ShippingAddressInput ADDRESS = new ShippingAddressInput("김장터", "010-1234-5678", "KR", "63309",
            "제주특별자치도 제주시 첨단로 242", "101호", "문 앞");
    private static final PlaceOrderInput BASE = new PlaceOrderInput("key-1",
            List.of(new LineInput("p1", "v1", 1), new LineInput("p2", null, 2)), null, ADDRESS, "welcome-10", 3_000L,
            new PaymentInput(PaymentMethod.KAKAO_PAY, null, "https://shop.example/return"));

    @Test
    void isTheHexSha256OfTheCanonicalForm() {
        String fingerprint = fingerprint(BASE);

        assertThat(fingerprint).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(fingerprint(BASE)).as("deterministic").isEqualTo(fingerprint);
    }

    @Test
    void theSameRequestWrittenDifferentlyHasTheSameFingerprint() {
        PlaceOrderInput sameRequest = new PlaceOrderInput("another-key",
                List.of(new LineInput("p1", "v1", 1), new LineInput("p2", "default", 2)), false,
                new ShippingAddressInput(" 김장터 ", "010-1234-5678", "kr", "63309 ", "제주특별자치도 제주시 첨단로 242",
                        "101호", "문 앞"),
                " WELCOME-10 ", 3_000L, new PaymentInput(PaymentMethod.KAKAO_PAY, null, "https://shop.example/return"));

        assertThat(fingerprint(sameRequest)).as("key, case of coupon and country, spaces, default variant")
                .isEqualTo(fingerprint(BASE));
    }

    @Test
    void everyPartOfTheRequestChangesIt() {
        String base = fingerprint(BASE);
        List<UnaryOperator<PlaceOrderInput>> changes = List.of(
                i -> with(i, List.of(new LineInput("p2", null, 2), new LineInput("p1", "v1", 1)), i.couponCode()),
                i -> with(i, List.of(new LineInput("p1", "v1", 2), new LineInput("p2", null, 2)), i.couponCode()),
                i -> with(i, List.of(new LineInput("p1", "v2", 1), new LineInput("p2", null, 2)), i.couponCode()),
                i -> with(i, List.of(new LineInput("p1", "v1", 1)), i.couponCode()),
                i -> with(i, i.lines(), null),
                i -> with(i, i.lines(), "WELCOME-20"),
                i -> new PlaceOrderInput(i.idempotencyKey(), i.lines(), null, i.shippingAddress(), i.couponCode(), 0L,
                        i.payment()),
                i -> new PlaceOrderInput(i.idempotencyKey(), i.lines(), null, new ShippingAddressInput("김장터",
                        "010-1234-5678", "KR", "63310", ADDRESS.address1(), ADDRESS.address2(), ADDRESS.memo()),
                        i.couponCode(), i.points(), i.payment()),
                i -> new PlaceOrderInput(i.idempotencyKey(), i.lines(), null, new ShippingAddressInput("김장터",
                        "010-1234-5678", "KR", "63309", ADDRESS.address1(), ADDRESS.address2(), null),
                        i.couponCode(), i.points(), i.payment()),
                i -> new PlaceOrderInput(i.idempotencyKey(), i.lines(), null, i.shippingAddress(), i.couponCode(),
                        i.points(), new PaymentInput(PaymentMethod.NAVER_PAY, null, "https://shop.example/return")),
                i -> new PlaceOrderInput(i.idempotencyKey(), i.lines(), null, i.shippingAddress(), i.couponCode(),
                        i.points(), new PaymentInput(PaymentMethod.KAKAO_PAY, null, "https://shop.example/other")),
                i -> new PlaceOrderInput(i.idempotencyKey(), null, true, i.shippingAddress(), i.couponCode(),
                        i.points(), i.payment()));
        for (UnaryOperator<PlaceOrderInput> change : changes) {
            assertThat(fingerprint(change.apply(BASE))).isNotEqualTo(base);
        }
    }

    @Test
    void valuesCannotBleedIntoEachOther() {
        // the same characters split differently between recipient and phone
        PlaceOrderInput a = new PlaceOrderInput("k", BASE.lines(), null, new ShippingAddressInput("ab", "c", "KR",
                "63309", "x", null, null), null, 0L, BASE.payment());
        PlaceOrderInput b = new PlaceOrderInput("k", BASE.lines(), null, new ShippingAddressInput("a", "bc", "KR",
                "63309", "x", null, null), null, 0L, BASE.payment());
        PlaceOrderInput empty = new PlaceOrderInput("k", BASE.lines(), null, new ShippingAddressInput("a", "bc", "KR",
                "63309", "x", "", null), null, 0L, BASE.payment());
        PlaceOrderInput absent = new PlaceOrderInput("k", BASE.lines(), null, new ShippingAddressInput("a", "bc", "KR",
                "63309", "x", null, null), null, 0L, BASE.payment());

        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
        assertThat(fingerprint(empty)).as("an empty value is not a missing one").isNotEqualTo(fingerprint(absent));
    }

    @Test
    void aCartOrderIsFingerprintedByTheCartNotItsContents() {
        OrderRequest fromCart = OrderInputs.placeOrder(new PlaceOrderInput("k", null, true, ADDRESS, null, 0L,
                BASE.payment()));

        assertThat(RequestFingerprint.canonical(fromCart)).contains("4:cart\n").doesNotContain("lines");
    }

    private static PlaceOrderInput with(PlaceOrderInput input, List<LineInput> lines, String couponCode) {
        return new PlaceOrderInput(input.idempotencyKey(), lines, null, input.shippingAddress(), couponCode,
                input.points(), input.payment());
    }

    private static String fingerprint(PlaceOrderInput input) {
        return RequestFingerprint.of(OrderInputs.placeOrder(input));
    }
}
