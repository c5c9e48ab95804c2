package io.jangteo.messages.shipping;

/** Parts of a shipping fee. */
public enum FeeKind {
    /** The policy's base fee per shipment. */
    BASE,
    /** The base fee waived because the seller's item total reached the free-shipping threshold (a negative amount). */
    FREE_SHIPPING,
    /** Jeju surcharge per shipment. */
    JEJU,
    /** Remote-island surcharge per shipment. */
    REMOTE_ISLAND,
    /** Overseas fee of the destination's zone and the shipment's weight bracket. */
    OVERSEAS
}
