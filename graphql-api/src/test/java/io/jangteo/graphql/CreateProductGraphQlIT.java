package io.jangteo.graphql;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CreateProductGraphQlIT extends GraphQlTestSupport {

    @Test
    void createProductAnswersTheProductAsStoredInTheReadModel() {
        String shop = uniqueSeller();
        Map<String, Object> product = createProduct(seller(shop), "  유기농 김치 1kg ", 12_000);

        assertThat(product.get("name")).isEqualTo("유기농 김치 1kg");
        assertThat(product.get("sellerId")).isEqualTo(shop);
        assertThat(product.get("price")).isEqualTo(Map.of("amount", 12000, "currency", "KRW"));
        assertThat(product.get("version")).isEqualTo(0);
        // a new product is a draft: its seller sees it, the storefront does not
        seller(shop).documentName("product").variable("id", product.get("id")).execute()
                .path("product.name").entity(String.class).isEqualTo("유기농 김치 1kg");
        anonymous().documentName("product").variable("id", product.get("id")).execute()
                .path("product").valueIsNull();
        assertThat(eventsOf((String) product.get("id"))).hasSize(1);
    }

    @Test
    void adminCreatesProductsForAnySeller() {
        String shop = uniqueSeller();
        as("ADMIN", null).documentName("createProduct")
                .variable("input", Map.of("sellerId", shop, "name", "Admin-made",
                        "basePrice", Map.of("amount", 0, "currency", "KRW")))
                .execute()
                .path("createProduct.errors").entityList(Object.class).hasSize(0)
                .path("createProduct.product.sellerId").entity(String.class).isEqualTo(shop);
    }

    @Test
    void createProductRefusesABlankNameAsAUserErrorAndStoresNothing() {
        long before = totalCount();
        seller(uniqueSeller()).documentName("createProduct")
                .variable("input", Map.of("name", "   ", "basePrice", Map.of("amount", 1000, "currency", "KRW")))
                .execute()
                .path("createProduct.product").valueIsNull()
                .path("createProduct.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createProduct.errors[0].field").entityList(String.class).containsExactly("input", "name");
        assertThat(totalCount()).isEqualTo(before);
    }

    @Test
    void createProductRefusesANegativePrice() {
        seller(uniqueSeller()).documentName("createProduct")
                .variable("input", Map.of("name", "Cheap", "basePrice", Map.of("amount", -1, "currency", "KRW")))
                .execute()
                .path("createProduct.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createProduct.errors[0].field").entityList(String.class)
                .containsExactly("input", "basePrice", "amount");
    }

    @Test
    void createProductRefusesAnUnknownCurrencyShape() {
        seller(uniqueSeller()).documentName("createProduct")
                .variable("input", Map.of("name", "Won", "basePrice", Map.of("amount", 100, "currency", "won")))
                .execute()
                .path("createProduct.errors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createProduct.errors[0].field").entityList(String.class)
                .containsExactly("input", "basePrice", "currency");
    }

    @Test
    void anonymousCallersMustSignInToCreate() {
        anonymous().documentName("createProduct")
                .variable("input", Map.of("name", "x", "basePrice", Map.of("amount", 1, "currency", "KRW")))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "UNAUTHENTICATED");
                });
    }

    @Test
    void customersMayNotCreateProducts() {
        as("CUSTOMER", null).documentName("createProduct")
                .variable("input", Map.of("sellerId", "any", "name", "x",
                        "basePrice", Map.of("amount", 1, "currency", "KRW")))
                .execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "FORBIDDEN"));
    }

    @Test
    void aSellerMayNotCreateInAnotherSellersShop() {
        seller(uniqueSeller()).documentName("createProduct")
                .variable("input", Map.of("sellerId", uniqueSeller(), "name", "Sneaky",
                        "basePrice", Map.of("amount", 1, "currency", "KRW")))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN");
                    assertThat(errors.get(0).getMessage()).doesNotContain("Exception");
                });
    }

    private long totalCount() {
        return as("ADMIN", null).documentName("products").variable("first", 1).execute()
                .path("products.totalCount").entity(Long.class).get();
    }
}
