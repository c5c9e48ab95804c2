package io.jangteo.messages.shipping;

import java.util.List;

/** Overseas fees by country zone; a country in no zone is not served. */
public record OverseasShipping(List<OverseasZone> zones) {
    public OverseasShipping {
        zones = List.copyOf(zones);
    }
}
