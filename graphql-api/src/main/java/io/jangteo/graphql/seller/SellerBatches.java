package io.jangteo.graphql.seller;

import io.jangteo.messages.seller.FindSellersByIdsQuery;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerList;
import io.jangteo.messages.seller.SellerView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves the seller of every item of a batch with one query, for the GraphQL fields that show a seller next to
 * something else (a page of products, the lines of a shipping quote): twenty products cost one read, not twenty.
 */
@Component
public class SellerBatches {

    private final QueryGateway queryGateway;

    SellerBatches(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** Each item with its seller; items whose seller is unknown are left out (the field resolves to null). */
    public <T> Mono<Map<T, SellerView>> sellersOf(List<T> items, Function<T, String> sellerId) {
        Set<SellerId> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add(SellerId.of(sellerId.apply(item))));
        return Mono.fromFuture(() -> queryGateway.query(new FindSellersByIdsQuery(List.copyOf(ids)), SellerList.class))
                .map(list -> {
                    Map<String, SellerView> byId = new HashMap<>();
                    list.sellers().forEach(s -> byId.put(s.id(), s));
                    Map<T, SellerView> result = new HashMap<>();
                    items.forEach(item -> {
                        SellerView seller = byId.get(sellerId.apply(item));
                        if (seller != null) {
                            result.put(item, seller);
                        }
                    });
                    return result;
                });
    }
}
