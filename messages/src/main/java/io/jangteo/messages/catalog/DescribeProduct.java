package io.jangteo.messages.catalog;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a product's description, brand and tags. */
public record DescribeProduct(@TargetAggregateIdentifier ProductId productId, String description, String brand,
                              List<String> tags) {
    public DescribeProduct {
        Objects.requireNonNull(productId, "productId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
