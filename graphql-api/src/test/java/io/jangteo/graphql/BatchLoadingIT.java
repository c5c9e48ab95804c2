package io.jangteo.graphql;

import io.jangteo.messages.seller.FindSellerQuery;
import io.jangteo.messages.seller.FindSellersByIdsQuery;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of products from several shops costs one read for all their sellers, not one per product. */
class BatchLoadingIT extends GraphQlTestSupport {

    @Autowired
    QueryBus queryBus;

    @Test
    void aPageOfProductsLoadsItsSellersWithOneQuery() {
        String tag = "batch" + UUID.randomUUID().toString().substring(0, 6);
        for (int shop = 0; shop < 3; shop++) {
            var seller = seller(uniqueSeller());
            for (int i = 0; i < 2; i++) {
                seller.documentName("describeProduct")
                        .variable("input", Map.of("productId", createProduct(seller, "묶음 " + shop + i, 1_000).get("id"),
                                "tags", List.of(tag)))
                        .execute().path("describeProduct.errors").entityList(Object.class).hasSize(0);
            }
        }
        List<Object> sellerQueries = new CopyOnWriteArrayList<>();
        Registration counting = queryBus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof FindSellersByIdsQuery || message.getPayload() instanceof FindSellerQuery) {
                sellerQueries.add(message.getPayload());
            }
            return message;
        });
        try {
            as("ADMIN", null).document("query($text: String) { products(filter: {text: $text}, first: 20) "
                            + "{ edges { node { id seller { id } sellerId } } } }")
                    .variable("text", tag)
                    .execute()
                    .path("products.edges").entityList(Object.class).hasSize(6);
        } finally {
            counting.cancel();
        }
        assertThat(sellerQueries).singleElement().isInstanceOfSatisfying(FindSellersByIdsQuery.class,
                query -> assertThat(query.sellerIds()).hasSize(3));
    }
}
