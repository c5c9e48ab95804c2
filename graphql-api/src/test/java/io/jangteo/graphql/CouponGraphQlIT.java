package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.errorCodes;
import static io.jangteo.graphql.OrderTestKit.fixedCoupon;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.list;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.number;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.redirectPayment;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static io.jangteo.graphql.OrderTestKit.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Coupons over HTTP: who may issue which, validation at input paths, the per-member limit and its restoration. */
class CouponGraphQlIT extends GraphQlTestSupport {

    private final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private OrderTestKit kit;
    private Shop shop;
    private HttpGraphQlTester admin;

    @BeforeEach
    void aShop() {
        kit = new OrderTestKit(port);
        admin = kit.admin();
        shop = kit.shop("쿠폰가게 " + tag, new Policy(3_000, null, 3_000, 3_000, 3_000));
    }

    @Test
    void issueCoupon_byAnAdminForEverythingAndByASellerForItsOwnShopOnly() {
        Map<String, Object> adminCoupon = kit.issueCoupon(admin, fixedCoupon("welcome-" + tag.toLowerCase(), 3_000,
                20_000L, 1));
        assertThat(adminCoupon).containsEntry("code", "WELCOME-" + tag).containsEntry("kind", "FIXED")
                .containsEntry("status", "ACTIVE").containsEntry("issuerSellerId", null)
                .containsEntry("perMemberLimit", 1).containsEntry("ratePercent", 0);
        assertThat(map(adminCoupon, "scope")).containsEntry("kind", "ALL");
        assertThat(amount(adminCoupon.get("fixedAmount"))).isEqualTo(3_000);
        assertThat(amount(adminCoupon.get("minimumOrder"))).isEqualTo(20_000);
        assertThat(number(adminCoupon, "redemptions")).isZero();

        Map<String, Object> rate = new HashMap<>();
        rate.put("code", "SHOP10-" + tag);
        rate.put("name", "10% 할인");
        rate.put("kind", "RATE");
        rate.put("ratePercent", 10);
        rate.put("maxDiscount", won(5_000));
        Map<String, Object> sellerCoupon = kit.issueCoupon(shop.api(), rate);
        assertThat(sellerCoupon).containsEntry("issuerSellerId", shop.sellerId()).containsEntry("ratePercent", 10);
        assertThat(map(sellerCoupon, "scope")).isEqualTo(Map.of("kind", "SELLER", "ids", List.of(shop.sellerId())));

        // a seller's coupon is for its own shop: not for everything, not for another shop
        Map<String, Object> everything = new HashMap<>(rate);
        everything.put("code", "ALL10-" + tag);
        everything.put("scope", Map.of("kind", "ALL"));
        assertForbidden(shop.api(), everything);
        Map<String, Object> otherShop = new HashMap<>(rate);
        otherShop.put("code", "OTHER10-" + tag);
        otherShop.put("scope", Map.of("kind", "SELLER", "ids", List.of("another-shop-" + tag)));
        assertForbidden(shop.api(), otherShop);
        assertForbidden(kit.as("CUSTOMER", null, "kit-customer-" + tag), fixedCoupon("MINE-" + tag, 1_000, null, 1));

        // a seller lists its own coupons; an admin lists everyone's
        assertThat(couponCodes(shop.api())).contains("SHOP10-" + tag).doesNotContain("WELCOME-" + tag);
        assertThat(couponCodes(admin)).contains("SHOP10-" + tag, "WELCOME-" + tag);
    }

    @Test
    void issueCoupon_refusesInvalidTermsAtTheirInputPaths() {
        Map<String, Object> noRate = new HashMap<>();
        noRate.put("code", "NORATE-" + tag);
        noRate.put("name", "rate");
        noRate.put("kind", "RATE");
        assertRefused(noRate, "INVALID_INPUT", List.of("input", "ratePercent"));

        Map<String, Object> noAmount = fixedCoupon("NOAMOUNT-" + tag, 1_000, null, 1);
        noAmount.remove("fixedAmount");
        assertRefused(noAmount, "INVALID_INPUT", List.of("input", "fixedAmount"));

        Map<String, Object> badCurrency = fixedCoupon("BADCUR-" + tag, 1_000, null, 1);
        badCurrency.put("fixedAmount", Map.of("amount", 1_000, "currency", "won"));
        assertRefused(badCurrency, "INVALID_INPUT", List.of("input", "fixedAmount", "currency"));

        assertRefused(fixedCoupon("x", 1_000, null, 1), "INVALID_INPUT", List.of("input", "code"));

        Map<String, Object> backwards = fixedCoupon("BACKWARDS-" + tag, 1_000, null, 1);
        Instant from = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        backwards.put("validFrom", from.toString());
        backwards.put("validUntil", from.minus(1, ChronoUnit.DAYS).toString());
        assertRefused(backwards, "INVALID_INPUT", List.of("input", "validUntil"));

        kit.issueCoupon(admin, fixedCoupon("TWICE-" + tag, 1_000, null, 1));
        assertRefused(fixedCoupon("twice-" + tag, 2_000, null, 1), "DUPLICATE", List.of("input", "code"));
    }

    @Test
    void aMemberHoldsACouponInAsManyOrdersAsItsLimitAndACancelledOrderGivesTheUseBack() {
        Listing cap = kit.product(shop, "모자 " + tag, 30_000, List.of("색상"), new VariantSpec(List.of("네이비"), 0, 10));
        String code = "ONCE-" + tag;
        kit.issueCoupon(admin, fixedCoupon(code, 5_000, 20_000L, 1));
        Buyer buyer = kit.buyer("coupon");
        List<Map<String, Object>> lines = List.of(line(cap, cap.variant("네이비"), 1));

        Map<String, Object> first = kit.change(buyer.api(), "placeOrder", orderInput("first-" + tag, lines,
                seoulAddress(), code, 0, redirectPayment("KAKAO_PAY")));
        assertThat(first.get("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(first.get("couponCode")).isEqualTo(code);
        assertThat(amount(first.get("couponDiscount"))).isEqualTo(5_000);
        assertThat(amount(first.get("amountToPay"))).isEqualTo(30_000 - 5_000 + 3_000);
        await().atMost(OrderTestKit.WAIT).untilAsserted(() ->
                assertThat(number(kit.coupon(admin, code), "redemptions")).isEqualTo(1));

        // the limit is reached while the first order holds the coupon
        Map<String, Object> second = kit.mutate(buyer.api(), "placeOrder", orderInput("second-" + tag, lines,
                seoulAddress(), code, 0, redirectPayment("KAKAO_PAY")));
        assertThat(list(second, "errors")).singleElement().satisfies(error -> {
            assertThat(error.get("code")).isEqualTo("COUPON_NOT_APPLICABLE");
            assertThat(error.get("field")).isEqualTo(List.of("input", "couponCode"));
        });

        // cancelling the first order gives the use back
        assertThat(kit.change(buyer.api(), "cancelOrder", Map.of("orderId", first.get("id"), "reason", "쿠폰 재사용"))
                .get("status")).isEqualTo("CANCELLED");
        await().atMost(OrderTestKit.WAIT).untilAsserted(() ->
                assertThat(number(kit.coupon(admin, code), "redemptions")).isZero());
        Map<String, Object> third = kit.change(buyer.api(), "placeOrder", orderInput("third-" + tag, lines,
                seoulAddress(), code, 0, redirectPayment("KAKAO_PAY")));
        assertThat(third.get("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(amount(third.get("couponDiscount"))).isEqualTo(5_000);
    }

    @Test
    void withdrawCoupon_stopsNewOrdersAndHidesItFromBuyers() {
        Listing bag = kit.product(shop, "가방 " + tag, 40_000, List.of("색상"), new VariantSpec(List.of("브라운"), 0, 5));
        String code = "GONE-" + tag;
        kit.issueCoupon(admin, fixedCoupon(code, 4_000, null, 3));
        Buyer buyer = kit.buyer("withdrawn");
        assertThat(kit.coupon(buyer.api(), code)).containsEntry("status", "ACTIVE").containsEntry("redemptions", null);

        Map<String, Object> withdrawn = admin.documentName("couponMutations").operationName("withdrawCoupon")
                .fragmentName("couponFields").variable("input", Map.of("code", code, "reason", "캠페인 종료"))
                .execute()
                .path("withdrawCoupon.errors").entityList(Object.class).hasSize(0)
                .path("withdrawCoupon.coupon").entity(Map.class).get();
        assertThat(withdrawn).containsEntry("status", "WITHDRAWN");

        assertThat(kit.coupon(buyer.api(), code)).isNull();
        assertThat(kit.coupon(admin, code)).containsEntry("status", "WITHDRAWN");
        Map<String, Object> refused = kit.mutate(buyer.api(), "placeOrder", orderInput("withdrawn-" + tag,
                List.of(line(bag, bag.variant("브라운"), 1)), seoulAddress(), code, 0, redirectPayment("CARD")));
        assertThat(errorCodes(refused)).containsExactly("COUPON_NOT_APPLICABLE");
        assertThat(refused.get("order")).isNull();
    }

    private void assertRefused(Map<String, Object> input, String code, List<String> field) {
        Map<String, Object> payload = admin.documentName("couponMutations").operationName("issueCoupon")
                .fragmentName("couponFields").variable("input", input)
                .execute().path("issueCoupon").entity(Map.class).get();
        assertThat(payload.get("coupon")).isNull();
        assertThat(list(payload, "errors")).as(input.toString()).anySatisfy(error -> {
            assertThat(error.get("code")).isEqualTo(code);
            assertThat(error.get("field")).isEqualTo(field);
        });
    }

    private static void assertForbidden(HttpGraphQlTester issuer, Map<String, Object> input) {
        issuer.documentName("couponMutations").operationName("issueCoupon").fragmentName("couponFields")
                .variable("input", input)
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    private static List<String> couponCodes(HttpGraphQlTester caller) {
        return caller.documentName("couponQueries").operationName("coupons").fragmentName("couponFields")
                .variable("activeOnly", true).variable("first", 100)
                .execute().path("coupons[*].code").entityList(String.class).get();
    }
}
