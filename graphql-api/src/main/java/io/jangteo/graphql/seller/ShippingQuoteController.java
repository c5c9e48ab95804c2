package io.jangteo.graphql.seller;

import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.shipping.Destination;
import io.jangteo.messages.shipping.QuoteShippingQuery;
import io.jangteo.messages.shipping.ShippingQuote;
import io.jangteo.messages.shipping.ShippingQuoteResult;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Storefront shipping quotes. The query side computes them with the same calculator orders will use, from the current
 * products and policies; the API only shapes the input.
 */
@Controller
class ShippingQuoteController {

    static final int MAX_ITEMS = 100;

    private final QueryGateway queryGateway;

    ShippingQuoteController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @QueryMapping
    Mono<ShippingQuotePayload> shippingQuote(@Argument ShippingQuoteInput input) {
        QuoteShippingQuery query;
        try {
            query = query(input);
        } catch (InvalidInput invalid) {
            return Mono.just(new ShippingQuotePayload(null, List.of(invalid.error())));
        }
        return Mono.fromFuture(() -> queryGateway.query(query, ShippingQuoteResult.class))
                .map(result -> new ShippingQuotePayload(result.quote(),
                        result.errors().stream().map(UserError::of).toList()));
    }

    private static QuoteShippingQuery query(ShippingQuoteInput input) {
        if (input.items().isEmpty() || input.items().size() > MAX_ITEMS) {
            throw new InvalidInput(io.jangteo.messages.shared.ErrorCode.INVALID_INPUT, List.of("input", "items"),
                    "Give 1 to " + MAX_ITEMS + " items");
        }
        List<QuoteShippingQuery.Item> items = new ArrayList<>();
        for (int i = 0; i < input.items().size(); i++) {
            ItemInput item = input.items().get(i);
            String index = String.valueOf(i);
            ProductId productId = Inputs.id(item.productId(), ProductId::of, "product", "items", index, "productId");
            VariantId variantId = item.variantId() == null ? VariantId.DEFAULT
                    : Inputs.id(item.variantId(), VariantId::of, "variant", "items", index, "variantId");
            items.add(new QuoteShippingQuery.Item(productId, variantId.value(), item.quantity()));
        }
        String country = input.destination().country() == null ? "" : input.destination().country().strip();
        return new QuoteShippingQuery(items, new Destination(country.toUpperCase(java.util.Locale.ROOT),
                input.destination().postcode() == null ? null : input.destination().postcode().strip()));
    }

    record ItemInput(String productId, String variantId, int quantity) {
    }

    record DestinationInput(String country, String postcode) {
    }

    record ShippingQuoteInput(List<ItemInput> items, DestinationInput destination) {
    }

    record ShippingQuotePayload(ShippingQuote quote, List<UserError> errors) {
    }
}
