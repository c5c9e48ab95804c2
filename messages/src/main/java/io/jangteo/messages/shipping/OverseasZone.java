package io.jangteo.messages.shipping;

import java.util.List;
import java.util.Set;

/**
 * Countries (ISO 3166-1 alpha-2) shipped at the same rates. A shipment's fee is the fee of the first bracket whose
 * {@code maxWeightGrams} is at least the shipment's weight; heavier than the last bracket is not served.
 */
public record OverseasZone(String name, Set<String> countries, List<WeightBracket> brackets) {
    public OverseasZone {
        countries = Set.copyOf(countries);
        brackets = List.copyOf(brackets);
    }
}
