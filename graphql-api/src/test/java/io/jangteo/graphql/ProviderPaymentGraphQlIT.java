package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.brandPay;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.number;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.redirectPayment;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * providerPayment: support and admins read what the payment provider holds for an order's payment, to reconcile it
 * with the order; nobody else may.
 */
class ProviderPaymentGraphQlIT extends GraphQlTestSupport {

    private static final String DOCUMENT = """
            query($key: String!) {
              providerPayment(paymentKey: $key) {
                paymentKey orderId method status amount { amount currency } refunded { amount currency } transactions
              }
            }""";

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private OrderTestKit kit;
    private Listing mug;
    private Buyer buyer;

    @BeforeEach
    void aShopAndABuyer() {
        kit = new OrderTestKit(port);
        Shop shop = kit.shop("대조상회 " + tag, new Policy(3_000, 30_000L, 3_000, 3_000, 3_000));
        mug = kit.product(shop, "머그 " + tag, 12_000, List.of("색상"), new VariantSpec(List.of("흰색"), 0, 20));
        buyer = kit.buyer("reconcile");
    }

    @Test
    void providerPaymentShowsSupportOneTransactionForAPaidBrandPayOrder() {
        Map<String, Object> order = kit.change(buyer.api(), "placeOrder", orderInput("rc-" + tag,
                List.of(line(mug, mug.variant("흰색"), 2)), seoulAddress(), null, 0,
                brandPay(kit.storePaymentMethod(buyer))));
        assertThat(order.get("status")).isEqualTo("PAID");
        String paymentKey = (String) map(order, "payment").get("paymentKey");

        Map<String, Object> atProvider = providerPayment(kit.as("SUPPORT", null, "support-" + tag), paymentKey);

        assertThat(atProvider).containsEntry("paymentKey", paymentKey).containsEntry("method", "BRAND_PAY")
                .containsEntry("status", "APPROVED").containsEntry("transactions", 1)
                // a billing-key charge names no order at the provider
                .containsEntry("orderId", null);
        assertThat(amount(atProvider.get("amount"))).isEqualTo(amount(order.get("amountToPay")));
        assertThat(amount(atProvider.get("refunded"))).isZero();
    }

    @Test
    void providerPaymentShowsAnAdminARedirectPaymentWithItsOrderAndNoTransactionUntilApproved() {
        Map<String, Object> order = kit.change(buyer.api(), "placeOrder", orderInput("rk-" + tag,
                List.of(line(mug, mug.variant("흰색"), 1)), seoulAddress(), null, 0, redirectPayment("KAKAO_PAY")));
        String orderId = (String) order.get("id");
        String paymentKey = (String) map(order, "payment").get("paymentKey");
        HttpGraphQlTester admin = kit.admin();

        assertThat(providerPayment(admin, paymentKey)).containsEntry("orderId", orderId)
                .containsEntry("method", "KAKAO_PAY").containsEntry("status", "READY")
                .containsEntry("transactions", 0);

        kit.change(buyer.api(), "approvePayment", Map.of("orderId", orderId, "approvalToken", "sandbox_ok"));

        Map<String, Object> approved = providerPayment(admin, paymentKey);
        assertThat(approved).containsEntry("status", "APPROVED");
        assertThat(number(approved, "transactions")).isEqualTo(1);
    }

    @Test
    void providerPaymentIsNullForAKeyTheProviderDoesNotKnow() {
        assertThat(providerPayment(kit.admin(), "pay-ord-" + tag + "-unknown")).isNull();
        assertThat(providerPayment(kit.admin(), "not a key / at all")).isNull();
    }

    @Test
    void providerPaymentIsForbiddenToBuyersSellersAndAnalystsAndAsksAGuestToSignIn() {
        for (HttpGraphQlTester caller : List.of(buyer.api(), kit.as("SELLER", "shop-" + tag, "seller-" + tag),
                kit.as("ANALYST", null, "analyst-" + tag))) {
            assertError(caller, "FORBIDDEN");
        }
        assertError(kit.anonymous(), "UNAUTHENTICATED");
    }

    private static void assertError(HttpGraphQlTester caller, String code) {
        caller.document(DOCUMENT).variable("key", "pay-ord-anything").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> providerPayment(HttpGraphQlTester caller, String paymentKey) {
        GraphQlTester.Response response = caller.document(DOCUMENT).variable("key", paymentKey).execute();
        response.errors().verify();
        return (Map<String, Object>) response.returnResponse().field("providerPayment").getValue();
    }
}
