package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductsConnectionGraphQlIT extends GraphQlTestSupport {

    @Test
    void productsPageForwardAndBackwardInCreationOrder() {
        HttpGraphQlTester owner = seller(uniqueSeller());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add((String) createProduct(owner, "Paged " + i, 1_000 + i).get("id"));
        }

        GraphQlTester.Response newest = anonymous().documentName("products").variable("last", 3).execute();
        newest.path("products.edges[*].node.id").entityList(String.class).containsExactly(created.toArray(String[]::new));
        newest.path("products.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        String firstCursor = newest.path("products.pageInfo.startCursor").entity(String.class).get();
        long total = newest.path("products.totalCount").entity(Long.class).get();
        assertThat(total).isGreaterThanOrEqualTo(3);

        GraphQlTester.Response forward = anonymous().documentName("products")
                .variable("first", 1).variable("after", firstCursor).execute();
        forward.path("products.edges[*].node.id").entityList(String.class).containsExactly(created.get(1));
        forward.path("products.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        forward.path("products.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

        String lastCursor = newest.path("products.pageInfo.endCursor").entity(String.class).get();
        anonymous().documentName("products").variable("last", 2).variable("before", lastCursor).execute()
                .path("products.edges[*].node.id").entityList(String.class)
                .containsExactly(created.get(0), created.get(1));
        anonymous().documentName("products").variable("first", 5).variable("after", lastCursor).execute()
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
