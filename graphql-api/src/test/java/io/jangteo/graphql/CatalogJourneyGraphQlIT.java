package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog use case end to end over HTTP: a seller registers and is approved, sets a shipping policy with a Jeju
 * surcharge, creates a product with 2×3 variants and publishes it; a customer finds it by category and by text and
 * gets a quote to Jeju that includes the surcharge; another seller may not change it.
 */
class CatalogJourneyGraphQlIT extends GraphQlTestSupport {

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    @SuppressWarnings("unchecked")
    void aSellerListsAProductThatACustomerFindsAndGetsAJejuQuoteFor() {
        HttpGraphQlTester admin = as("ADMIN", null);

        // a would-be seller signs up; the shop waits for approval
        HttpGraphQlTester applicant = as("CUSTOMER", null);
        Map<String, Object> registered = applicant.documentName("registerSeller")
                .variable("input", Map.of(
                        "shopName", "바다상회 " + tag, "representative", "정바다", "businessNumber", "220-81-62517",
                        "contactEmail", "shop@bada.example", "contactPhone", "010-1234-5678",
                        "settlementAccount", Map.of("bankCode", "088", "holderName", "정바다",
                                "maskedNumber", "110-***-***789", "providerToken", "tok_bank_1")))
                .execute()
                .path("registerSeller.errors").entityList(Object.class).hasSize(0)
                .path("registerSeller.seller").entity(Map.class).get();
        String sellerId = (String) registered.get("id");
        assertThat(registered.get("status")).isEqualTo("PENDING");
        assertThat(registered.get("businessNumber")).isEqualTo("2208162517");

        admin.documentName("sellerDecision").operationName("approveSeller").variable("sellerId", sellerId)
                .execute()
                .path("approveSeller.errors").entityList(Object.class).hasSize(0)
                .path("approveSeller.seller.status").entity(String.class).isEqualTo("ACTIVE");

        HttpGraphQlTester seller = seller(sellerId);
        seller.documentName("changeShippingPolicy")
                .variable("input", Map.of("policy", Map.of(
                        "baseFee", won(3_000), "freeShippingThreshold", won(50_000), "bundleShipping", true,
                        "jejuSurcharge", won(3_000), "remoteIslandSurcharge", won(5_000),
                        "returnFee", won(6_000), "exchangeFee", won(6_000))))
                .execute()
                .path("changeShippingPolicy.errors").entityList(Object.class).hasSize(0)
                .path("changeShippingPolicy.seller.shippingPolicyVersion").entity(Integer.class).isEqualTo(1)
                .path("changeShippingPolicy.seller.shippingPolicy.jejuSurcharge.amount").entity(Long.class)
                .isEqualTo(3_000L);

        String clothing = category(admin, null, "의류 " + tag);
        String tops = category(admin, clothing, "상의 " + tag);

        Map<String, Object> product = seller.documentName("createCatalogProduct")
                .variable("input", Map.of(
                        "name", "린넨 셔츠 " + tag, "brand", "BADA", "categoryId", tops,
                        "tags", List.of("linen", "여름"), "basePrice", won(39_000),
                        "options", List.of(Map.of("name", "색상", "values", List.of("화이트", "블루")),
                                Map.of("name", "사이즈", "values", List.of("S", "M", "L"))),
                        "variants", List.of(
                                variant("화이트", "S", 0, 5), variant("화이트", "M", 0, 5), variant("화이트", "L", 2_000, 5),
                                variant("블루", "S", 0, 5), variant("블루", "M", 0, 5), variant("블루", "L", 2_000, 0))))
                .execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product").entity(Map.class).get();
        String productId = (String) product.get("id");
        assertThat(product.get("status")).isEqualTo("DRAFT");
        assertThat((List<?>) product.get("variants")).hasSize(6);
        assertThat(((Map<String, Object>) product.get("category")).get("id")).isEqualTo(tops);
        assertThat(product.get("priceRange")).isEqualTo(Map.of("min", Map.of("amount", 39_000),
                "max", Map.of("amount", 41_000)));

        // a draft is the seller's business only
        HttpGraphQlTester customer = as("CUSTOMER", null);
        customer.documentName("findProducts").operationName("storefrontProduct").variable("id", productId)
                .execute().path("product").valueIsNull();

        seller.documentName("productLifecycle").operationName("publishProduct").variable("productId", productId)
                .execute()
                .path("publishProduct.errors").entityList(Object.class).hasSize(0)
                .path("publishProduct.product.status").entity(String.class).isEqualTo("ON_SALE");

        // found by the parent category (sub-categories included) and by text in a tag, with its seller batch-loaded
        Map<String, Object> byCategory = customer.documentName("findProducts").operationName("findProducts")
                .variable("filter", Map.of("categoryId", clothing))
                .execute().path("products").entity(Map.class).get();
        assertThat(byCategory.get("totalCount")).isEqualTo(1);
        Map<String, Object> node = node(byCategory, 0);
        assertThat(node.get("id")).isEqualTo(productId);
        assertThat(((Map<String, Object>) node.get("seller")).get("shopName")).isEqualTo("바다상회 " + tag);

        Map<String, Object> byText = customer.documentName("findProducts").operationName("findProducts")
                .variable("filter", Map.of("text", "린넨 셔츠 " + tag.toUpperCase()))
                .execute().path("products").entity(Map.class).get();
        assertThat(byText.get("totalCount")).isEqualTo(1);
        assertThat(node(byText, 0).get("id")).isEqualTo(productId);

        // customers see what is available, not the seller's stock levels
        Map<String, Object> seen = customer.documentName("findProducts").operationName("storefrontProduct")
                .variable("id", productId).execute().path("product").entity(Map.class).get();
        Map<String, Object> firstStock = (Map<String, Object>) ((List<Map<String, Object>>) seen.get("variants"))
                .get(0).get("stock");
        assertThat(firstStock.get("available")).isEqualTo(5);
        assertThat(firstStock.get("onHand")).isNull();

        // two shirts to Jeju: 78,000 won crosses the free-shipping threshold, the Jeju surcharge stays
        Map<String, Object> quote = customer.documentName("shippingQuote")
                .variable("input", Map.of(
                        "items", List.of(Map.of("productId", productId, "variantId", variantId(product, "화이트", "M"),
                                "quantity", 2)),
                        "destination", Map.of("country", "KR", "postcode", "63100")))
                .execute()
                .path("shippingQuote.errors").entityList(Object.class).hasSize(0)
                .path("shippingQuote.quote").entity(Map.class).get();
        assertThat(quote.get("total")).isEqualTo(Map.of("amount", 3_000, "currency", "KRW"));
        Map<String, Object> fee = ((List<Map<String, Object>>) quote.get("sellers")).get(0);
        assertThat(fee.get("sellerId")).isEqualTo(sellerId);
        assertThat(fee.get("policyVersion")).isEqualTo(1);
        assertThat(((List<Map<String, Object>>) fee.get("breakdown")).stream().map(c -> c.get("kind")).toList())
                .containsExactly("BASE", "FREE_SHIPPING", "JEJU");

        // one shirt to Seoul: below the threshold, base fee only
        customer.documentName("shippingQuote")
                .variable("input", Map.of(
                        "items", List.of(Map.of("productId", productId, "variantId", variantId(product, "블루", "S"),
                                "quantity", 1)),
                        "destination", Map.of("country", "KR", "postcode", "04524")))
                .execute()
                .path("shippingQuote.quote.total.amount").entity(Long.class).isEqualTo(3_000L);

        // abroad: this shop does not ship overseas
        customer.documentName("shippingQuote")
                .variable("input", Map.of(
                        "items", List.of(Map.of("productId", productId, "variantId", variantId(product, "블루", "S"),
                                "quantity", 1)),
                        "destination", Map.of("country", "JP")))
                .execute()
                .path("shippingQuote.quote").valueIsNull()
                .path("shippingQuote.errors[0].code").entity(String.class).isEqualTo("NOT_SHIPPABLE");

        // another shop's seller may not touch it, and nothing changes
        seller("other-" + tag).documentName("renameProduct")
                .variable("input", Map.of("productId", productId, "name", "Stolen"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        customer.documentName("findProducts").operationName("storefrontProduct").variable("id", productId)
                .execute().path("product.name").entity(String.class).isEqualTo("린넨 셔츠 " + tag);
    }

    private static Map<String, Object> won(long amount) {
        return Map.of("amount", amount, "currency", "KRW");
    }

    private static Map<String, Object> variant(String colour, String size, long delta, long stock) {
        return Map.of("optionValues", List.of(colour, size), "priceDelta", won(delta), "weightGrams", 300,
                "initialStock", stock);
    }

    private String category(HttpGraphQlTester admin, String parentId, String name) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("parentId", parentId);
        variables.put("name", name);
        return admin.documentName("addCategory").variables(variables)
                .execute()
                .path("addCategory.errors").entityList(Object.class).hasSize(0)
                .path("addCategory.category.id").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> connection, int index) {
        return (Map<String, Object>) ((List<Map<String, Object>>) connection.get("edges")).get(index).get("node");
    }

    @SuppressWarnings("unchecked")
    private static String variantId(Map<String, Object> product, String colour, String size) {
        return ((List<Map<String, Object>>) product.get("variants")).stream()
                .filter(v -> v.get("optionValues").equals(List.of(colour, size)))
                .map(v -> (String) v.get("id")).findFirst().orElseThrow();
    }
}
