package io.jangteo.graphql;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the order use cases need, set up over HTTP like a client would: approved seller shops with shipping policies,
 * published products with stock, members with points and stored payment methods, coupons; and checkout driven through
 * the order documents. Everything it creates is new, so tests stay independent. It holds only the server's address,
 * so a test that runs its own application (another deposit deadline) uses it the same way.
 */
final class OrderTestKit {

    static final String PASSWORD = "correct horse 1";
    static final Duration WAIT = Duration.ofSeconds(60);

    private final String baseUrl;

    OrderTestKit(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A registered, signed-in member. */
    record Buyer(String memberId, String email, String token, HttpGraphQlTester api) {
    }

    /** An approved shop and a seller token of it. */
    record Shop(String sellerId, String name, String actorId, HttpGraphQlTester api) {
    }

    /** A published product; variant ids by their option values joined with "/". */
    record Listing(String productId, Map<String, String> variantIds) {
        String variant(String... optionValues) {
            String id = variantIds.get(String.join("/", optionValues));
            assertThat(id).as("variant " + String.join("/", optionValues)).isNotNull();
            return id;
        }
    }

    /** A variant to create: one value per option axis, the price delta and the units received. */
    record VariantSpec(List<String> optionValues, long priceDelta, long stock) {
    }

    /**
     * @param freeFrom item total from which the base fee is waived; null for never
     */
    record Policy(long baseFee, Long freeFrom, long jejuSurcharge, long returnFee, long exchangeFee) {
    }

    // ---- callers ----

    String baseUrl() {
        return baseUrl;
    }

    HttpGraphQlTester anonymous() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl(baseUrl + "/graphql")
                .responseTimeout(WAIT)
                .build();
        return HttpGraphQlTester.create(client);
    }

    HttpGraphQlTester bearer(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    /** A development token of a fixed role (no account); {@code subject} becomes the actor id. */
    String token(String role, String sellerId, String subject) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("role", role);
        variables.put("sellerId", sellerId);
        variables.put("subject", subject);
        return anonymous().documentName("devLogin").variables(variables)
                .execute()
                .path("devLogin.errors").entityList(Object.class).hasSize(0)
                .path("devLogin.token").entity(String.class).get();
    }

    HttpGraphQlTester as(String role, String sellerId, String subject) {
        return bearer(token(role, sellerId, subject));
    }

    HttpGraphQlTester admin() {
        return as("ADMIN", null, "kit-admin");
    }

    // ---- members ----

    Buyer buyer(String who) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.jangteo.test";
        Map<String, Object> registration = new HashMap<>();
        registration.put("email", email);
        registration.put("password", PASSWORD);
        registration.put("name", "구매자 " + who);
        registration.put("phone", "010-2345-6789");
        String memberId = anonymous().documentName("registerMember").variable("input", registration).execute()
                .path("registerMember.errors").entityList(Object.class).hasSize(0)
                .path("registerMember.member.id").entity(String.class).get();
        String token = anonymous().documentName("logIn")
                .variable("input", Map.of("email", email, "password", PASSWORD)).execute()
                .path("logIn.errors").entityList(Object.class).hasSize(0)
                .path("logIn.accessToken").entity(String.class).get();
        return new Buyer(memberId, email, token, bearer(token));
    }

    /** Points (적립금) an admin gives, spendable at once. */
    void givePoints(Buyer buyer, long points) {
        admin().document("""
                        mutation($input: AdjustPointsInput!) {
                          adjustPoints(input: $input) { member { id } errors { code field message } }
                        }""")
                .variable("input", Map.of("memberId", buyer.memberId(), "delta", points, "reason", "order test"))
                .execute()
                .path("adjustPoints.errors").entityList(Object.class).hasSize(0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(pointsAvailable(buyer)).isGreaterThanOrEqualTo(points));
    }

    long pointsAvailable(Buyer buyer) {
        return buyer.api().document("{ me { points { available } } }").execute()
                .path("me.points.available").entity(Long.class).get();
    }

    /** A stored card (브랜드페이) from the sandbox provider's authKey; answers its id. */
    String storePaymentMethod(Buyer buyer) {
        List<String> ids = buyer.api().document("""
                        mutation($input: RegisterPaymentMethodInput!) {
                          registerPaymentMethod(input: $input) {
                            member { paymentMethods { id last4 } } errors { code field message }
                          }
                        }""")
                .variable("input", Map.of("provider", "TOSS",
                        // the provider hands out each authKey once: the nonce makes it this member's own
                        "authKey", "sandbox_VISA_4242_1230_" + UUID.randomUUID().toString().substring(0, 8)))
                .execute()
                .path("registerPaymentMethod.errors").entityList(Object.class).hasSize(0)
                .path("registerPaymentMethod.member.paymentMethods[*].id").entityList(String.class).get();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    // ---- shops and products ----

    /** A shop registered by an applicant, approved by an admin, with a shipping policy of its seller. */
    Shop shop(String name, Policy policy) {
        String applicant = "kit-applicant-" + UUID.randomUUID().toString().substring(0, 8);
        String sellerId = as("CUSTOMER", null, applicant).documentName("registerSeller")
                .variable("input", Map.of(
                        "shopName", name, "representative", "정바다", "businessNumber", "220-81-62517",
                        "contactEmail", "shop@order.example", "contactPhone", "010-1234-5678",
                        "settlementAccount", Map.of("bankCode", "088", "holderName", "정바다",
                                "maskedNumber", "110-***-***789", "providerToken", "tok_bank_1")))
                .execute()
                .path("registerSeller.errors").entityList(Object.class).hasSize(0)
                .path("registerSeller.seller.id").entity(String.class).get();
        admin().documentName("sellerDecision").operationName("approveSeller").variable("sellerId", sellerId)
                .execute()
                .path("approveSeller.errors").entityList(Object.class).hasSize(0)
                .path("approveSeller.seller.status").entity(String.class).isEqualTo("ACTIVE");
        String actorId = "kit-seller-" + sellerId;
        HttpGraphQlTester seller = as("SELLER", sellerId, actorId);
        Map<String, Object> shipping = new HashMap<>();
        shipping.put("baseFee", won(policy.baseFee()));
        shipping.put("freeShippingThreshold", policy.freeFrom() == null ? null : won(policy.freeFrom()));
        shipping.put("bundleShipping", true);
        shipping.put("jejuSurcharge", won(policy.jejuSurcharge()));
        shipping.put("remoteIslandSurcharge", won(5_000));
        shipping.put("returnFee", won(policy.returnFee()));
        shipping.put("exchangeFee", won(policy.exchangeFee()));
        seller.documentName("changeShippingPolicy").variable("input", Map.of("policy", shipping))
                .execute()
                .path("changeShippingPolicy.errors").entityList(Object.class).hasSize(0);
        return new Shop(sellerId, name, actorId, seller);
    }

    /** A product with one variant per spec (each axis named in {@code axes}), published. */
    @SuppressWarnings("unchecked")
    Listing product(Shop shop, String name, long basePrice, List<String> axes, VariantSpec... specs) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int axis = 0; axis < axes.size(); axis++) {
            List<String> values = new ArrayList<>();
            for (VariantSpec spec : specs) {
                String value = spec.optionValues().get(axis);
                if (!values.contains(value)) {
                    values.add(value);
                }
            }
            options.add(Map.of("name", axes.get(axis), "values", values));
        }
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantSpec spec : specs) {
            variants.add(Map.of("optionValues", spec.optionValues(), "priceDelta", won(spec.priceDelta()),
                    "weightGrams", 300, "initialStock", spec.stock()));
        }
        Map<String, Object> product = shop.api().documentName("createCatalogProduct")
                .variable("input", Map.of("name", name, "basePrice", won(basePrice), "options", options,
                        "variants", variants))
                .execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product").entity(Map.class).get();
        String productId = (String) product.get("id");
        shop.api().documentName("productLifecycle").operationName("publishProduct").variable("productId", productId)
                .execute()
                .path("publishProduct.errors").entityList(Object.class).hasSize(0);
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, Object> variant : (List<Map<String, Object>>) product.get("variants")) {
            ids.put(String.join("/", (List<String>) variant.get("optionValues")), (String) variant.get("id"));
        }
        return new Listing(productId, ids);
    }

    /** A variant's stock as its seller sees it: available, onHand, reserved. */
    @SuppressWarnings("unchecked")
    Map<String, Long> stock(Shop shop, String productId, String variantId) {
        Map<String, Object> product = shop.api().documentName("findProducts").operationName("storefrontProduct")
                .variable("id", productId).execute().path("product").entity(Map.class).get();
        Map<String, Object> stock = ((List<Map<String, Object>>) product.get("variants")).stream()
                .filter(v -> variantId.equals(v.get("id"))).findFirst().map(v -> (Map<String, Object>) v.get("stock"))
                .orElseThrow();
        Map<String, Long> levels = new LinkedHashMap<>();
        stock.forEach((level, units) -> levels.put(level, units == null ? null : ((Number) units).longValue()));
        return levels;
    }

    void awaitStock(Shop shop, String productId, String variantId, long available, long onHand, long reserved) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(stock(shop, productId, variantId))
                .containsEntry("available", available).containsEntry("onHand", onHand)
                .containsEntry("reserved", reserved));
    }

    // ---- coupons ----

    /** Issues a coupon; answers it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> issueCoupon(HttpGraphQlTester issuer, Map<String, Object> input) {
        Map<String, Object> payload = issuer.documentName("couponMutations").operationName("issueCoupon")
                .fragmentName("couponFields").variable("input", input)
                .execute().path("issueCoupon").entity(Map.class).get();
        assertThat((List<?>) payload.get("errors")).as("issueCoupon errors").isEmpty();
        return (Map<String, Object>) payload.get("coupon");
    }

    static Map<String, Object> fixedCoupon(String code, long amount, Long minimumOrder, int perMemberLimit) {
        Map<String, Object> input = new HashMap<>();
        input.put("code", code);
        input.put("name", "쿠폰 " + code);
        input.put("kind", "FIXED");
        input.put("fixedAmount", won(amount));
        input.put("minimumOrder", minimumOrder == null ? null : won(minimumOrder));
        input.put("perMemberLimit", perMemberLimit);
        return input;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> coupon(HttpGraphQlTester caller, String code) {
        GraphQlTester.Response response = caller.documentName("couponQueries").operationName("coupon")
                .fragmentName("couponFields").variable("code", code).execute();
        try {
            response.path("coupon").valueIsNull();
            return null;
        } catch (AssertionError present) {
            return response.path("coupon").entity(Map.class).get();
        }
    }

    // ---- orders ----

    static Map<String, Object> line(Listing listing, String variantId, int quantity) {
        return Map.of("productId", listing.productId(), "variantId", variantId, "quantity", quantity);
    }

    /** 제주: postcodes 63000–63644 carry the Jeju surcharge. */
    static Map<String, Object> jejuAddress() {
        return address("63309", "제주특별자치도 제주시 첨단로 242");
    }

    static Map<String, Object> seoulAddress() {
        return address("04524", "서울특별시 중구 세종대로 110");
    }

    static Map<String, Object> address(String postcode, String address1) {
        Map<String, Object> address = new HashMap<>();
        address.put("recipient", "김장터");
        address.put("phone", "010-2345-6789");
        address.put("country", "KR");
        address.put("postcode", postcode);
        address.put("address1", address1);
        address.put("address2", "101호");
        address.put("memo", "문 앞에 놓아 주세요");
        return address;
    }

    static Map<String, Object> redirectPayment(String method) {
        return Map.of("method", method, "returnUrl", "https://shop.example/orders/return");
    }

    static Map<String, Object> brandPay(String storedMethodId) {
        return Map.of("method", "BRAND_PAY", "storedMethodId", storedMethodId);
    }

    static Map<String, Object> bankTransfer() {
        return Map.of("method", "BANK_TRANSFER");
    }

    static Map<String, Object> orderInput(String key, List<Map<String, Object>> lines, Map<String, Object> address,
                                          String couponCode, long points, Map<String, Object> payment) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", key);
        input.put("lines", lines);
        input.put("shippingAddress", address);
        input.put("couponCode", couponCode);
        input.put("points", points);
        input.put("payment", payment);
        return input;
    }

    /** Runs an order mutation and answers its payload: orderId, order and errors. */
    @SuppressWarnings("unchecked")
    Map<String, Object> mutate(HttpGraphQlTester caller, String mutation, Map<String, Object> input) {
        return caller.documentName("orderMutations").operationName(mutation).fragmentName("orderFields")
                .variable("input", input).execute()
                .path(mutation).entity(Map.class).get();
    }

    /** Runs an order mutation that must succeed; answers the order after it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> change(HttpGraphQlTester caller, String mutation, Map<String, Object> input) {
        Map<String, Object> payload = mutate(caller, mutation, input);
        assertThat((List<?>) payload.get("errors")).as(mutation + " errors").isEmpty();
        assertThat(payload.get("order")).as(mutation + " order").isNotNull();
        return (Map<String, Object>) payload.get("order");
    }

    /** The order as the caller sees it; null when not visible. */
    @SuppressWarnings("unchecked")
    Map<String, Object> order(HttpGraphQlTester caller, String orderId) {
        GraphQlTester.Response response = caller.documentName("orderQueries").operationName("order")
                .fragmentName("orderFields").variable("id", orderId).execute();
        response.errors().verify();
        return (Map<String, Object>) response.returnResponse().field("order").getValue();
    }

    Map<String, Object> awaitOrder(HttpGraphQlTester caller, String orderId, Predicate<Map<String, Object>> reached) {
        List<Map<String, Object>> seen = new ArrayList<>(List.of(Map.of()));
        await().atMost(WAIT).until(() -> {
            Map<String, Object> order = order(caller, orderId);
            seen.set(0, order == null ? Map.of() : order);
            return order != null && reached.test(order);
        });
        return seen.get(0);
    }

    Map<String, Object> awaitStatus(HttpGraphQlTester caller, String orderId, String status) {
        return awaitOrder(caller, orderId, order -> status.equals(order.get("status")));
    }

    /** The order's history, oldest first (the buyer, support and admins). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history(HttpGraphQlTester caller, String orderId) {
        return (List<Map<String, Object>>) (List<?>) caller.documentName("orderQueries").operationName("orderHistory")
                .fragmentName("orderFields").variable("id", orderId).variable("first", 200).execute()
                .path("order.history.edges[*].node").entityList(Map.class).get();
    }

    static List<String> eventTypes(List<Map<String, Object>> history) {
        return history.stream().map(entry -> (String) entry.get("eventType")).toList();
    }

    @SuppressWarnings("unchecked")
    static String actorOf(Map<String, Object> entry) {
        return (String) ((Map<String, Object>) entry.get("actor")).get("id");
    }

    @SuppressWarnings("unchecked")
    static String roleOf(Map<String, Object> entry) {
        return (String) ((Map<String, Object>) entry.get("actor")).get("role");
    }

    // ---- values ----

    static Map<String, Object> won(long amount) {
        return Map.of("amount", amount, "currency", "KRW");
    }

    /** The amount of a Money answer. */
    @SuppressWarnings("unchecked")
    static long amount(Object money) {
        return ((Number) ((Map<String, Object>) money).get("amount")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String field) {
        return (Map<String, Object>) parent.get(field);
    }

    static long number(Map<String, Object> parent, String field) {
        return ((Number) parent.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<String> errorCodes(Map<String, Object> payload) {
        return ((List<Map<String, Object>>) payload.get("errors")).stream().map(e -> (String) e.get("code")).toList();
    }
}
