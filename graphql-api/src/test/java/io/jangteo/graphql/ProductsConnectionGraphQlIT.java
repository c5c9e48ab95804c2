package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductsConnectionGraphQlIT extends GraphQlTestSupport {

    @Test
    void productsPageForwardAndBackwardInCreationOrder() {
        String shop = uniqueSeller();
        HttpGraphQlTester owner = seller(shop);
        Map<String, Object> ownShop = Map.of("sellerId", shop);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add((String) createProduct(owner, "Paged " + i, 1_000 + i).get("id"));
        }

        // drafts: the shop's own seller pages through them, a visitor sees none
        anonymous().documentName("products").variable("filter", ownShop).variable("first", 10).execute()
                .path("products.totalCount").entity(Long.class).isEqualTo(0L);

        GraphQlTester.Response newest = owner.documentName("products").variable("filter", ownShop)
                .variable("sort", "OLDEST").variable("last", 3).execute();
        newest.path("products.edges[*].node.id").entityList(String.class).containsExactly(created.toArray(String[]::new));
        newest.path("products.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        String firstCursor = newest.path("products.pageInfo.startCursor").entity(String.class).get();
        assertThat(newest.path("products.totalCount").entity(Long.class).get()).isEqualTo(3);

        GraphQlTester.Response forward = owner.documentName("products").variable("filter", ownShop)
                .variable("sort", "OLDEST").variable("first", 1).variable("after", firstCursor).execute();
        forward.path("products.edges[*].node.id").entityList(String.class).containsExactly(created.get(1));
        forward.path("products.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        forward.path("products.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

        String lastCursor = newest.path("products.pageInfo.endCursor").entity(String.class).get();
        owner.documentName("products").variable("filter", ownShop).variable("sort", "OLDEST")
                .variable("last", 2).variable("before", lastCursor).execute()
                .path("products.edges[*].node.id").entityList(String.class)
                .containsExactly(created.get(0), created.get(1));
        owner.documentName("products").variable("filter", ownShop).variable("sort", "OLDEST")
                .variable("first", 5).variable("after", lastCursor).execute()
                .path("products.edges").entityList(Object.class).hasSize(0)
                .path("products.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void aForgedCursorIsABadUserInputError() {
        anonymous().documentName("products").variable("first", 1).variable("after", "not-a-cursor").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "BAD_USER_INPUT"));
    }

    @Test
    void pagesAreLimitedToOneHundredProducts() {
        anonymous().documentName("products").variable("first", 101).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "BAD_USER_INPUT"));
    }
}
