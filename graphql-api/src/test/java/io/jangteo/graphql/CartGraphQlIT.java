package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The cart use case end to end over HTTP: a guest fills a cart from two shops and sees it quoted with each shop's
 * shipping fee, signs in with the cart's token and finds the items in their member cart (added to what they had),
 * changes and removes lines, and is refused a quantity out of range; nobody but the member and staff reads the cart.
 */
class CartGraphQlIT extends MemberTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    /** An approved shop with a shipping policy and one published product; its variants by option value. */
    private record Shop(String sellerId, String productId, Map<String, String> variants) {
        String variant(String optionValue) {
            return variants.get(optionValue);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGuestsCartFollowsThemIntoTheirAccountWhereTheyChangeIt() {
        Shop tea = shop("찻집", 3_000, 12_000, List.of(option("50g", 0, 10), option("100g", 8_000, 5)));
        Shop pottery = shop("도자기", 4_000, 20_000, List.of(option("화이트", 0, 3)));

        // the guest's first item opens a guest cart, whose token comes back once
        HttpGraphQlTester guest = anonymous();
        Map<String, Object> first = mutate(guest, "addToCart",
                line(null, tea.productId(), tea.variant("50g"), 2));
        String token = (String) first.get("guestToken");
        assertThat(token).isNotBlank();
        Map<String, Object> firstItem = items(first.get("cart")).get(0);
        assertThat(firstItem).containsEntry("name", "녹차 " + tag).containsEntry("quantity", 2)
                .containsEntry("purchasable", true).containsEntry("availableStock", 10)
                .containsEntry("optionValues", List.of("50g"))
                .containsEntry("unitPrice", won(12_000)).containsEntry("lineAmount", won(24_000));

        Map<String, Object> second = mutate(guest, "addToCart",
                line(token, pottery.productId(), pottery.variant("화이트"), 1));
        assertThat(second.get("guestToken")).isEqualTo(token);
        assertThat((Map<String, Object>) second.get("cart")).containsEntry("itemCount", 2)
                .containsEntry("totalQuantity", 3).containsEntry("itemsTotal", won(44_000));

        // read back with the token; without it there is no cart
        Map<String, Object> guestCart = cart(guest, token, null);
        assertThat(items(guestCart)).extracting(item -> item.get("productId"))
                .containsExactly(tea.productId(), pottery.productId());
        assertThat(guestCart.get("pointsAvailable")).isNull();
        guest.documentName("cart").operationName("cart").execute().path("cart").valueIsNull();

        // a member with a cart of their own signs in with the guest's token
        Account account = newCustomer("cart");
        Map<String, Object> own = mutate(bearer(account.accessToken()), "addToCart",
                line(null, tea.productId(), tea.variant("50g"), 1));
        assertThat(own.get("guestToken")).isNull();
        String accessToken = anonymous().documentName("cartLogIn")
                .variable("input", Map.of("email", account.email(), "password", PASSWORD, "guestCartToken", token))
                .execute()
                .path("logIn.errors").entityList(Object.class).hasSize(0)
                .path("logIn.accessToken").entity(String.class).get();
        HttpGraphQlTester member = bearer(accessToken);

        // the tea's quantities add up, the mug joins after it; the guest cart is empty now
        Map<String, Object> merged = cart(member, null, null);
        assertThat(merged.get("id")).isEqualTo("cart-" + account.memberId());
        assertThat(items(merged)).extracting(item -> item.get("productId"), item -> item.get("quantity"))
                .containsExactly(tuple(tea.productId(), 3),
                        tuple(pottery.productId(), 1));
        assertThat(merged.get("pointsAvailable")).isEqualTo(0);
        assertThat(cart(guest, token, null).get("itemCount")).isEqualTo(0);

        // change a quantity, remove a line
        Map<String, Object> changed = mutate(member, "changeCartItemQuantity",
                line(null, tea.productId(), tea.variant("50g"), 5));
        assertThat(items(changed.get("cart")).get(0)).containsEntry("quantity", 5)
                .containsEntry("lineAmount", won(60_000));
        Map<String, Object> removed = mutate(member, "removeFromCart",
                Map.of("productId", pottery.productId(), "variantId", pottery.variant("화이트")));
        assertThat(items(removed.get("cart"))).extracting(item -> item.get("productId"))
                .containsExactly(tea.productId());

        // quantities out of range are refused with the field to fix, and change nothing
        refused(member, "changeCartItemQuantity", line(null, tea.productId(), tea.variant("50g"), 0),
                "INVALID_INPUT", List.of("input", "quantity"));
        refused(member, "addToCart", line(null, tea.productId(), tea.variant("50g"), 1_000),
                "INVALID_INPUT", List.of("input", "quantity"));
        refused(member, "removeFromCart",
                Map.of("productId", pottery.productId(), "variantId", pottery.variant("화이트")),
                "NOT_FOUND", List.of("input", "variantId"));
        assertThat(items(cart(member, null, null)).get(0)).containsEntry("quantity", 5);

        // another member may not read it, support may; the other member's own cart is theirs (and empty)
        Account stranger = newCustomer("stranger");
        bearer(stranger.accessToken()).documentName("cart").operationName("cart")
                .variable("memberId", account.memberId())
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        Map<String, Object> strangersOwn = cart(bearer(stranger.accessToken()), null, null);
        assertThat(strangersOwn.get("id")).isEqualTo("cart-" + stranger.memberId());
        assertThat(strangersOwn.get("itemCount")).isEqualTo(0);
        Map<String, Object> seenBySupport = cart(as("SUPPORT", null), null, account.memberId());
        assertThat(items(seenBySupport)).extracting(item -> item.get("quantity")).containsExactly(5);
    }

    /** Awaits the QuoteOrderQuery handler (query side, another part of issue 5) to pass. */
    @Test
    @SuppressWarnings("unchecked")
    void aGuestCartIsQuotedWithEachShopsShippingFee() {
        Shop tea = shop("찻집", 3_000, 12_000, List.of(option("50g", 0, 10)));
        Shop pottery = shop("도자기", 4_000, 20_000, List.of(option("화이트", 0, 3)));
        HttpGraphQlTester guest = anonymous();
        String token = (String) mutate(guest, "addToCart", line(null, tea.productId(), tea.variant("50g"), 2))
                .get("guestToken");
        mutate(guest, "addToCart", line(token, pottery.productId(), pottery.variant("화이트"), 1));

        Map<String, Object> quote = guest.documentName("cart").operationName("cartQuote")
                .variable("guestToken", token)
                .variable("destination", Map.of("country", "KR", "postcode", "04524"))
                .execute()
                .path("cart.quote").entity(Map.class).get();

        assertThat(quote.get("errors")).isEqualTo(List.of());
        List<Map<String, Object>> sellers = (List<Map<String, Object>>) quote.get("sellers");
        assertThat(sellers).extracting(s -> s.get("sellerId"), s -> ((Map<String, Object>) s.get("shippingFee")).get("amount"))
                .containsExactly(tuple(tea.sellerId(), 3_000),
                        tuple(pottery.sellerId(), 4_000));
        assertThat(quote.get("itemsTotal")).isEqualTo(Map.of("amount", 44_000));
        assertThat(quote.get("shippingTotal")).isEqualTo(Map.of("amount", 7_000));
        assertThat(quote.get("amountToPay")).isEqualTo(won(51_000));
    }

    @Test
    void linesThatCannotBeBoughtStayInTheCartMarkedWithTheReason() {
        Shop tea = shop("찻집", 3_000, 12_000, List.of(option("50g", 0, 10), option("100g", 8_000, 5)));
        HttpGraphQlTester guest = anonymous();
        String token = (String) mutate(guest, "addToCart", line(null, tea.productId(), tea.variant("100g"), 6))
                .get("guestToken");
        // the cart does not ask the catalog: an id of nothing is kept, and shown as such
        mutate(guest, "addToCart", line(token, "no-such-product-" + tag, "v1", 1));

        List<Map<String, Object>> items = items(cart(guest, token, null));

        assertThat(items.get(0)).containsEntry("purchasable", false)
                .containsEntry("unavailableReason", "NOT_ENOUGH_STOCK").containsEntry("availableStock", 5)
                .containsEntry("unitPrice", won(20_000));
        assertThat(items.get(1)).containsEntry("purchasable", false).containsEntry("unavailableReason", "NOT_FOUND")
                .containsEntry("name", null).containsEntry("product", null);
        assertThat(cart(guest, token, null).get("itemsTotal")).isNull();
    }

    @Test
    void aSignedInMemberMergesAGuestCartOnceAndABadTokenIsRefused() {
        Shop tea = shop("찻집", 3_000, 12_000, List.of(option("50g", 0, 10)));
        HttpGraphQlTester guest = anonymous();
        String token = (String) mutate(guest, "addToCart", line(null, tea.productId(), tea.variant("50g"), 2))
                .get("guestToken");
        Account account = newCustomer("merger");
        HttpGraphQlTester member = bearer(account.accessToken());

        // a guest cart that cannot be merged does not cost the member their sign-in
        anonymous().documentName("cartLogIn")
                .variable("input", Map.of("email", account.email(), "password", PASSWORD,
                        "guestCartToken", "not a token"))
                .execute()
                .path("logIn.errors").entityList(Object.class).hasSize(0)
                .path("logIn.member.id").entity(String.class).isEqualTo(account.memberId());
        assertThat(cart(member, null, null).get("itemCount")).isEqualTo(0);

        Map<String, Object> merged = mutate(member, "mergeGuestCart", Map.of("guestToken", token));
        Map<String, Object> again = mutate(member, "mergeGuestCart", Map.of("guestToken", token));

        assertThat(items(merged.get("cart"))).extracting(item -> item.get("quantity")).containsExactly(2);
        assertThat(items(again.get("cart"))).extracting(item -> item.get("quantity")).containsExactly(2);
        refused(member, "mergeGuestCart", Map.of("guestToken", "not a token"), "NOT_FOUND",
                List.of("input", "guestToken"));
        refused(guest, "addToCart", line("not a token", tea.productId(), tea.variant("50g"), 1), "NOT_FOUND",
                List.of("input", "guestToken"));
        anonymous().documentName("cart").operationName("mergeGuestCart")
                .variable("input", Map.of("guestToken", token))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    // ---- helpers

    private Map<String, Object> cart(HttpGraphQlTester tester, String guestToken, String memberId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("guestToken", guestToken);
        variables.put("memberId", memberId);
        return tester.documentName("cart").operationName("cart").variables(variables).execute()
                .path("cart").entity(MAP).get();
    }

    /** Runs a cart mutation and answers its payload, failing on user errors. */
    private Map<String, Object> mutate(HttpGraphQlTester tester, String mutation, Map<String, Object> input) {
        GraphQlTester.Response response = tester.documentName("cart").operationName(mutation)
                .variable("input", input).execute();
        response.path(mutation + ".errors").entityList(Object.class).hasSize(0);
        return response.path(mutation).entity(MAP).get();
    }

    private void refused(HttpGraphQlTester tester, String mutation, Map<String, Object> input, String code,
                         List<String> field) {
        tester.documentName("cart").operationName(mutation).variable("input", input).execute()
                .path(mutation + ".cart").valueIsNull()
                .path(mutation + ".errors[0].code").entity(String.class).isEqualTo(code)
                .path(mutation + ".errors[0].field").entityList(String.class).containsExactly(field.toArray(String[]::new));
    }

    private static Map<String, Object> line(String guestToken, String productId, String variantId, int quantity) {
        Map<String, Object> input = new HashMap<>();
        input.put("guestToken", guestToken);
        input.put("productId", productId);
        input.put("variantId", variantId);
        input.put("quantity", quantity);
        return input;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Object cart) {
        return (List<Map<String, Object>>) ((Map<String, Object>) cart).get("items");
    }

    private static Map<String, Object> won(long amount) {
        return Map.of("amount", (int) amount, "currency", "KRW");
    }

    private static Map<String, Object> option(String value, long delta, long stock) {
        return Map.of("optionValues", List.of(value), "priceDelta", Map.of("amount", delta, "currency", "KRW"),
                "weightGrams", 300, "initialStock", stock);
    }

    /** A shop approved by an admin, with a base fee, and one published product with one option axis. */
    @SuppressWarnings("unchecked")
    private Shop shop(String name, long baseFee, long basePrice, List<Map<String, Object>> variants) {
        String sellerId = as("CUSTOMER", null).documentName("registerSeller")
                .variable("input", Map.of(
                        "shopName", name + " " + tag, "representative", "김대표", "businessNumber", "220-81-62517",
                        "contactEmail", "shop@cart.example", "contactPhone", "010-1234-5678",
                        "settlementAccount", Map.of("bankCode", "088", "holderName", "김대표",
                                "maskedNumber", "110-***-***789", "providerToken", "tok_bank_1")))
                .execute()
                .path("registerSeller.errors").entityList(Object.class).hasSize(0)
                .path("registerSeller.seller.id").entity(String.class).get();
        as("ADMIN", null).documentName("sellerDecision").operationName("approveSeller").variable("sellerId", sellerId)
                .execute()
                .path("approveSeller.errors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester seller = seller(sellerId);
        Map<String, Object> krw0 = Map.of("amount", 0, "currency", "KRW");
        seller.documentName("changeShippingPolicy")
                .variable("input", Map.of("policy", Map.of(
                        "baseFee", Map.of("amount", baseFee, "currency", "KRW"), "bundleShipping", true,
                        "jejuSurcharge", krw0, "remoteIslandSurcharge", krw0, "returnFee", krw0,
                        "exchangeFee", krw0)))
                .execute()
                .path("changeShippingPolicy.errors").entityList(Object.class).hasSize(0);
        String productName = (name.equals("찻집") ? "녹차 " : "머그 ") + tag;
        Map<String, Object> product = seller.documentName("createCatalogProduct")
                .variable("input", Map.of("name", productName,
                        "basePrice", Map.of("amount", basePrice, "currency", "KRW"),
                        "options", List.of(Map.of("name", "옵션", "values",
                                variants.stream().map(v -> ((List<String>) v.get("optionValues")).get(0)).toList())),
                        "variants", variants))
                .execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product").entity(Map.class).get();
        String productId = (String) product.get("id");
        seller.documentName("productLifecycle").operationName("publishProduct").variable("productId", productId)
                .execute()
                .path("publishProduct.errors").entityList(Object.class).hasSize(0);
        Map<String, String> variantIds = new HashMap<>();
        for (Map<String, Object> variant : (List<Map<String, Object>>) product.get("variants")) {
            variantIds.put(((List<String>) variant.get("optionValues")).get(0), (String) variant.get("id"));
        }
        return new Shop(sellerId, productId, variantIds);
    }
}
