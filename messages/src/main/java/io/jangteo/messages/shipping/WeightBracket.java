package io.jangteo.messages.shipping;

import io.jangteo.messages.shared.Money;

/** Up to {@code maxWeightGrams} (inclusive) a shipment costs {@code fee}. */
public record WeightBracket(long maxWeightGrams, Money fee) {
}
