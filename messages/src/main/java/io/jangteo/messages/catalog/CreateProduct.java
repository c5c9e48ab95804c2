package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Create a product in a seller's catalog. Name and price rules are the aggregate's to judge. */
public record CreateProduct(@TargetAggregateIdentifier ProductId productId, SellerId sellerId, String name, Money price) {
    public CreateProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }
}
