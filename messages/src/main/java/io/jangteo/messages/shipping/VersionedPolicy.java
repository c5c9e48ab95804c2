package io.jangteo.messages.shipping;

import java.util.Objects;

/** A seller's policy with its version number, as the calculator receives it. */
public record VersionedPolicy(int version, ShippingPolicy policy) {
    public VersionedPolicy {
        Objects.requireNonNull(policy, "policy");
    }
}
