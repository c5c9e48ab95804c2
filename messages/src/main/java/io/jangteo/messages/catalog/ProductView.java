package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Money;

import java.time.Instant;

/** The current state of a product as the catalog read model knows it; {@code version} is its last event's sequence. */
public record ProductView(String id, String sellerId, String name, Money price, long version,
                          Instant createdAt, Instant updatedAt) {
}
