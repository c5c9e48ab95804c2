package io.jangteo.messages.shipping;

import io.jangteo.messages.shared.Money;

/** One part of a seller's fee, with a sentence for a person ("Jeju surcharge, 2 shipments"). */
public record FeeComponent(FeeKind kind, Money amount, String description) {
}
